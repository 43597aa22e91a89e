package io.github.camelmessenger.send.graph;

import java.time.Duration;
import java.util.Map;

/**
 * A call to the Graph API: POST with a JSON body or multipart form fields and a file, GET or DELETE without a body.
 * The header map may hold the access token's stand-in: never log it.
 *
 * @param fields form fields of a multipart request (null for JSON and bodiless requests)
 * @param file   the {@code filedata} part of a multipart request
 */
public record GraphHttpRequest(String method, String url, Map<String, String> headers, byte[] body,
        Map<String, String> fields, FileContent file, Duration requestTimeout) {

    public static GraphHttpRequest post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        return new GraphHttpRequest("POST", url, headers, body, null, null, timeout);
    }

    public static GraphHttpRequest multipart(String url, Map<String, String> headers, Map<String, String> fields,
                                             FileContent file, Duration timeout) {
        return new GraphHttpRequest("POST", url, headers, null, fields, file, timeout);
    }

    public static GraphHttpRequest get(String url, Map<String, String> headers, Duration timeout) {
        return new GraphHttpRequest("GET", url, headers, null, null, null, timeout);
    }

    public static GraphHttpRequest delete(String url, Map<String, String> headers, Duration timeout) {
        return new GraphHttpRequest("DELETE", url, headers, null, null, null, timeout);
    }
}
