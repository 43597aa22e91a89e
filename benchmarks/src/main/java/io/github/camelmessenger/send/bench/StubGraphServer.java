package io.github.camelmessenger.send.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A minimal Graph API stand-in on Netty: answers every POST to {@code /{version}/{page}/messages} with a fixed Send API
 * answer, after an optional delay (fixed, or a log-normal spread given by p50 and p99) that holds no thread, and records when
 * each POST arrived and for which Page. {@code GET /times}
 * returns those arrival times (milliseconds since the epoch, one per line) and {@code GET /reset} clears them. Run as
 * its own process by the harness, so the client's CPU is measured alone: {@code StubGraphServer <delayMillis> [<p99Millis>]}
 * prints {@code PORT <port>} once it listens on a free loopback port.
 */
public final class StubGraphServer {

    private static final byte[] ANSWER = "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhX\"}"
            .getBytes(StandardCharsets.UTF_8);

    private StubGraphServer() {
    }

    public static void main(String[] args) throws Exception {
        long delayMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
        long p99Millis = args.length > 1 ? Long.parseLong(args[1]) : delayMillis;
        Delay delay = new Delay(delayMillis, p99Millis);
        Times times = new Times(200_000);
        LoopbackStubServer.serveUntilStdinCloses(ch -> ch.pipeline().addLast(new HttpServerCodec(),
                new HttpObjectAggregator(1 << 20), new Handler(delay, times)));
    }

    /** How long an answer waits: fixed, or log-normal with the given median and 99th percentile. */
    private record Delay(long p50Millis, long p99Millis) {
        /** z of the 99th percentile of the standard normal distribution. */
        private static final double Z_99 = 2.326_347_874;

        long nextMillis() {
            if (p99Millis <= p50Millis) {
                return p50Millis;
            }
            double sigma = Math.log((double) p99Millis / Math.max(1, p50Millis)) / Z_99;
            return Math.round(Math.max(1, p50Millis) * Math.exp(sigma
                    * java.util.concurrent.ThreadLocalRandom.current().nextGaussian()));
        }
    }

    /** Arrival times (and Pages) of POSTs in fixed arrays, written without locks. */
    private static final class Times {
        private final long[] millis;
        private final String[] pages;
        private final AtomicLong count = new AtomicLong();

        Times(int capacity) {
            millis = new long[capacity];
            pages = new String[capacity];
        }

        void record(String uri) {
            long i = count.getAndIncrement();
            if (i < millis.length) {
                millis[(int) i] = System.currentTimeMillis();
                // /{version}/{page}/messages
                String[] parts = uri.split("/");
                pages[(int) i] = parts.length > 2 ? parts[2] : "";
            }
        }

        /** One line per POST: {@code millis page}. */
        String dump() {
            int n = (int) Math.min(count.get(), millis.length);
            StringBuilder sb = new StringBuilder(n * 26);
            for (int i = 0; i < n; i++) {
                sb.append(millis[i]).append(' ').append(pages[i]).append('\n');
            }
            return sb.toString();
        }

        void reset() {
            count.set(0);
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Delay delay;
        private final Times times;

        Handler(Delay delay, Times times) {
            this.delay = delay;
            this.times = times;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.method().equals(HttpMethod.GET)) {
                String body = "";
                if (request.uri().startsWith("/times")) {
                    body = times.dump();
                } else if (request.uri().startsWith("/reset")) {
                    times.reset();
                }
                write(ctx, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), "text/plain", keepAlive);
                return;
            }
            times.record(request.uri());
            long delayMillis = delay.nextMillis();
            if (delayMillis > 0) {
                // scheduled on the channel's event loop: a waiting answer holds no thread
                ctx.executor().schedule(() -> write(ctx, Unpooled.wrappedBuffer(ANSWER), "application/json",
                        keepAlive), delayMillis, TimeUnit.MILLISECONDS);
            } else {
                write(ctx, Unpooled.wrappedBuffer(ANSWER), "application/json", keepAlive);
            }
        }

        private static void write(ChannelHandlerContext ctx, ByteBuf body, String type, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, "keep-alive");
            }
            ctx.writeAndFlush(response);
        }
    }
}
