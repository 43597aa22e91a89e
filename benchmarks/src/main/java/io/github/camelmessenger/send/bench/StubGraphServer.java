package io.github.camelmessenger.send.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
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
 * answer, after an optional delay that holds no thread, and records when each POST arrived. {@code GET /times}
 * returns those arrival times (milliseconds since the epoch, one per line) and {@code GET /reset} clears them. Run as
 * its own process by the harness, so the client's CPU is measured alone: {@code StubGraphServer <delayMillis>}
 * prints {@code PORT <port>} once it listens on a free loopback port.
 */
public final class StubGraphServer {

    private static final byte[] ANSWER = "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhX\"}"
            .getBytes(StandardCharsets.UTF_8);

    private StubGraphServer() {
    }

    public static void main(String[] args) throws Exception {
        long delayMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
        Times times = new Times(200_000);
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        NioEventLoopGroup workers = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Handler(delayMillis, times));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        System.out.println("PORT " + ((java.net.InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        // stops when the harness closes our stdin (or dies)
        while (System.in.read() >= 0) {
            // ignore input
        }
        server.close().sync();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Arrival times of POSTs in a fixed array, written without locks. */
    private static final class Times {
        private final long[] millis;
        private final AtomicLong count = new AtomicLong();

        Times(int capacity) {
            millis = new long[capacity];
        }

        void record() {
            long i = count.getAndIncrement();
            if (i < millis.length) {
                millis[(int) i] = System.currentTimeMillis();
            }
        }

        String dump() {
            int n = (int) Math.min(count.get(), millis.length);
            StringBuilder sb = new StringBuilder(n * 14);
            for (int i = 0; i < n; i++) {
                sb.append(millis[i]).append('\n');
            }
            return sb.toString();
        }

        void reset() {
            count.set(0);
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final long delayMillis;
        private final Times times;

        Handler(long delayMillis, Times times) {
            this.delayMillis = delayMillis;
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
            times.record();
            if (delayMillis > 0) {
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
