package io.github.camelmessenger.send.graph;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP clients of one component. AsyncHttpClient sets its connect timeout per client, so endpoints with another
 * {@code connectTimeout} get a client of their own; all of them share one set of I/O threads and one timer, so in
 * the usual case of one timeout this is exactly one client.
 */
public final class AsyncHttpClientPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncHttpClientPool.class);
    // the name AsyncHttpClient gives its HTTP codec in the channel pipeline
    private static final String HTTP_CODEC_HANDLER = "http";

    private final EventLoopGroup ioThreads;
    private final HashedWheelTimer timer;
    private final Map<Duration, AsyncHttpGraphClient> clients = new ConcurrentHashMap<>();
    private final AuthorizationInjector authorization = new AuthorizationInjector();
    private final Set<CompletableFuture<GraphHttpResponse>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public AsyncHttpClientPool(int ioThreadCount) {
        this.ioThreads = new NioEventLoopGroup(ioThreadCount, new DefaultThreadFactory("messenger-send-io", true));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("messenger-send-timer", true), 10,
                TimeUnit.MILLISECONDS);
    }

    /** The client for this connect timeout, created on first use. */
    public GraphHttpClient client(Duration connectTimeout) {
        if (closed) {
            throw new IllegalStateException("The messenger-send HTTP clients are closed; the component was stopped");
        }
        return clients.computeIfAbsent(connectTimeout, this::newClient);
    }

    private AsyncHttpGraphClient newClient(Duration connectTimeout) {
        DefaultAsyncHttpClientConfig config = new DefaultAsyncHttpClientConfig.Builder()
                .setMaxRequestRetry(0)
                .setConnectTimeout(connectTimeout)
                .setFollowRedirect(false)
                .setKeepAlive(true)
                .setEventLoopGroup(ioThreads)
                .setNettyTimer(timer)
                .setUserAgent("camel-messenger-send")
                .setHttpAdditionalChannelInitializer(this::addAuthorizationInjector)
                .build();
        return new AsyncHttpGraphClient(new DefaultAsyncHttpClient(config), authorization, inFlight);
    }

    private void addAuthorizationInjector(Channel channel) {
        // right after AsyncHttpClient's HTTP codec, so outbound requests reach it last, just before encoding
        channel.pipeline().addAfter(HTTP_CODEC_HANDLER, AuthorizationInjector.HANDLER_NAME, authorization);
    }

    /** The handler that puts the tokens on the wire; its entries are the tokens of the requests in flight. */
    AuthorizationInjector authorization() {
        return authorization;
    }

    /** Closes every client, failing what is still in flight, then stops the shared threads. */
    @Override
    public void close() {
        closed = true;
        for (AsyncHttpGraphClient client : clients.values()) {
            try {
                client.delegate().close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing an HTTP client failed", e);
            }
        }
        clients.clear();
        // AsyncHttpClient leaves requests cut off by its own close pending (and its timeouts die with the timer):
        // fail them here, so every exchange still completes
        IOException closed = new IOException("The messenger-send component stopped while the request was in flight");
        for (CompletableFuture<GraphHttpResponse> answer : inFlight) {
            answer.completeExceptionally(closed);
        }
        inFlight.clear();
        ioThreads.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        timer.stop();
    }
}
