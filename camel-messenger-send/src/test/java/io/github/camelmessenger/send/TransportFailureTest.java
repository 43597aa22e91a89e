package io.github.camelmessenger.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelmessenger.send.error.MessengerInvalidRequestException;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import io.github.camelmessenger.send.model.SendResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken connections, timeouts and unreadable answers: every exchange completes exactly once, with the exception
 * that tells the route whether delivery is known, and the HTTP client never replays the POST.
 */
class TransportFailureTest extends MessengerSendTestSupport {

    /** How long any one send may take before the test fails instead of hanging. */
    private static final long SEND_BOUND_SECONDS = 20;

    private static final int CLOSED_PORT = freePortNobodyListensOn();
    private static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center></body></html>";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri(""));
                from("direct:impatient").to(uri("requestTimeout=500"));
                from("direct:nobody-listens").to("messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN + ")"
                        + "&baseUri=http://localhost:" + CLOSED_PORT);
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // no answer at all: delivery unknown

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class,
                names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
                        "RANDOM_DATA_THEN_CLOSE" })
    void aBrokenConnectionFailsOnceWithATransportException(Fault fault) {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withFault(fault)));

        MessengerTransportException e = failsWith("direct:send", MessengerTransportException.class);

        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage()).contains("Delivery is unknown").doesNotContain(TOKEN);
        assertThat(received()).as("requests: the POST is never replayed").hasSize(1);
        assertNoExchangeInflight();
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsATransportFailure() {
        graph.stubFor(post(anyUrl()).willReturn(okResponse().withFixedDelay(3000)));

        long start = System.nanoTime();
        MessengerTransportException e = failsWith("direct:impatient", MessengerTransportException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // had the timeout not fired, the exchange would have succeeded with the delayed 200
        assertThat(e).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(took).as("time to fail").isLessThan(Duration.ofSeconds(10));
        awaitTrue("the request reached the server", () -> !received().isEmpty());
        assertThat(received()).hasSize(1);
        assertNoExchangeInflight();
    }

    @Test
    void aRefusedConnectionIsATransportFailure() {
        MessengerTransportException e = failsWith("direct:nobody-listens", MessengerTransportException.class);

        assertThat(e.getMessage()).contains("Delivery is unknown").doesNotContain(TOKEN);
        assertThat(e.getHttpResponseCode()).isZero();
        assertThat(received()).isEmpty();
        assertNoExchangeInflight();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // an answer that is not a Graph error object

    @Test
    void aGatewayErrorPageIsTemporary() {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(HTML_502)));

        MessengerTemporaryException e = failsWith("direct:send", MessengerTemporaryException.class);

        assertThat(e.isRetriable()).isTrue();
        assertThat(e.getHttpResponseCode()).isEqualTo(502);
        assertThat(e.getMessage()).contains("502");
        assertThat(e.getResponseBody()).isEqualTo(HTML_502);
        assertThat(e.getGraphError()).isNull();
        assertThat(received()).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP 200 [{0}]")
    @ValueSource(strings = { "OK", "<html><body>Success</body></html>", "{\"recipient_id\":\"1\",\"mess", "", "{}",
            "{\"recipient_id\":null}" })
    void aSuccessStatusWithAnUnreadableBodyMeansDeliveryIsUnknown(String body) {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));

        MessengerTransportException e = failsWith("direct:send", MessengerTransportException.class);

        assertThat(e.getMessage()).contains("Delivery is unknown");
        assertThat(e.isRetriable()).isFalse();
        assertThat(received()).hasSize(1);
    }

    static Stream<Arguments> successAnswers() {
        return Stream.of(
                Arguments.of("{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}", new SendResponse("1", "m_1", null)),
                Arguments.of(" {\"message_id\" : \"m_1\"} ", new SendResponse(null, "m_1", null)),
                Arguments.of("{\"recipient_id\":\"1\"}", new SendResponse("1", null, null)),
                Arguments.of("{\"recipient_id\":\"1\",\"message_id\":\"m_1\",\"attachment_id\":\"a_1\"}",
                        new SendResponse("1", "m_1", "a_1")),
                Arguments.of("{\"extra\":{\"a\":[1,{\"message_id\":\"no\"}]},\"message_id\":\"m_1\",\"more\":true}",
                        new SendResponse(null, "m_1", null)),
                // not strings: read by the full path, which converts them
                Arguments.of("{\"recipient_id\":1254477777772919,\"message_id\":\"m_1\"}",
                        new SendResponse("1254477777772919", "m_1", null)),
                Arguments.of("{\"message_id\":\"m_1\",\"error\":null}", new SendResponse(null, "m_1", null)),
                Arguments.of("{\"message_id\":\"m_0\",\"message_id\":\"m_1\"}", new SendResponse(null, "m_1", null)));
    }

    @ParameterizedTest(name = "HTTP 200 [{0}]")
    @MethodSource("successAnswers")
    void successAnswersAreReadWhateverTheirLayout(String body, SendResponse expected) {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));

        Exchange exchange = sendTo("direct:send", "hello", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(expected);
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo(expected.messageId());
    }

    @ParameterizedTest(name = "HTTP 200 [{0}]")
    @ValueSource(strings = { "{\"error\":\"Invalid OAuth access token.\"}",
            "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Error validating verification code\"}" })
    void aSuccessStatusWithAnErrorInAnotherShapeIsNoSuccess(String body) {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));

        MessengerInvalidRequestException e = failsWith("direct:send", MessengerInvalidRequestException.class);

        assertThat(e.getGraphError()).isNotNull();
        assertThat(e.getGraphError().message()).isIn("Invalid OAuth access token.",
                "Error validating verification code");
        assertThat(received()).hasSize(1);
    }

    static Stream<Arguments> nonGraphErrorAnswers() {
        return Stream.of(
                Arguments.of(400, "", MessengerInvalidRequestException.class),
                Arguments.of(429, "Too Many Requests", MessengerRateLimitException.class),
                Arguments.of(429, "<html><body><h1>429 Too Many Requests</h1></body></html>",
                        MessengerRateLimitException.class),
                Arguments.of(503, "Service Unavailable", MessengerTemporaryException.class),
                Arguments.of(404, "<html><body>Not Found</body></html>", MessengerInvalidRequestException.class));
    }

    @ParameterizedTest(name = "HTTP {0} [{1}] -> {2}")
    @MethodSource("nonGraphErrorAnswers")
    void anErrorStatusWithoutAGraphErrorIsClassifiedByStatus(int status, String body,
                                                             Class<? extends MessengerSendException> expected) {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));

        MessengerSendException e = failsWith("direct:send", expected);

        assertThat(e.getHttpResponseCode()).isEqualTo(status);
        assertThat(e.getMessage()).contains(String.valueOf(status));
        assertThat(e.getCode()).isNull();
        assertThat(received()).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // many at once

    @Test
    void twentyConcurrentResetsEachCompleteOnceWithoutReplay() throws Exception {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        List<Future<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(asyncSend("direct:send", "Alert " + i));
        }
        for (Future<Exchange> future : futures) {
            Exchange exchange = future.get(SEND_BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isExactlyInstanceOf(MessengerTransportException.class);
        }

        assertThat(received()).as("requests: one per exchange, none replayed").hasSize(20);
        assertNoExchangeInflight();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    /** Sends one message through the route, waits a bounded time for the exchange to complete, checks its exception. */
    private <T extends MessengerSendException> T failsWith(String route, Class<T> expected) {
        Exchange exchange;
        try {
            exchange = asyncSend(route, "Your order has shipped").get(SEND_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the exchange did not complete within " + SEND_BOUND_SECONDS + " s", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(exchange.getException()).isExactlyInstanceOf(expected);
        return expected.cast(exchange.getException());
    }

    private Future<Exchange> asyncSend(String route, String text) {
        return template.asyncSend(route, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeaders(
                    new java.util.HashMap<>(Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919")));
        });
    }

    private void assertNoExchangeInflight() {
        awaitTrue("no exchange in flight", () -> context.getInflightRepository().size() == 0);
    }

    /** Polls a condition for at most 5 s; the exchange's completion and its bookkeeping may be a moment apart. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static ResponseDefinitionBuilder okResponse() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK_BODY);
    }

    private static int freePortNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
