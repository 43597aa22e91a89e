package io.github.camelmessenger.send.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.MessengerSendProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's Page token health check is a Camel readiness check, on with Camel's producer health checks, and
 * reaches Spring Boot actuator's health. Actuator is read over HTTP, as a platform's probe reads it, so the test holds on
 * Spring Boot 3 and 4 alike (Boot 4 moved the health classes to other packages).
 */
@SpringBootTest(classes = StarterHealthCheckTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.messenger-send.health-check-enabled=true",
                        "camel.component.messenger-send.health-check-cache-time=0s",
                        "camel.health.enabled=true",
                        "camel.health.producers-enabled=true",
                        "camel.health.exposure-level=full",
                        "management.endpoint.health.show-details=always",
                        "management.endpoint.health.show-components=always" })
class StarterHealthCheckTest {

    @Configuration
    @EnableAutoConfiguration
    static class App {
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

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void upWhenTheTokenWorksAndDownWhenMetaRefusesIt() throws Exception {
        GraphStandIn.SERVER.resetAll();
        GraphStandIn.SERVER.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(okJson("{\"id\":\"1122334455\"}")));

        assertThat(tokenCheck().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(actuatorHealth(200).path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");

        GraphStandIn.SERVER.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}")));

        assertThat(tokenCheck().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(actuatorHealth(503).path("components").path("camelHealth").path("status").asText())
                .isEqualTo("DOWN");
    }

    private HealthCheck.Result tokenCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(camelContext);
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith(MessengerSendProducerHealthCheck.ID_PREFIX))
                .findFirst().orElseThrow(() -> new AssertionError("no " + MessengerSendProducerHealthCheck.ID_PREFIX
                        + "* in " + results));
    }

    /** GET /actuator/health, asserting its HTTP status (200 when up, 503 when down). */
    private JsonNode actuatorHealth(int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("components").has("camelHealth")).as(response.body()).isTrue();
        return health;
    }
}
