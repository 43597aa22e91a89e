package io.github.camelmessenger.send;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The messenger-webhook-source Kamelet shipped in the jar: events out as JSON with the CamelMessenger* headers. */
class WebhookKameletTest extends WebhookTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:messenger-webhook-source?path=from-kamelet&verifyToken=RAW(" + WebhookHttp.VERIFY_TOKEN
                        + ")&appSecret=RAW(" + WebhookHttp.APP_SECRET + ")").to("mock:kamelet");
            }
        };
    }

    @Test
    void eventsComeOutAsJsonWithTheirHeaders() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:kamelet");
        out.expectedMessageCount(1);

        assertThat(http.get("/from-kamelet?hub.mode=subscribe&hub.verify_token=" + WebhookHttp.VERIFY_TOKEN
                + "&hub.challenge=7").body()).isEqualTo("7");
        assertThat(http.postSigned("/from-kamelet", WebhookHttp.page(WebhookHttp.message("m_k", "via kamelet")))
                .statusCode()).isEqualTo(200);

        out.assertIsSatisfied();
        Message event = out.getReceivedExchanges().get(0).getMessage();
        assertThat(event.getBody()).isInstanceOf(String.class);
        assertThat(event.getBody(String.class)).contains("\"mid\":\"m_k\"", "\"text\":\"via kamelet\"");
        assertThat(event.getHeaders()).containsEntry("CamelMessengerEventType", "message")
                .containsEntry("CamelMessengerPageId", WebhookHttp.PAGE)
                .containsEntry("CamelMessengerRecipientId", WebhookHttp.PSID);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kameletFollowsCamelKameletConventions() throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("kamelets/messenger-webhook-source.kamelet.yaml")) {
            assertThat(in).as("the Kamelet in the component jar").isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(((Map<String, Object>) metadata.get("labels"))).containsEntry("camel.apache.org/kamelet.type",
                "source");
        Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec"))
                .get("definition");
        assertThat((List<String>) definition.get("required")).containsExactlyInAnyOrder("path", "verifyToken",
                "appSecret");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat(properties).containsOnlyKeys("path", "verifyToken", "appSecret");
        for (String secret : List.of("verifyToken", "appSecret")) {
            assertThat(properties.get(secret)).containsEntry("format", "password");
        }
    }
}
