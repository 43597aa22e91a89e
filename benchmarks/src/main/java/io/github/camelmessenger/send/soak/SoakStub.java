package io.github.camelmessenger.send.soak;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.send.bench.LoopbackStubServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A Graph API stand-in that misbehaves at random, for the soak run. Each POST to {@code /{version}/{page}/messages}
 * gets, by draw: 2% HTTP 500, 1% 613 with {@code X-Business-Use-Case-Usage}, 1% 551/1545041, 0.5% a connection
 * reset in the middle of the answer, 0.5% no answer at all, 0.2% an HTML error page, otherwise a success. The text of
 * each message carries its notification id ({@code n=<id>}); the stub counts, per id, the POSTs that may have been
 * delivered (successes, resets and unanswered ones), so a second one is a duplicate. {@code GET /stats} answers the
 * counters as JSON. Runs in its own JVM ({@code SoakStub <seed>}) and prints {@code PORT <port>}.
 */
public final class SoakStub {

    private static final byte[] SUCCESS_PREFIX = "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_"
            .getBytes(StandardCharsets.UTF_8);
    private static final String ERROR_500 = "{\"error\":{\"message\":\"An unexpected error has occurred. Please retry "
            + "your request later.\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true,"
            + "\"fbtrace_id\":\"AsoakT1\"}}";
    private static final String ERROR_613 = "{\"error\":{\"message\":\"Calls to this api have exceeded the rate "
            + "limit.\",\"type\":\"OAuthException\",\"code\":613,\"fbtrace_id\":\"AsoakT2\"}}";
    // no wait given: the component pauses the Page for its rateLimitBackoff
    private static final String USAGE_613 = "{\"1029384756\":[{\"type\":\"messenger\",\"call_count\":100,"
            + "\"total_cputime\":30,\"total_time\":30,\"estimated_time_to_regain_access\":0}]}";
    private static final String ERROR_551 = "{\"error\":{\"message\":\"This person isn't available right now.\","
            + "\"type\":\"OAuthException\",\"code\":551,\"error_subcode\":1545041,\"fbtrace_id\":\"AsoakT3\"}}";
    private static final String HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
            + "</body></html>";

    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicLong POSTS = new AtomicLong();
    private static final AtomicLong BAD_AUTH = new AtomicLong();
    private static final AtomicLong[] FAULTS = new AtomicLong[7];
    private static final String[] FAULT_NAMES = { "success", "http500", "rate613", "recipient551", "reset", "noAnswer",
            "html" };
    // ids that may have been delivered once, and those seen a second time; guarded by DELIVERED
    private static final BitSet DELIVERED = new BitSet();
    private static final BitSet DUPLICATED = new BitSet();
    private static long duplicates;

    static {
        for (int i = 0; i < FAULTS.length; i++) {
            FAULTS[i] = new AtomicLong();
        }
    }

    private SoakStub() {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 16;
        SplittableRandom seeds = new SplittableRandom(seed);
        LoopbackStubServer.serveUntilStdinCloses(ch -> {
            SplittableRandom random;
            synchronized (seeds) {
                random = seeds.split();
            }
            ch.pipeline().addLast(new ConnectionCounter(), new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                    new Handler(random));
        });
    }

    static String stats() {
        StringBuilder sb = new StringBuilder("{\"open_connections\":").append(OPEN.get())
                .append(",\"posts\":").append(POSTS.get())
                .append(",\"bad_authorization\":").append(BAD_AUTH.get());
        for (int i = 0; i < FAULTS.length; i++) {
            sb.append(",\"").append(FAULT_NAMES[i]).append("\":").append(FAULTS[i].get());
        }
        synchronized (DELIVERED) {
            sb.append(",\"delivered_ids\":").append(DELIVERED.cardinality())
                    .append(",\"duplicate_ids\":").append(DUPLICATED.cardinality())
                    .append(",\"duplicate_posts\":").append(duplicates);
        }
        return sb.append('}').toString();
    }

    private static void delivered(long id) {
        if (id < 0 || id > Integer.MAX_VALUE) {
            return;
        }
        synchronized (DELIVERED) {
            if (DELIVERED.get((int) id)) {
                DUPLICATED.set((int) id);
                duplicates++;
            } else {
                DELIVERED.set((int) id);
            }
        }
    }

    /** The notification id in the body, {@code n=<digits>}, or -1. */
    static long notificationId(ByteBuf body) {
        String text = body.toString(StandardCharsets.UTF_8);
        int at = text.indexOf("n=");
        if (at < 0) {
            return -1;
        }
        long id = 0;
        int i = at + 2;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            id = id * 10 + (text.charAt(i++) - '0');
            digits++;
        }
        return digits == 0 ? -1 : id;
    }

    private static final class ConnectionCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            OPEN.incrementAndGet();
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            OPEN.decrementAndGet();
            super.channelInactive(ctx);
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final SplittableRandom random;

        Handler(SplittableRandom random) {
            this.random = random;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.method().equals(HttpMethod.GET)) {
                write(ctx, HttpResponseStatus.OK, stats(), "application/json", null, keepAlive);
                return;
            }
            POSTS.incrementAndGet();
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            if (authorization == null || !authorization.startsWith("Bearer soak-")) {
                // the token reference (or nothing) reached the wire instead of the token
                BAD_AUTH.incrementAndGet();
                write(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"error\":{\"message\":\"Invalid OAuth access token.\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AsoakT4\"}}", "application/json",
                        null, keepAlive);
                return;
            }
            long id = notificationId(request.content());
            double draw = random.nextDouble() * 100;
            if (draw < 2) {
                count(1);
                write(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, ERROR_500, "application/json", null, keepAlive);
            } else if (draw < 3) {
                count(2);
                write(ctx, HttpResponseStatus.BAD_REQUEST, ERROR_613, "application/json", USAGE_613, keepAlive);
            } else if (draw < 4) {
                count(3);
                write(ctx, HttpResponseStatus.BAD_REQUEST, ERROR_551, "application/json", null, keepAlive);
            } else if (draw < 4.5) {
                // the message may have gone out: Meta took it, the answer was cut
                count(4);
                delivered(id);
                reset(ctx);
            } else if (draw < 5) {
                // taken and never answered: the client's request timeout ends it
                count(5);
                delivered(id);
            } else if (draw < 5.2) {
                count(6);
                write(ctx, HttpResponseStatus.BAD_GATEWAY, HTML, "text/html", null, keepAlive);
            } else {
                count(0);
                delivered(id);
                ByteBuf body = Unpooled.buffer(SUCCESS_PREFIX.length + 24);
                body.writeBytes(SUCCESS_PREFIX).writeCharSequence(Long.toString(id) + "\"}", StandardCharsets.UTF_8);
                write(ctx, HttpResponseStatus.OK, body, "application/json", null, keepAlive);
            }
        }

        private static void count(int fault) {
            FAULTS[fault].incrementAndGet();
        }

        /** Headers and part of the body, then a TCP reset. */
        private static void reset(ChannelHandlerContext ctx) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            head.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 200);
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("{\"recipient_id\":\"12544",
                    StandardCharsets.UTF_8))).addListener(f -> {
                        // linger 0 turns the close into an RST
                        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                        ctx.channel().close();
                    });
        }

        private static void write(ChannelHandlerContext ctx, HttpResponseStatus status, String body, String type,
                                  String usage, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            send(ctx, response, type, usage, keepAlive);
        }

        private static void write(ChannelHandlerContext ctx, HttpResponseStatus status, ByteBuf body, String type,
                                  String usage, boolean keepAlive) {
            send(ctx, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body), type, usage, keepAlive);
        }

        private static void send(ChannelHandlerContext ctx, FullHttpResponse response, String type, String usage,
                                 boolean keepAlive) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            if (usage != null) {
                response.headers().set("X-Business-Use-Case-Usage", usage);
            }
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, "keep-alive");
            }
            ctx.writeAndFlush(response);
        }
    }
}
