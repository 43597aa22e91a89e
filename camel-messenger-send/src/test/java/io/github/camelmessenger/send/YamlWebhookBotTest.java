package io.github.camelmessenger.send;

import java.net.http.HttpResponse;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML bot ({@code routes/webhook-bot.camel.yaml}): the messenger-webhook-source Kamelet on the camel-main HTTP
 * server receives a signed message event, and messenger-send answers it to the sender, from the Page that received
 * it.
 */
class YamlWebhookBotTest extends MessengerSendTestSupport {

    private final WebhookHttp http = new WebhookHttp();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        http.addServerTo(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the route comes from YAML
            }
        };
    }

    @BeforeEach
    void loadYamlBot() throws Exception {
        context.getPropertiesComponent().addInitialProperty("test.verifyToken", WebhookHttp.VERIFY_TOKEN);
        context.getPropertiesComponent().addInitialProperty("test.appSecret", WebhookHttp.APP_SECRET);
        context.getPropertiesComponent().addInitialProperty("test.token", TOKEN);
        context.getPropertiesComponent().addInitialProperty("test.baseUri", baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/webhook-bot.camel.yaml"));
    }

    @Test
    void aMessageIsAnsweredWithItsOwnText() {
        String body = WebhookHttp.page(WebhookHttp.message("m_yaml", "hello from YAML"));

        HttpResponse<String> answer = http.postSigned("/yaml-bot", body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");
        assertSent("/v24.0/" + WebhookHttp.PAGE + "/messages", "{\"recipient\":{\"id\":\"" + WebhookHttp.PSID
                + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"You said: hello from YAML\"}}");
    }

    @Test
    void whatIsNotAMessageIsNotAnswered() {
        String body = WebhookHttp.page(WebhookHttp.event("\"read\":{\"watermark\":1700000000000}"));

        assertThat(http.postSigned("/yaml-bot", body).statusCode()).isEqualTo(200);
        assertThat(received()).isEmpty();
    }
}
