package io.github.camelmessenger.examples.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One notification as it travels on {@code messenger.notifications}: keyed by {@link #pageId()}, so every
 * notification of a Page lands on one partition and so with one sender.
 *
 * @param id     unique per notification: the idempotency key, and the message's {@code metadata}
 * @param pageId the Page that sends it (the record key)
 * @param psid   the recipient's page-scoped id
 * @param text   the message text
 */
public record Notification(String id, String pageId, String psid, String text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Notification fromJson(String json) {
        try {
            return JSON.readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a notification: " + e.getOriginalMessage(), e);
        }
    }

    /** The Send API message object: the text, and the notification id as metadata so each send can be traced. */
    public String messageJson() {
        return JSON.createObjectNode().put("text", text).put("metadata", id).toString();
    }
}
