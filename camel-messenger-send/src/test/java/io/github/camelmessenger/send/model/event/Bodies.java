package io.github.camelmessenger.send.model.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.model.MessengerJson;

/** Webhook bodies for the tests, written as Meta sends them. */
final class Bodies {

    static final String PAGE = "104217156637689";
    static final String PSID = "1423587017700273";

    private Bodies() {
    }

    /** A Page webhook call with one entry of the Page holding these messaging events. */
    static String page(String... events) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1700000000123,\"messaging\":["
                + String.join(",", events) + "]}]}";
    }

    /** An event from the person to the Page at 1700000000000 with {@code field} (e.g. {@code "message":{...}}). */
    static String event(String field) {
        return "{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE
                + "\"},\"timestamp\":1700000000000," + field + "}";
    }

    static JsonNode tree(String json) {
        try {
            return MessengerJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The events of a body, read as the consumer reads it; each time also checked against the events of the same body
     * read through a tree first, the way every odd body is read, so that the one-pass reading of usual bodies and the
     * tree reading never differ.
     */
    static List<WebhookEvent> parse(String body) {
        List<WebhookEvent> events = WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8));
        List<WebhookEvent> throughTree = WebhookEvents.parse(tree(body));
        if (!events.equals(throughTree)) {
            throw new AssertionError("read in one pass: " + events + "\nread through a tree: " + throughTree);
        }
        return events;
    }

    /** The only event of a body holding one. */
    static WebhookEvent only(String body) {
        List<WebhookEvent> events = parse(body);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }
}
