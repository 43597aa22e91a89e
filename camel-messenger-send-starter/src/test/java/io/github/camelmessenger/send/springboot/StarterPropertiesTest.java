package io.github.camelmessenger.send.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.MessengerTokenProvider;
import io.github.camelmessenger.send.error.ErrorRule;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.error.MessengerErrorRules;
import io.github.camelmessenger.send.graph.AppSecretProof;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every camel.component.messenger-send.* property reaches the wire or the component, and the Spring configuration
 * metadata documents each one.
 */
@SpringBootTest(classes = StarterPropertiesTest.App.class, properties = {
        "camel.component.messenger-send.app-secret=starter-app-secret",
        "camel.component.messenger-send.api-version=v25.0",
        "camel.component.messenger-send.messaging-type=MESSAGE_TAG",
        "camel.component.messenger-send.tag=HUMAN_AGENT",
        "camel.component.messenger-send.notification-type=SILENT_PUSH",
        "camel.component.messenger-send.validate=false",
        "camel.component.messenger-send.platform=INSTAGRAM",
        "camel.component.messenger-send.page-tokens.5566=token-for-5566",
        "camel.component.messenger-send.rate-limit=250",
        "camel.component.messenger-send.rate-limit-backoff=45s",
        "camel.component.messenger-send.connect-timeout=4s",
        "camel.component.messenger-send.request-timeout=20000",
        "camel.component.messenger-send.lazy-start-producer=true",
        "camel.component.messenger-send.autowired-enabled=false",
        "camel.component.messenger-send.health-check-enabled=true",
        "camel.component.messenger-send.health-check-producer-enabled=false",
        "camel.component.messenger-send.health-check-cache-time=1m",
        "camel.component.messenger-send.token-provider=#bean:vault",
        "camel.component.messenger-send.error-classifier=#myRules" })
class StarterPropertiesTest {

    @Configuration
    @EnableAutoConfiguration
    static class App {
        // two providers: the property picks one, where a single bean would be picked by itself
        @Bean
        MessengerTokenProvider vault() {
            return pageId -> "7788".equals(pageId) ? "vault-token-7788" : null;
        }

        @Bean
        MessengerTokenProvider otherVault() {
            return pageId -> "other-vault-token";
        }

        @Bean
        MessengerErrorClassifier myRules() {
            return MessengerErrorRules.of(ErrorRule.code(1390008).is(FailureKind.TEMPORARY));
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:notify").to("messenger-send:1122334455");
                }
            };
        }
    }

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        GraphStandIn.baseUri(registry);
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    ApplicationContext spring;

    @BeforeEach
    void stub() {
        GraphStandIn.SERVER.resetAll();
        GraphStandIn.SERVER
                .stubFor(post(anyUrl()).willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}")));
    }

    @Test
    void propertiesReachTheWire() {
        String tooLongForValidation = "x".repeat(2001);
        template.sendBodyAndHeader("direct:notify", tooLongForValidation, MessengerSendConstants.RECIPIENT_ID, "42");

        LoggedRequest request = GraphStandIn.SERVER.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getUrl()).isEqualTo("/v25.0/1122334455/messages?appsecret_proof="
                + AppSecretProof.of("starter-app-secret", GraphStandIn.TOKEN));
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GraphStandIn.TOKEN);
        JsonNode body = json(request.getBodyAsString());
        assertThat(body.path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
        assertThat(body.path("tag").asText()).isEqualTo("HUMAN_AGENT");
        assertThat(body.path("notification_type").asText()).isEqualTo("SILENT_PUSH");
        assertThat(body.path("message").path("text").asText()).hasSize(2001);
    }

    @Test
    void propertiesReachTheComponent() {
        MessengerSendComponent component = camelContext.getComponent("messenger-send", MessengerSendComponent.class);

        assertThat(component.getConfiguration().getRateLimit()).isEqualTo(250.0);
        assertThat(component.getConfiguration().accessTokenFor("5566")).isEqualTo("token-for-5566");
        assertThat(component.getConfiguration().getPlatform())
                .isEqualTo(io.github.camelmessenger.send.model.Platform.INSTAGRAM);
        assertThat(component.getConfiguration().getRateLimitBackoff()).isEqualTo(45_000);
        assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(4_000);
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(20_000);
        assertThat(component.isLazyStartProducer()).isTrue();
        assertThat(component.isAutowiredEnabled()).isFalse();
        assertThat(component.getConfiguration().accessTokenFor("7788")).isEqualTo("vault-token-7788");
        // health-check-enabled, the starter's name, wins over health-check-producer-enabled
        assertThat(component.isHealthCheckProducerEnabled()).isTrue();
        assertThat(component.getHealthCheckCacheTime()).isEqualTo(60_000);
        assertThat(component.getConfiguration().getErrorClassifier())
                .isSameAs(spring.getBean("myRules", MessengerErrorClassifier.class));
    }

    @Test
    void metadataDocumentsEveryPropertyWithADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            metadata = json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, JsonNode> ours = new java.util.TreeMap<>();
        metadata.path("properties").forEach(p -> {
            if (p.path("name").asText().startsWith("camel.component.messenger-send.")) {
                ours.put(p.path("name").asText().substring("camel.component.messenger-send.".length()), p);
            }
        });

        assertThat(ours.keySet()).containsExactlyInAnyOrder("enabled", "customizer.enabled", "access-token",
                "app-secret",
                "api-version", "page-tokens", "token-provider", "error-classifier", "base-uri", "messaging-type",
                "notification-type", "tag",
                "validate", "platform", "rate-limit", "rate-limit-backoff", "connect-timeout", "request-timeout",
                "lazy-start-producer", "autowired-enabled", "health-check-producer-enabled", "health-check-enabled",
                "health-check-cache-time");
        assertThat(ours.values()).allSatisfy(p -> assertThat(p.path("description").asText()).isNotBlank());
        Set<String> withoutDefault = ours.entrySet().stream().filter(e -> !e.getValue().has("defaultValue"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        // the only properties without a default are the ones that have none: secrets, the beans, tag, notification
        // type, messaging type (implied by the tag and the body when unset), and health-check-enabled (unset:
        // health-check-producer-enabled decides)
        assertThat(withoutDefault).containsExactlyInAnyOrder("access-token", "app-secret", "page-tokens",
                "token-provider", "error-classifier", "tag", "notification-type", "messaging-type",
                "health-check-enabled");
    }

    @Test
    void secretsAreSanitizedInActuator() {
        SanitizingFunction sanitizer = spring.getBean("messengerSendSecretsSanitizer", SanitizingFunction.class);

        for (String key : new String[] { "camel.component.messenger-send.access-token",
                "camel.component.messenger-send.app-secret", "CAMEL_COMPONENT_MESSENGERSEND_ACCESSTOKEN",
                "camel.component.messenger-send.page-tokens.5566",
                "accessToken" }) {
            assertThat(sanitizer.apply(new SanitizableData(null, key, "value")).getValue())
                    .as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
        assertThat(sanitizer.apply(new SanitizableData(null, "camel.component.messenger-send.tag", "HUMAN_AGENT"))
                .getValue()).isEqualTo("HUMAN_AGENT");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
