package io.github.camelmessenger.send.bench;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty server of a stub run as a child process ({@link StubGraphServer}, the soak's stub): listens on a free
 * loopback port with one acceptor and two I/O threads, prints {@code PORT <port>}, and serves until the parent closes
 * its standard input (or dies).
 */
public final class LoopbackStubServer {

    private LoopbackStubServer() {
    }

    /** Serves with the pipeline {@code initChannel} sets up for each connection; returns once stdin is closed. */
    public static void serveUntilStdinCloses(Consumer<SocketChannel> initChannel) throws Exception {
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        NioEventLoopGroup workers = new NioEventLoopGroup(2);
        try {
            Channel server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 16_384)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            initChannel.accept(ch);
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            System.out.println("PORT " + ((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // ignore input
            }
            server.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
