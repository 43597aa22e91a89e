package io.github.camelmessenger.send.springboot;

import java.util.Collection;

import io.github.camelmessenger.send.MessengerSendProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
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
 * reaches Spring Boot actuator's health.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterHealthCheckTest.App.class, properties = {
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

    @Autowired
    HealthEndpoint health;

    @Test
    void upWhenTheTokenWorksAndDownWhenMetaRefusesIt() {
        GraphStandIn.SERVER.resetAll();
        GraphStandIn.SERVER.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(okJson("{\"id\":\"1122334455\"}")));

        assertThat(tokenCheck().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(camelHealth().getStatus()).isEqualTo(Status.UP);

        GraphStandIn.SERVER.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}")));

        assertThat(tokenCheck().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(camelHealth().getStatus()).isEqualTo(Status.DOWN);
    }

    private HealthCheck.Result tokenCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(camelContext);
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith(MessengerSendProducerHealthCheck.ID_PREFIX))
                .findFirst().orElseThrow(() -> new AssertionError("no " + MessengerSendProducerHealthCheck.ID_PREFIX
                        + "* in " + results));
    }

    private HealthComponent camelHealth() {
        HealthComponent all = health.health();
        assertThat(all).isInstanceOf(CompositeHealth.class);
        HealthComponent camel = ((CompositeHealth) all).getComponents().get("camelHealth");
        assertThat(camel).as("camelHealth among %s", ((CompositeHealth) all).getComponents().keySet()).isNotNull();
        return camel;
    }
}
