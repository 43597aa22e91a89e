package io.github.camelmessenger.send.graph;

import java.util.concurrent.CompletableFuture;

/**
 * The HTTP exchange with the Graph API, behind an interface so the Send API logic does not depend on the client
 * library. Implementations never retry: a request is sent at most once.
 */
public interface GraphHttpClient {

    /**
     * Sends the request without blocking. The future completes once, with the answer (whatever its status) or with
     * the I/O failure, at the latest when the request timeout has passed or the client is closed.
     */
    CompletableFuture<GraphHttpResponse> send(GraphHttpRequest request);

    /**
     * A stand-in for an {@code Authorization} header value. Requests carry the stand-in; the client puts the real
     * value on the wire only, so the token never sits in a request object that a debug log could print. Each call
     * answers the reference for one request, to be put in its {@code Authorization} header and sent with
     * {@link #send}: the client forgets the value once no request in flight uses it.
     */
    String authorizationReference(String authorizationValue);
}
