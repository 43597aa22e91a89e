package io.github.camelmessenger.send.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelmessenger.send.MessengerWebhookComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A messenger-webhook route configured only through camel.component.messenger-webhook.* properties, served by
 * camel-platform-http-starter on the application's own (servlet) HTTP server, as Meta calls it.
 */
@SpringBootTest(classes = WebhookPlatformHttpStarterTest.App.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "server.port=0",
                        "camel.component.messenger-webhook.verify-token=starter-verify-token",
                        "camel.component.messenger-webhook.app-secret=starter-webhook-secret",
                        "camel.component.messenger-webhook.events=message,postback",
                        "camel.component.messenger-webhook.max-body-size=65536",
                        "camel.component.messenger-webhook.idempotent-repository=#bean:seenEvents",
                        "management.endpoints.web.exposure.include=configprops,env",
                        "management.endpoint.configprops.show-values=always",
                        "management.endpoint.env.show-values=always" })
class WebhookPlatformHttpStarterTest {

    private static final String SECRET = "starter-webhook-secret";
    private static final String EVENT = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1700000000000,"
            + "\"messaging\":[{\"sender\":{\"id\":\"PSID_7\"},\"recipient\":{\"id\":\"PAGE_1\"},"
            + "\"timestamp\":1700000000000,\"message\":{\"mid\":\"m_%s\",\"text\":\"h\u00e9llo\"}}]}]}";

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        IdempotentRepository seenEvents() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        IdempotentRepository otherRepository() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger-webhook:messenger").to("mock:events");
                }
            };
        }
    }

    // local.server.port rather than @LocalServerPort, whose package differs between Spring Boot 3 and 4
    @Value("${local.server.port}")
    int port;

    @Autowired
    CamelContext camelContext;

    private final HttpClient http = HttpClient.newHttpClient();

    private MockEndpoint events;

    @BeforeEach
    void reset() {
        events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.reset();
    }

    @Test
    void propertiesReachTheComponent() {
        MessengerWebhookComponent component =
                camelContext.getComponent("messenger-webhook", MessengerWebhookComponent.class);

        assertThat(component.getConfiguration().getVerifyToken()).isEqualTo("starter-verify-token");
        assertThat(component.getConfiguration().getEvents()).isEqualTo("message,postback");
        assertThat(component.getConfiguration().getMaxBodySize()).isEqualTo(65536);
        assertThat(component.getConfiguration().getIdempotentRepository())
                .isSameAs(camelContext.getRegistry().lookupByName("seenEvents"));
    }

    @Test
    void subscriptionCheckAnswersTheChallengeOnlyToTheVerifyToken() throws Exception {
        HttpResponse<String> right = get("/messenger?hub.mode=subscribe&hub.verify_token=starter-verify-token"
                + "&hub.challenge=1158201444");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");

        HttpResponse<String> wrong = get("/messenger?hub.mode=subscribe&hub.verify_token=not-the-token"
                + "&hub.challenge=1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("1158201444");
    }

    @Test
    void aSignedPostRoutesTheEventWithItsHeaders() throws Exception {
        byte[] body = String.format(EVENT, "signed").getBytes(StandardCharsets.UTF_8);
        events.expectedMessageCount(1);

        HttpResponse<String> answer = post(body, "sha256=" + hmac(body));

        assertThat(answer.statusCode()).isEqualTo(200);
        events.assertIsSatisfied();
        Exchange exchange = events.getExchanges().get(0);
        assertThat(exchange.getMessage().getHeader("CamelMessengerEventType")).isEqualTo("message");
        assertThat(exchange.getMessage().getHeader("CamelMessengerRecipientId")).isEqualTo("PSID_7");
        assertThat(exchange.getMessage().getHeader("CamelMessengerPageId")).isEqualTo("PAGE_1");
        assertThat(exchange.getMessage().getHeader("CamelMessengerEventText")).isEqualTo("h\u00e9llo");
    }

    @Test
    void anUnsignedOrWronglySignedPostIsRefusedAndRoutesNothing() throws Exception {
        byte[] body = String.format(EVENT, "unsigned").getBytes(StandardCharsets.UTF_8);
        events.expectedMessageCount(0);

        assertThat(post(body, null).statusCode()).isEqualTo(403);
        assertThat(post(body, "sha256=" + hmac("other body".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(403);

        events.setAssertPeriod(200);
        events.assertIsSatisfied();
    }

    @Test
    void actuatorMasksTheSecrets() throws Exception {
        for (String endpoint : new String[] { "/actuator/configprops", "/actuator/env" }) {
            HttpResponse<String> answer = get(endpoint);
            assertThat(answer.statusCode()).as(endpoint).isEqualTo(200);
            assertThat(answer.body()).as(endpoint).contains("messenger-webhook")
                    .doesNotContain("starter-verify-token").doesNotContain(SECRET).contains("******");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/messenger"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
