package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.send.error.MessengerTransportException;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start and stop: the component's HTTP client, required options, and exchanges in flight at shutdown.
 */
class LifecycleTest extends MessengerSendTestSupport {

    @Test
    void routeWithoutAccessTokenFailsToStartNamingTheOption() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:no-token").to("messenger-send:123?baseUri=" + baseUri());
            }
        })).isInstanceOf(FailedToStartRouteException.class)
                .hasStackTraceContaining("The option accessToken is required");
    }

    @Test
    void badApiVersionAndRateLimitAreRefusedAtStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-version").to(uri("apiVersion=24"));
            }
        })).hasStackTraceContaining("apiVersion must look like v24.0");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-rate").to(uri("rateLimit=-1"));
            }
        })).hasStackTraceContaining("rateLimit must be 0 (off) or a positive number");
    }

    @Test
    void consumingIsRefused() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("")).to("log:never");
            }
        })).hasStackTraceContaining("messenger-send only sends");
    }

    @Test
    void stoppingTheComponentClosesItsHttpClient() throws Exception {
        MessengerSendComponent component = context.getComponent("messenger-send", MessengerSendComponent.class);
        assertThat(component.httpClient(Duration.ofSeconds(10))).isNotNull();

        context.stop();

        assertThatThrownBy(() -> component.httpClient(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsWithTheSameConnectTimeoutShareOneClient() {
        MessengerSendComponent component = context.getComponent("messenger-send", MessengerSendComponent.class);

        assertThat(component.httpClient(Duration.ofSeconds(10))).isSameAs(component.httpClient(Duration.ofSeconds(10)));
        assertThat(component.httpClient(Duration.ofSeconds(3)))
                .isNotSameAs(component.httpClient(Duration.ofSeconds(10)));
    }

    @Test
    void exchangesInFlightAtShutdownAllComplete() throws Exception {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(500).withBody(OK_BODY)));
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(template.asyncSend("direct:send", e -> {
                e.getMessage().setBody("shutdown");
                e.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
            }));
        }

        context.stop();

        for (CompletableFuture<Exchange> future : inFlight) {
            Exchange exchange = future.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID))
                    .isEqualTo("m_AG5Hz2Uq7tuwNEhX");
        }
        assertThat(received()).hasSize(10);
    }

    @Test
    void sendsCutOffByAForcedShutdownStillComplete() throws Exception {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5000).withBody(OK_BODY)));
        context.getShutdownStrategy().setTimeout(1);
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(template.asyncSend("direct:send", e -> {
                e.getMessage().setBody("cut off");
                e.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received().size() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        context.stop();

        for (CompletableFuture<Exchange> future : inFlight) {
            Exchange exchange = future.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isInstanceOf(MessengerTransportException.class)
                    .hasMessageContaining("stopped while the request was in flight");
        }
    }

    @Test
    void pacedSendsAllArriveAndSlotsArePerPage() throws Exception {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            sends.add(template.asyncSend(uri("rateLimit=50"), e -> {
                e.getMessage().setBody("paced " + n);
                e.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
            }));
        }
        for (CompletableFuture<Exchange> send : sends) {
            assertThat(send.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(received()).hasSize(5);

        SendPacer pacer = context.getComponent("messenger-send", MessengerSendComponent.class).pacer();
        List<Long> pageA = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> pageB = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(3);
        pacer.submit("page-a", 5, slot -> {
            pageA.add(System.nanoTime());
            started.countDown();
        }, failure -> started.countDown());
        pacer.submit("page-a", 5, slot -> {
            pageA.add(System.nanoTime());
            started.countDown();
        }, failure -> started.countDown());
        pacer.submit("page-b", 5, slot -> {
            pageB.add(System.nanoTime());
            started.countDown();
        }, failure -> started.countDown());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // slots for one Page are 200 ms apart at 5/s; another Page has its own budget and starts at once
        assertThat(pageA).hasSize(2);
        assertThat(pageA.get(1) - pageA.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(pageB).hasSize(1);
        assertThat(pageB.get(0)).isLessThan(pageA.get(1));
    }
}
