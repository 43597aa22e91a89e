package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.camelmessenger.send.MessengerSendTestSupport.OK_BODY;
import static io.github.camelmessenger.send.MessengerSendTestSupport.PAGE_ID;
import static io.github.camelmessenger.send.MessengerSendTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many sends at once against a misbehaving Graph API, and a shutdown with hundreds of sends in flight: every exchange
 * completes exactly once with the typed exception a route branches on, no POST is replayed, and nothing stays in
 * flight.
 * <p>
 * Not a subclass of {@link MessengerSendTestSupport}: its WireMock server has the default 25 container threads, too
 * few to hold 40 (or 200) delayed answers at once, and its helpers are bound to that server. This class has its own
 * server, sized for the load, and reuses the support class's constants.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReliabilityTest extends CamelTestSupport {

    private static final int CONCURRENT_SENDS = 40;
    private static final int SHUTDOWN_SENDS = 200;
    /** How long all sends of one scenario may take before the test fails instead of hanging. */
    private static final long ALL_SENDS_BOUND_SECONDS = 30;
    private static final String RECIPIENT = "1254477777772919";
    private static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center></body></html>";

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()
                    // one thread per delayed answer (200 in the shutdown test) plus Jetty's acceptors and selectors
                    .containerThreads(SHUTDOWN_SENDS + 50)
                    .jettyAcceptQueueSize(SHUTDOWN_SENDS + 50))
            .build();

    /** Exchanges that reached the route of the shutdown test. */
    private final AtomicInteger enteredShutdownRoute = new AtomicInteger();

    @BeforeEach
    void resetServer() {
        graph.resetAll();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri(""));
                from("direct:impatient").to(uri("requestTimeout=500"));
                from("direct:shutdown").process(e -> enteredShutdownRoute.incrementAndGet()).to(uri(""));
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 40 at once against a misbehaving server

    record Scenario(String name, Supplier<ResponseDefinitionBuilder> answer, String route,
            Class<? extends MessengerSendException> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> misbehavingServers() {
        return Stream.of(
                fault(Fault.CONNECTION_RESET_BY_PEER),
                fault(Fault.EMPTY_RESPONSE),
                fault(Fault.MALFORMED_RESPONSE_CHUNK),
                fault(Fault.RANDOM_DATA_THEN_CLOSE),
                new Scenario("DELAY_2000ms_PAST_TIMEOUT_500ms", () -> okResponse().withFixedDelay(2000),
                        "direct:impatient", MessengerTransportException.class),
                new Scenario("HTTP_502_HTML", () -> aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody(HTML_502),
                        "direct:send", MessengerTemporaryException.class),
                new Scenario("HTTP_200_NOT_JSON", () -> aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>Success</body></html>"),
                        "direct:send", MessengerTransportException.class));
    }

    private static Scenario fault(Fault fault) {
        return new Scenario(fault.name(), () -> aResponse().withFault(fault), "direct:send",
                MessengerTransportException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehavingServers")
    void concurrentSendsEachCompleteOnceWithTheTypedFailure(Scenario scenario) throws Exception {
        graph.stubFor(post(anyUrl()).willReturn(scenario.answer().get()));

        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_SENDS; i++) {
            futures.add(asyncSend(scenario.route(), "Alert " + i));
        }
        List<Exchange> exchanges = awaitAll(futures, scenario.name());

        Map<String, Integer> outcomes = outcomes(exchanges);
        awaitTrue("no exchange in flight", () -> context.getInflightRepository().size() == 0);
        // the request is journalled before WireMock applies a delay or a fault; poll in case the journal lags
        awaitTrue(CONCURRENT_SENDS + " requests journalled", () -> received().size() >= CONCURRENT_SENDS);
        int requests = received().size();
        System.out.printf("reliability: %s %d/%d %s, %d requests%n", scenario.name(),
                outcomes.getOrDefault(scenario.expected().getSimpleName(), 0), CONCURRENT_SENDS, describe(outcomes),
                requests);

        for (Exchange exchange : exchanges) {
            assertThat(exchange.getException()).as("exception of %s", exchange.getExchangeId())
                    .isExactlyInstanceOf(scenario.expected());
            assertThat(exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS))
                    .as("%s header of %s", MessengerSendConstants.FAILURE_CLASS, exchange.getExchangeId())
                    .isEqualTo(scenario.expected().getSimpleName());
            assertThat(exchange.getMessage().getHeader(MessengerSendConstants.RETRIABLE))
                    .isEqualTo(((MessengerSendException) exchange.getException()).isRetriable());
        }
        assertThat(context.getInflightRepository().size()).as("exchanges in flight").isZero();
        assertThat(requests).as("requests received: one per exchange, none replayed").isEqualTo(CONCURRENT_SENDS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // shutdown with many sends in flight

    @Test
    void stoppingTheContextWithManySendsInFlightLosesNone() throws Exception {
        graph.stubFor(post(anyUrl()).willReturn(okResponse().withFixedDelay(500)));

        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < SHUTDOWN_SENDS; i++) {
            futures.add(asyncSend("direct:shutdown", "Shutdown " + i));
        }
        // the template hands exchanges to the route on its own threads: stop only once every one is in the route, so
        // none is refused by a stopped direct: consumer (that would test Camel, not this component)
        awaitTrue("all " + SHUTDOWN_SENDS + " exchanges entered the route",
                () -> enteredShutdownRoute.get() == SHUTDOWN_SENDS);
        int completedBeforeStop = (int) futures.stream().filter(CompletableFuture::isDone).count();

        long stopStart = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);

        List<Exchange> exchanges = awaitAll(futures, "graceful shutdown");
        int succeeded = 0;
        List<Exchange> failed = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            Exception e = exchange.getException();
            if (e == null) {
                succeeded++;
                if (!"m_AG5Hz2Uq7tuwNEhX".equals(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID))) {
                    unexpected.add(exchange.getExchangeId() + ": succeeded without the message id header");
                }
            } else if (e instanceof MessengerSendException) {
                failed.add(exchange);
                if (!e.getClass().getSimpleName()
                        .equals(exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS))) {
                    unexpected.add(exchange.getExchangeId() + ": " + MessengerSendConstants.FAILURE_CLASS + " = "
                            + exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS));
                }
            } else {
                unexpected.add(exchange.getExchangeId() + ": " + e);
            }
        }
        int requests = received().size();
        System.out.printf("reliability: GRACEFUL_SHUTDOWN %d sends: %d succeeded, %d failed %s, %d unexpected, "
                + "%d requests (%d done before stop, context stop took %d ms, inflight after %d)%n",
                SHUTDOWN_SENDS, succeeded, failed.size(), describe(outcomes(failed)), unexpected.size(), requests,
                completedBeforeStop, stopMillis, context.getInflightRepository().size());

        assertThat(unexpected).as("exchanges that completed neither with a message id nor a MessengerSendException")
                .isEmpty();
        assertThat(succeeded + failed.size()).isEqualTo(SHUTDOWN_SENDS);
        assertThat(requests).as("requests received: at most one per exchange").isLessThanOrEqualTo(SHUTDOWN_SENDS);
        assertThat(context.getInflightRepository().size()).as("exchanges in flight after stop").isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static String uri(String extraOptions) {
        return "messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN + ")&baseUri=" + graph.baseUrl()
                + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    private static ResponseDefinitionBuilder okResponse() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK_BODY);
    }

    private static List<LoggedRequest> received() {
        return graph.findAll(anyRequestedFor(anyUrl()));
    }

    private CompletableFuture<Exchange> asyncSend(String route, String text) {
        return template.asyncSend(route, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, RECIPIENT);
        });
    }

    /** Waits for every future against one overall deadline; fails naming how many never completed. */
    private static List<Exchange> awaitAll(List<CompletableFuture<Exchange>> futures, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ALL_SENDS_BOUND_SECONDS);
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> future : futures) {
            try {
                exchanges.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                long lost = futures.stream().filter(f -> !f.isDone()).count();
                throw new AssertionError(what + ": " + lost + " of " + futures.size()
                        + " exchanges did not complete within " + ALL_SENDS_BOUND_SECONDS + " s", e);
            } catch (ExecutionException e) {
                throw new AssertionError(what + ": the template failed an exchange future", e);
            }
        }
        return exchanges;
    }

    /** Exception simple name (or "success") to count. */
    private static Map<String, Integer> outcomes(List<Exchange> exchanges) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Exchange exchange : exchanges) {
            String key =
                    exchange.getException() == null ? "success" : exchange.getException().getClass().getSimpleName();
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    private static String describe(Map<String, Integer> outcomes) {
        if (outcomes.isEmpty()) {
            return "(none)";
        }
        if (outcomes.size() == 1) {
            return outcomes.keySet().iterator().next();
        }
        return outcomes.toString();
    }

    /** Polls a condition for at most 10 s. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
