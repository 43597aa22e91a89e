package io.github.camelmessenger.send.graph;

import java.time.Duration;
import java.util.Map;

/**
 * A POST to the Graph API. The header map may hold the access token: never log it.
 */
public record GraphHttpRequest(String url, Map<String, String> headers, byte[] body, Duration requestTimeout) {
}
