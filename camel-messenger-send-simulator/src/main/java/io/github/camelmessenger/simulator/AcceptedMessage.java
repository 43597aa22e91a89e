package io.github.camelmessenger.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the simulator accepted: the Page it was sent from, the request JSON, and the ids it answered.
 */
public record AcceptedMessage(String pageId, JsonNode request, String messageId, Instant receivedAt) {

    public String recipientId() {
        return request.path("recipient").path("id").asText(null);
    }

    /** The message text, or null for templates, attachments and sender actions. */
    public String text() {
        return request.path("message").path("text").asText(null);
    }
}
