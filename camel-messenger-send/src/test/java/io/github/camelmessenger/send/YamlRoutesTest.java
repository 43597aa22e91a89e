package io.github.camelmessenger.send;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.graph.AppSecretProof;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML routes (camel-yaml-dsl) and the messenger-send-sink Kamelet shipped in the jar, against the Graph API
 * stand-in.
 */
class YamlRoutesTest extends MessengerSendTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the routes come from YAML
            }
        };
    }

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        context.getPropertiesComponent().addInitialProperty("test.page", PAGE_ID);
        context.getPropertiesComponent().addInitialProperty("test.token", TOKEN);
        context.getPropertiesComponent().addInitialProperty("test.baseUri", baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/every-option.camel.yaml"));
    }

    @Test
    void everyEndpointOptionSetThroughParameters() {
        sendTo("direct:yaml-every-option", "x".repeat(2001), Map.of());

        // validate=false let the over-long text through; the rest is on the wire or on the endpoint
        assertSent("/v25.0/" + PAGE_ID + "/messages?appsecret_proof=" + AppSecretProof.of("yaml-app-secret", TOKEN),
                "{\"recipient\":{\"id\":\"psid-from-yaml\"},\"messaging_type\":\"MESSAGE_TAG\",\"message\":{\"text\":\""
                        + "x".repeat(2001) + "\"},\"tag\":\"HUMAN_AGENT\",\"notification_type\":\"NO_PUSH\","
                        + "\"persona_id\":\"persona-from-yaml\"}");
        MessengerSendEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e instanceof MessengerSendEndpoint m && m.getConfiguration().getRateLimit() == 100)
                .map(MessengerSendEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getRateLimitBackoff()).isEqualTo(30_000);
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(3_000);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(15_000);
        assertThat(endpoint.isLazyStartProducer()).isTrue();
    }

    @Test
    void senderActionFromYaml() {
        sendTo("direct:yaml-sender-action", "ignored", Map.of());

        assertSent("{\"recipient\":{\"id\":\"psid-from-yaml\"},\"sender_action\":\"typing_on\"}");
    }

    @Test
    void jsonTemplateBodySetInYaml() {
        sendTo("direct:yaml-template", null, Map.of());

        assertSent(
                """
                        {"recipient":{"id":"psid-from-header"},"messaging_type":"UPDATE","message":{"attachment":{"type":"template",
                         "payload":{"template_type":"button","text":"Your order has shipped",
                          "buttons":[{"type":"web_url","title":"Track","url":"https://example.com/track"}]}}}}""");
    }

    @Test
    void kameletFromAYamlRouteWithTheKameletStyleRecipientHeader() {
        sendTo("direct:yaml-kamelet", "Your order has shipped", Map.of("recipient-id", "psid-kamelet"));

        assertSent(
                """
                        {"recipient":{"id":"psid-kamelet"},"messaging_type":"UPDATE","message":{"text":"Your order has shipped"},
                         "notification_type":"SILENT_PUSH"}""");
    }

    @Test
    void camelMessengerHeadersPassThroughTheKamelet() {
        sendTo("direct:yaml-kamelet", "{\"text\":\"hi\",\"metadata\":\"m-1\"}",
                Map.of(MessengerSendConstants.RECIPIENT_USER_REF, "ref-9", MessengerSendConstants.REPLY_TO,
                        "m_parent"));

        assertSent("""
                {"recipient":{"user_ref":"ref-9"},"messaging_type":"UPDATE","message":{"text":"hi","metadata":"m-1"},
                 "notification_type":"SILENT_PUSH","reply_to":{"mid":"m_parent"}}""");
    }

    @Test
    void theComponentsRecipientHeaderWinsOverTheKameletStyleOne() {
        sendTo("direct:yaml-kamelet", "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "psid-header",
                "recipient-id", "psid-kamelet-style"));

        assertThat(bodyOf(onlyRequest()).path("recipient")).isEqualTo(json("{\"id\":\"psid-header\"}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kameletFollowsCamelKameletConventions() throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("kamelets/messenger-send-sink.kamelet.yaml")) {
            assertThat(in).as("the Kamelet in the component jar").isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(((Map<String, Object>) metadata.get("labels"))).containsEntry("camel.apache.org/kamelet.type",
                "sink");
        assertThat(((Map<String, Object>) metadata.get("annotations")).get("camel.apache.org/kamelet.icon").toString())
                .startsWith("data:image/svg+xml;base64,");
        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        assertThat(definition).containsKeys("title", "description");
        assertThat((List<String>) definition.get("required")).containsExactlyInAnyOrder("pageId", "accessToken");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat(properties).containsOnlyKeys("pageId", "accessToken", "appSecret", "recipientId", "messagingType",
                "notificationType", "tag", "rateLimit", "apiVersion", "baseUri");
        for (String secret : List.of("accessToken", "appSecret")) {
            assertThat(properties.get(secret)).containsEntry("format", "password")
                    .containsEntry("x-descriptors", List.of("urn:camel:group:credentials"));
        }
        assertThat(properties.values()).allSatisfy(p -> assertThat(p).containsKeys("title", "description", "type"));
        assertThat((List<String>) spec.get("dependencies"))
                .contains("mvn:io.github.camelmessenger:camel-messenger-send:1.0.0-SNAPSHOT");
    }
}
