package io.github.camelmessenger.send.graph;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token handler knows a token only while a request in flight uses it: rotated tokens leave nothing behind, and a
 * token still in flight is put on the wire (and kept out of the request object) as before.
 */
class AuthorizationInjectorTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final CountDownLatch slowArrived = new CountDownLatch(1);
    private AsyncHttpClientPool pool;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        pool = new AsyncHttpClientPool(1);
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        pool.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws java.io.IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(authorization);
        if ("Bearer slow-token".equals(authorization)) {
            slowArrived.countDown();
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private CompletableFuture<GraphHttpResponse> send(GraphHttpClient client, String token) {
        String reference = client.authorizationReference("Bearer " + token);
        assertThat(reference).doesNotContain(token);
        return client.send(GraphHttpRequest.get("http://127.0.0.1:" + server.getAddress().getPort() + "/me",
                Map.of("Authorization", reference), Duration.ofSeconds(10)));
    }

    @Test
    void rotatedTokensLeaveNoEntryAndATokenInFlightStillReachesTheWire() throws Exception {
        GraphHttpClient client = pool.client(Duration.ofSeconds(5));
        AuthorizationInjector injector = pool.authorization();

        CompletableFuture<GraphHttpResponse> slow = send(client, "slow-token");
        assertThat(slowArrived.await(10, TimeUnit.SECONDS)).isTrue();

        // 50 rotations, each token used by a few requests that all complete
        for (int rotation = 0; rotation < 50; rotation++) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[3];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = send(client, "token-" + rotation);
            }
            CompletableFuture.allOf(calls).get(10, TimeUnit.SECONDS);
        }
        // only the token of the request still in flight is known (the last answers' releases may still be running:
        // an answer completes before the release registered on it runs)
        awaitSize(injector, 1);
        assertThat(injector.size()).isEqualTo(1);

        releaseSlow.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(received).contains("Bearer slow-token", "Bearer token-0", "Bearer token-49")
                .noneMatch(value -> value.contains("messenger-send-credential"));
        awaitSize(injector, 0);
        assertThat(injector.size()).isZero();
    }

    /** Waits, bounded, until the handler knows at most {@code size} tokens. */
    private static void awaitSize(AuthorizationInjector injector, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (injector.size() > size && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
    }

    @Test
    void requestsInFlightWithOneTokenShareItsEntryUntilTheLastCompletes() {
        AuthorizationInjector injector = new AuthorizationInjector();
        String first = injector.acquire("Bearer a");
        String second = injector.acquire("Bearer a");
        assertThat(second).isEqualTo(first);
        String other = injector.acquire("Bearer b");
        assertThat(injector.size()).isEqualTo(2);

        injector.release(first);
        injector.release(other);
        assertThat(injector.size()).isEqualTo(1);

        // the request still holding "Bearer a" is encoded with the value, and its object keeps the reference
        EmbeddedChannel channel = new EmbeddedChannel(injector);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/messages");
        request.headers().set(HttpHeaderNames.AUTHORIZATION, second);
        List<String> onWire = new CopyOnWriteArrayList<>();
        channel.pipeline().addFirst(new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void write(io.netty.channel.ChannelHandlerContext ctx, Object msg,
                              io.netty.channel.ChannelPromise promise) {
                onWire.add(((FullHttpRequest) msg).headers().get(HttpHeaderNames.AUTHORIZATION));
                ctx.write(msg, promise);
            }
        });
        channel.writeOutbound(request);
        assertThat(onWire).containsExactly("Bearer a");
        assertThat(request.headers().get(HttpHeaderNames.AUTHORIZATION)).isEqualTo(second);

        injector.release(second);
        assertThat(injector.size()).isZero();
        // a release too many, or of an unknown reference, changes nothing
        injector.release(second);
        injector.release("messenger-send-credential-unknown");
        assertThat(injector.acquire("Bearer a")).isNotEqualTo(first);
        assertThat(injector.size()).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void aRequestTheHttpClientRefusesReleasesItsTokenOnceAndStaysUntracked() throws Exception {
        AuthorizationInjector injector = new AuthorizationInjector();
        java.util.Set<CompletableFuture<GraphHttpResponse>> inFlight = java.util.concurrent.ConcurrentHashMap
                .newKeySet();
        // an HTTP client that throws from execute, after the answer was tracked (as AsyncHttpClient may while it
        // closes, or on a request it cannot build)
        org.asynchttpclient.AsyncHttpClient refusing = new org.asynchttpclient.DefaultAsyncHttpClient() {
            @Override
            public <T> org.asynchttpclient.ListenableFuture<T> executeRequest(org.asynchttpclient.Request request,
                                                                              org.asynchttpclient.AsyncHandler<T> handler) {
                throw new IllegalStateException("Closed");
            }
        };
        AsyncHttpGraphClient client = new AsyncHttpGraphClient(refusing, injector, inFlight);
        // another request in flight holds the same token
        String held = injector.acquire("Bearer shared");

        CompletableFuture<GraphHttpResponse> refused = client.send(GraphHttpRequest.get(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/me",
                Map.of("Authorization", client.authorizationReference("Bearer shared")), Duration.ofSeconds(5)));

        assertThat(refused).isCompletedExceptionally();
        assertThat(inFlight).isEmpty();
        // failing what is tracked (as closing the pool does) releases nothing more: the other request keeps it
        inFlight.forEach(answer -> answer.completeExceptionally(new java.io.IOException("closed")));
        assertThat(injector.size()).isEqualTo(1);
        injector.release(held);
        assertThat(injector.size()).isZero();
        refusing.close();
    }
}
