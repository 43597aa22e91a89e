package io.github.camelmessenger.send;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Spring Boot: each producer's token check is in Camel's producers health check repository while the producer
 * runs, as camel-main (and Camel K) users get it with {@code camel.health.producersEnabled=true}.
 */
class ProducerHealthCheckRegistrationTest {

    private static final String TOKEN = MessengerSendTestSupport.TOKEN;

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stub() {
        graph.resetAll();
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(okJson("{\"id\":\"1122334455\",\"name\":\"Shop\"}")));
    }

    private static RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:notify").routeId("notify").to("messenger-send:1122334455");
            }
        };
    }

    @Test
    void producersCallingWithTheSameTokensShareOneCheck() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
            HealthCheckRegistry.get(context).setExposureLevel("full");
            MessengerSendComponent component = new MessengerSendComponent();
            component.getConfiguration().setAccessToken(TOKEN);
            component.getConfiguration().setBaseUri(graph.baseUrl());
            context.addComponent("messenger-send", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // two routes to one URI, and a route to another Page with the same token
                    from("direct:a").routeId("a").to("messenger-send:1122334455");
                    from("direct:b").routeId("b").to("messenger-send:1122334455");
                    from("direct:c").routeId("c").to("messenger-send:5566778899");
                    from("direct:d").routeId("d").to("messenger-send:1122334455?accessToken=RAW(other-token)");
                }
            });
            context.start();

            assertThat(checks(context)).hasSize(2);
            HealthCheckHelper.invoke(context);
            // one GET /me per token, whatever the number of producers
            assertThat(graph.findAll(anyRequestedFor(anyUrl()))).hasSize(2);

            context.getRouteController().stopRoute("a");
            context.getRouteController().stopRoute("c");
            assertThat(checks(context)).hasSize(2);
            context.getRouteController().stopRoute("b");
            assertThat(checks(context)).hasSize(1);
            context.getRouteController().stopRoute("d");
            assertThat(checks(context)).isEmpty();
        }
    }

    private static List<String> checks(CamelContext context) {
        return HealthCheckHelper.invoke(context).stream().map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith(MessengerSendProducerHealthCheck.ID_PREFIX)).toList();
    }

    @Test
    void aPlainCamelContextWithProducerChecksOnListsTheCheckWhileTheRouteRuns() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            // what camel.health.producersEnabled=true does
            HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
            producers.setEnabled(true);
            HealthCheckRegistry.get(context).setExposureLevel("full");
            MessengerSendComponent component = new MessengerSendComponent();
            component.getConfiguration().setAccessToken(TOKEN);
            component.getConfiguration().setBaseUri(graph.baseUrl());
            context.addComponent("messenger-send", component);
            context.addRoutes(route());
            context.start();

            Optional<HealthCheck.Result> check = ours(HealthCheckHelper.invoke(context));
            assertThat(check).isPresent();
            assertThat(check.get().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(check.get().getDetails()).containsEntry("page.id", "1122334455");
            assertThat(HealthCheckHelper.invokeLiveness(context).stream().map(r -> r.getCheck().getId()))
                    .noneMatch(id -> id.startsWith(MessengerSendProducerHealthCheck.ID_PREFIX));

            context.getRouteController().stopRoute("notify");

            assertThat(ours(HealthCheckHelper.invoke(context))).isEmpty();
        }
    }

    @Test
    void aPlainCamelContextWithoutProducerChecksCallsNothing() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("messenger-send", MessengerSendComponent.class).getConfiguration()
                    .setBaseUri(graph.baseUrl());
            context.getComponent("messenger-send", MessengerSendComponent.class).getConfiguration()
                    .setAccessToken(TOKEN);
            context.addRoutes(route());
            context.start();

            assertThat(ours(HealthCheckHelper.invoke(context))).isEmpty();
            assertThat(graph.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        }
    }

    @Test
    void camelMainPropertiesSwitchTheCheckOnAndOff() throws Exception {
        assertThat(underCamelMain(true).map(HealthCheck.Result::getState)).hasValue(HealthCheck.State.UP);
        assertThat(graph.findAll(anyRequestedFor(anyUrl()))).hasSize(1);

        graph.resetAll();
        Optional<HealthCheck.Result> disabled = underCamelMain(false);
        // a disabled check is either left out or answers UNKNOWN without calling the Graph API
        disabled.ifPresent(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UNKNOWN));
        assertThat(graph.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static Optional<HealthCheck.Result> underCamelMain(boolean componentSwitch) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(route());
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.component.messenger-send.accessToken", TOKEN);
        main.addInitialProperty("camel.component.messenger-send.baseUri", graph.baseUrl());
        main.addInitialProperty("camel.component.messenger-send.healthCheckProducerEnabled",
                String.valueOf(componentSwitch));
        main.addInitialProperty("camel.component.messenger-send.healthCheckCacheTime", "2m");
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            MessengerSendComponent component = context.getComponent("messenger-send", MessengerSendComponent.class);
            assertThat(component.getHealthCheckCacheTime()).isEqualTo(120_000);
            Optional<HealthCheck.Result> first = ours(HealthCheckHelper.invokeReadiness(context));
            // kept for the cache time: a second probe makes no call
            Optional<HealthCheck.Result> second = ours(HealthCheckHelper.invokeReadiness(context));
            assertThat(second.map(HealthCheck.Result::getState)).isEqualTo(first.map(HealthCheck.Result::getState));
            return first;
        } finally {
            main.stop();
        }
    }

    private static Optional<HealthCheck.Result> ours(Collection<HealthCheck.Result> results) {
        List<HealthCheck.Result> matching = results.stream()
                .filter(r -> r.getCheck().getId().startsWith(MessengerSendProducerHealthCheck.ID_PREFIX)).toList();
        assertThat(matching).hasSizeLessThanOrEqualTo(1);
        return matching.stream().findFirst();
    }
}
