package io.github.camelmessenger.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.test.AvailablePortFinder;

/**
 * The HTTP side of webhook tests: the camel-main HTTP server (platform-http-main) on a free port, added to a Camel
 * context, and a real HTTP client that calls it the way Meta does, signing bodies with the test's app secret.
 */
final class WebhookHttp {

    static final String APP_SECRET = "0f3c9a1b2d4e5f60718293a4b5c6d7e8";
    static final String VERIFY_TOKEN = "verify-me-7f2a";
    static final String PAGE = "104217156637689";
    static final String PSID = "1423587017700273";

    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    /** A client of a server still to be added on a free port (see {@link #addServerTo}). */
    WebhookHttp() {
        this(AvailablePortFinder.getNextAvailable());
    }

    /** A client of the server on {@code port}. */
    WebhookHttp(int port) {
        this.port = port;
    }

    /** Adds the HTTP server to {@code context}; it starts and stops with it. */
    void addServerTo(CamelContext context) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setPort(port);
        context.addService(server, true, true);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    /** POSTs {@code body} signed with the test's app secret. */
    HttpResponse<String> postSigned(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path, bytes, "sha256=" + sign(bytes));
    }

    /** POSTs {@code body} with this X-Hub-Signature-256 value, or none when null. */
    HttpResponse<String> post(String path, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the webhook did not answer " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} keyed with the test's app secret. */
    static String sign(byte[] body) {
        return sign(body, APP_SECRET);
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A Page webhook call with one entry of the Page holding these messaging events. */
    static String page(String... events) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1700000000123,\"messaging\":["
                + String.join(",", events) + "]}]}";
    }

    /** A text message from the person to the Page. */
    static String message(String mid, String text) {
        return event("\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}");
    }

    /** An event from the person to the Page at 1700000000000 with {@code field}. */
    static String event(String field) {
        return "{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE
                + "\"},\"timestamp\":1700000000000," + field + "}";
    }

    /** The Page's own message (an echo): from the Page to the person. */
    static String echo(String mid, String text) {
        return "{\"sender\":{\"id\":\"" + PAGE + "\"},\"recipient\":{\"id\":\"" + PSID
                + "\"},\"timestamp\":1700000000001,\"message\":{\"is_echo\":true,\"app_id\":1517776481860111,\"mid\":\""
                + mid + "\",\"text\":\"" + text + "\"}}";
    }
}
