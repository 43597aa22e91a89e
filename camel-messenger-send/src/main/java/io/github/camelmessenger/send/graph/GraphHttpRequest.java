package io.github.camelmessenger.send.graph;

import java.time.Duration;
import java.util.Map;

/**
 * A call to the Graph API: POST with a JSON body, or GET without one. The header map may hold the access token's
 * stand-in: never log it.
 */
public record GraphHttpRequest(String method, String url, Map<String, String> headers, byte[] body,
        Duration requestTimeout) {

    public static GraphHttpRequest post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        return new GraphHttpRequest("POST", url, headers, body, timeout);
    }

    public static GraphHttpRequest get(String url, Map<String, String> headers, Duration timeout) {
        return new GraphHttpRequest("GET", url, headers, null, timeout);
    }
}
