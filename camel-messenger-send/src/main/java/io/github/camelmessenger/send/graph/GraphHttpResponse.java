package io.github.camelmessenger.send.graph;

import java.util.function.UnaryOperator;

/**
 * An answer from the Graph API: status, body bytes and a case-insensitive header lookup.
 */
public record GraphHttpResponse(int status, String statusText, byte[] body, UnaryOperator<String> headers) {

    /** The value of a response header, or null. */
    public String header(String name) {
        return headers == null ? null : headers.apply(name);
    }
}
