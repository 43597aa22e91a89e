package io.github.camelmessenger.send;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.send.MessengerSendProducer.Clients;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer keeps one client per token while it is in use and drops idle ones only: clients of rotated tokens go
 * once idle, a client with an exchange in flight stays whatever the count.
 */
class ProducerClientsTest extends MessengerSendTestSupport {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicInteger rotation = new AtomicInteger();

    @BindToRegistry("rotating")
    private final MessengerTokenProvider rotating = pageId -> "slow".equals(pageId)
            ? "slow-token"
            : "token-" + rotation.get();

    @Test
    void theLeastRecentlyUsedIdleClientsGoWhenOverTheMaximumAndClientsInUseStay() {
        AtomicLong now = new AtomicLong();
        AtomicInteger built = new AtomicInteger();
        Clients<String> clients = new Clients<>(token -> token + "#" + built.incrementAndGet(), 30 * SECOND, 3,
                now::get);

        Clients.Lease<String> a = clients.acquire("a");
        now.addAndGet(SECOND);
        clients.release(clients.acquire("b"));
        now.addAndGet(SECOND);
        clients.release(clients.acquire("c"));
        now.addAndGet(SECOND);
        Clients.Lease<String> d = clients.acquire("d");

        // b is the least recently used idle client; a is older but in use
        assertThat(clients.size()).isEqualTo(3);
        assertThat(clients.users("b")).isEqualTo(-1);
        assertThat(clients.users("a")).isEqualTo(1);
        assertThat(clients.users("c")).isZero();

        // c, idle, makes room for e; then more clients in use than the maximum: none is dropped
        Clients.Lease<String> e = clients.acquire("e");
        Clients.Lease<String> f = clients.acquire("f");
        assertThat(clients.size()).isEqualTo(4);
        assertThat(clients.users("c")).isEqualTo(-1);
        assertThat(e.client()).startsWith("e#");

        // a lease of one token is the same client for every exchange using it
        Clients.Lease<String> again = clients.acquire("a");
        assertThat(again.client()).isEqualTo(a.client());
        assertThat(clients.users("a")).isEqualTo(2);
        clients.release(again);
        clients.release(a);
        clients.release(d);
        clients.release(e);
        clients.release(f);
        assertThat(clients.users("a")).isZero();
    }

    @Test
    void idleClientsExpireAndAClientInUseDoesNot() {
        AtomicLong now = new AtomicLong();
        Clients<String> clients = new Clients<>(token -> token, 30 * SECOND, 10_000, now::get);
        Clients.Lease<String> held = clients.acquire("held");
        for (int i = 0; i < 50; i++) {
            clients.release(clients.acquire("rotated-" + i));
        }
        assertThat(clients.size()).isEqualTo(51);

        now.addAndGet(31 * SECOND);
        clients.release(clients.acquire("current"));

        // every idle client unused for the expiry is gone; the held one stays, however old
        assertThat(clients.size()).isEqualTo(2);
        assertThat(clients.users("held")).isEqualTo(1);
        assertThat(clients.users("current")).isZero();

        clients.release(held);
        now.addAndGet(31 * SECOND);
        clients.release(clients.acquire("current"));
        assertThat(clients.size()).isEqualTo(1);
        assertThat(clients.users("held")).isEqualTo(-1);
    }

    @Test
    void theProducerHoldsAClientWhileItsExchangeIsInFlightAndReleasesItOnEveryOutcome() throws Exception {
        graph.stubFor(post(anyUrl()).withHeader("Authorization", equalTo("Bearer slow-token"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                        .withHeader("Content-Type", "application/json").withBody(OK_BODY)));
        MessengerSendProducer producer = (MessengerSendProducer) context
                .getEndpoint("messenger-send:me?baseUri=" + baseUri() + "&tokenProvider=#rotating").createProducer();
        producer.start();
        try {
            CompletableFuture<Exchange> slow = process(producer, "slow", "slow");
            for (int i = 0; i < 20; i++) {
                rotation.set(i);
                assertThat(process(producer, "42", "rotated " + i).get(10, TimeUnit.SECONDS).getException())
                        .isNull();
            }
            Clients<?> clients = producer.clients();
            assertThat(clients.users("slow-token")).isEqualTo(1);
            assertThat(clients.users("token-0")).isZero();
            assertThat(clients.users("token-19")).isZero();

            // a rate-limit answer releases its client, and so does the exchange refused because the Page is paused
            graph.stubFor(post(anyUrl()).withHeader("Authorization", equalTo("Bearer token-20"))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate "
                                    + "limit.\",\"type\":\"OAuthException\",\"code\":613,"
                                    + "\"fbtrace_id\":\"Ab1\"}}")));
            rotation.set(20);
            assertThat(process(producer, "42", "limited").get(10, TimeUnit.SECONDS).getException())
                    .isInstanceOf(MessengerRateLimitException.class);
            assertThat(clients.users("token-20")).isZero();
            Exchange paused = process(producer, "42", "while paused").get(10, TimeUnit.SECONDS);
            assertThat(paused.getException()).isInstanceOf(MessengerRateLimitException.class)
                    .hasMessageContaining("no call was made");
            assertThat(clients.users("token-20")).isZero();
            graph.verify(1, postRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer token-20")));

            assertThat(slow.get(10, TimeUnit.SECONDS).getException()).isNull();
            assertThat(clients.users("slow-token")).isZero();
        } finally {
            producer.stop();
        }
    }

    private CompletableFuture<Exchange> process(MessengerSendProducer producer, String pageId, String text) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(text);
        exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
        exchange.getMessage().setHeader(MessengerSendConstants.PAGE_ID, pageId);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }
}
