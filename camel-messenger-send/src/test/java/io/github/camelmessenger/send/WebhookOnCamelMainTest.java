package io.github.camelmessenger.send;

import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook on camel-main as an application runs it: the HTTP server comes from camel-platform-http-main,
 * configured with camel.server.* properties, and the webhook route needs nothing else.
 */
class WebhookOnCamelMainTest {

    @Test
    void theWebhookServesOnTheServerCamelMainConfigures() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("webhook.verifyToken", WebhookHttp.VERIFY_TOKEN);
        main.addInitialProperty("webhook.appSecret", WebhookHttp.APP_SECRET);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-webhook:messenger?verifyToken={{webhook.verifyToken}}&appSecret={{webhook.appSecret}}")
                        .process(e -> texts.add(e.getMessage().getHeader("CamelMessengerEventText", String.class)));
            }
        });
        main.start();
        try {
            WebhookHttp http = new WebhookHttp(port);

            HttpResponse<String> check = http.get("/messenger?hub.mode=subscribe&hub.verify_token="
                    + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=42");
            HttpResponse<String> call = http.postSigned("/messenger",
                    WebhookHttp.page(WebhookHttp.message("m_main", "from camel-main")));

            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body()).isEqualTo("42");
            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(texts).containsExactly("from camel-main");
        } finally {
            main.stop();
        }
    }
}
