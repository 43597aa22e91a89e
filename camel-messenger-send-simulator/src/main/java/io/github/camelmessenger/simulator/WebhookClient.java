package io.github.camelmessenger.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the app's webhook as Meta does: the subscription GET, then signed POSTs of batched events. Asynchronous, so
 * a call in progress holds no thread.
 */
final class WebhookClient {

    /** Meta gives up on a webhook call after 20 seconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSubscription subscription;

    WebhookClient(WebhookSubscription subscription) {
        this.subscription = subscription;
    }

    WebhookSubscription subscription() {
        return subscription;
    }

    /**
     * The subscription check: {@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}; the app must
     * answer 200 with the challenge.
     */
    void verify() {
        String challenge = UUID.randomUUID().toString();
        String query = "hub.mode=subscribe&hub.verify_token=" + encode(subscription.verifyToken()) + "&hub.challenge="
                + challenge;
        URI callback = subscription.callbackUrl();
        URI uri = URI.create(callback + (callback.getRawQuery() == null ? "?" : "&") + query);
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The webhook " + callback + " could not be reached for the subscription "
                    + "check: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the subscription check of " + callback, e);
        }
        if (answer.statusCode() != 200 || !challenge.equals(answer.body())) {
            throw new IllegalStateException("The webhook " + callback + " failed the subscription check: it answered "
                    + answer.statusCode() + " and " + (challenge.equals(answer.body()) ? "the challenge"
                            : "not the challenge"));
        }
    }

    /** Posts one call holding the events of one Page, signed with the app secret. */
    CompletableFuture<WebhookCall> post(String pageId, List<ObjectNode> events) {
        ObjectNode root = mapper.createObjectNode();
        root.put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", pageId).put("time", System.currentTimeMillis());
        entry.putArray("messaging").addAll(events);
        String body = root.toString();
        HttpRequest request = HttpRequest.newBuilder(subscription.callbackUrl()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(subscription.appSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> new WebhookCall(answer.statusCode(), body, answer.body()))
                .exceptionally(failure -> new WebhookCall(0, body, String.valueOf(rootCause(failure).getMessage())));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
