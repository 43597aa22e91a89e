package io.github.camelmessenger.send.graph;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>
 * A value is known here only while requests use it: each request {@linkplain #acquire acquires} the reference when
 * it is built and {@linkplain #release releases} it when it completes, and the last release forgets the value.
 * Rotated tokens therefore leave nothing behind; the entries are as many as the tokens of the requests in flight.
 */
@ChannelHandler.Sharable
final class AuthorizationInjector extends ChannelOutboundHandlerAdapter {

    static final String HANDLER_NAME = "messenger-send-authorization";
    private static final String REFERENCE_PREFIX = "messenger-send-credential-";

    // a random part per injector, so a reference says nothing across processes; a sequence makes it unique
    private final String referenceBase = REFERENCE_PREFIX + UUID.randomUUID() + "-";
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, String> valuesByReference = new ConcurrentHashMap<>();
    private final Map<String, Credential> referencesByValue = new ConcurrentHashMap<>();

    /** A value's reference and how many requests in flight use it; changed only under its map entry's lock. */
    private static final class Credential {
        final String reference;
        int users;

        Credential(String reference) {
            this.reference = reference;
        }
    }

    /**
     * The reference that stands for this header value on one request; requests in flight with the same value share
     * it. The caller {@linkplain #release releases} it once, when the request completes.
     */
    String acquire(String headerValue) {
        return referencesByValue.compute(headerValue, (value, known) -> {
            Credential credential = known;
            if (credential == null) {
                credential = new Credential(referenceBase + sequence.incrementAndGet());
                valuesByReference.put(credential.reference, value);
            }
            credential.users++;
            return credential;
        }).reference;
    }

    /** A request with this reference completed; the value is forgotten when no request in flight uses it. */
    void release(String reference) {
        String value = reference == null ? null : valuesByReference.get(reference);
        if (value == null) {
            return;
        }
        referencesByValue.computeIfPresent(value, (v, credential) -> {
            if (!credential.reference.equals(reference) || --credential.users > 0) {
                return credential;
            }
            valuesByReference.remove(reference);
            return null;
        });
    }

    /** How many values are known: the distinct tokens of the requests in flight. */
    int size() {
        return referencesByValue.size();
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
