package io.github.camelmessenger.send.graph;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Keeps the access token out of every object the HTTP client may log. Requests carry a reference in their
 * {@code Authorization} header; this handler, placed just before the HTTP encoder, swaps in the real value while the
 * request is encoded and puts the reference back right after. AsyncHttpClient's debug log, which prints the request
 * with its headers, therefore only ever shows the reference.
 */
@ChannelHandler.Sharable
final class AuthorizationInjector extends ChannelOutboundHandlerAdapter {

    static final String HANDLER_NAME = "messenger-send-authorization";
    private static final String REFERENCE_PREFIX = "messenger-send-credential-";

    private final Map<String, String> valuesByReference = new ConcurrentHashMap<>();
    private final Map<String, String> referencesByValue = new ConcurrentHashMap<>();

    /** The reference that stands for this header value on requests; the same value gets the same reference. */
    String referenceFor(String headerValue) {
        return referencesByValue.computeIfAbsent(headerValue, value -> {
            String reference = REFERENCE_PREFIX + UUID.randomUUID();
            valuesByReference.put(reference, value);
            return reference;
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpRequest request) {
            String reference = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            String value = reference == null ? null : valuesByReference.get(reference);
            if (value != null) {
                request.headers().set(HttpHeaderNames.AUTHORIZATION, value);
                try {
                    // the encoder writes the headers during this call
                    ctx.write(msg, promise);
                } finally {
                    request.headers().set(HttpHeaderNames.AUTHORIZATION, reference);
                }
                return;
            }
        }
        ctx.write(msg, promise);
    }
}
