package io.github.camelmessenger.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything that happened in the simulator's conversations, as one ordered log of updates: what the Page sent or
 * failed to send, its sender actions, what the person said, tapped, pressed and reacted, and how the app answered
 * each webhook call. The local Messenger page replays it and polls for what is new.
 */
final class ConversationLog {

    /** One page of the log: the updates after a sequence number and the sequence number to ask from next. */
    record Slice(long seq, List<ObjectNode> updates) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Updates kept; beyond it the oldest tenth is dropped, so a simulator running for hours stays bounded. */
    static final int CAPACITY = 100_000;

    private final int capacity;
    private final List<ObjectNode> updates = new ArrayList<>();
    /** Sequence number of the update before the first one kept. */
    private long dropped;
    private long seq;

    ConversationLog() {
        this(CAPACITY);
    }

    ConversationLog(int capacity) {
        this.capacity = capacity;
    }

    /** A message the Page sent and the simulator accepted. */
    void pageMessage(String pageId, String psid, String mid, JsonNode message, PageMessageExtras extras) {
        ObjectNode update = update("message", pageId, psid);
        update.put("from", "page").put("mid", mid).put("kind", kindOf(message));
        update.set("message", message);
        update.set("persona", extras.persona());
        update.put("replyTo", message.path("reply_to").path("mid").asText(null));
        if (extras.resolvedUrl() != null) {
            update.put("resolvedUrl", extras.resolvedUrl());
        }
        if (extras.fileName() != null) {
            update.put("fileName", extras.fileName());
        }
        update.putNull("error");
        append(update);
    }

    /** A message the Page tried to send and Meta refused for this person. */
    void pageFailed(String pageId, String psid, JsonNode message, int code, Integer subcode, String text) {
        ObjectNode update = update("message", pageId, psid);
        update.put("from", "page").put("kind", "error");
        update.set("message", message);
        update.putNull("persona").putNull("replyTo");
        ObjectNode error = update.putObject("error").put("code", code).put("message", text);
        if (subcode != null) {
            error.put("subcode", subcode);
        }
        synchronized (this) {
            update.put("mid", "err_" + (seq + 1));
            append(update);
        }
    }

    void typing(String pageId, String psid, boolean on) {
        append(update("typing", pageId, psid).put("on", on));
    }

    void seen(String pageId, String psid) {
        append(update("seen", pageId, psid));
    }

    void reaction(String pageId, String psid, String from, String mid, String emoji, String action) {
        append(update("reaction", pageId, psid).put("from", from).put("mid", mid).put("emoji", emoji)
                .put("action", action));
    }

    /** What the person sent, as the webhook message (or postback) object. */
    void personMessage(String pageId, String psid, String mid, ObjectNode message) {
        ObjectNode update = update("message", pageId, psid);
        update.put("from", "person").put("mid", mid).put("kind", "text");
        update.set("message", message);
        update.putNull("persona");
        update.put("replyTo", message.path("reply_to").path("mid").asText(null));
        update.putNull("error");
        append(update);
    }

    /** How the app answered the webhook call that carried a person's action. */
    void webhookResult(String pageId, String psid, String mid, int status, String error) {
        append(update("webhook", pageId, psid).put("mid", mid).put("status", status).put("error", error));
    }

    synchronized Slice after(long after) {
        List<ObjectNode> newer = new ArrayList<>();
        // update number n is at index n - dropped - 1, so the slice starts at index after - dropped
        int from = (int) Math.max(0, Math.min(after - dropped, updates.size()));
        for (int i = from; i < updates.size(); i++) {
            newer.add(updates.get(i).deepCopy());
        }
        return new Slice(seq, newer);
    }

    /** The messages in one conversation, oldest first. */
    synchronized List<JsonNode> messages(String pageId, String psid) {
        List<JsonNode> messages = new ArrayList<>();
        for (ObjectNode update : updates) {
            if (update.path("type").asText().equals("message") && update.path("pageId").asText().equals(pageId)
                    && update.path("psid").asText().equals(psid)) {
                messages.add(update);
            }
        }
        return messages;
    }

    /** The Page that last talked with the person, or null. */
    synchronized String pageOf(String psid) {
        for (int i = updates.size() - 1; i >= 0; i--) {
            if (updates.get(i).path("psid").asText().equals(psid)) {
                return updates.get(i).path("pageId").asText();
            }
        }
        return null;
    }

    synchronized void reset() {
        updates.clear();
        dropped = 0;
        seq = 0;
    }

    /** How Messenger would show the message, named as the page's {@code data-kind}. */
    static String kindOf(JsonNode message) {
        JsonNode attachment = message.path("attachment");
        if (attachment.isMissingNode()) {
            JsonNode attachments = message.path("attachments");
            attachment = attachments.isArray() && !attachments.isEmpty() ? attachments.get(0) : attachment;
        }
        String type = attachment.path("type").asText("");
        if (type.equals("template")) {
            String template = attachment.path("payload").path("template_type").asText("");
            return switch (template) {
                case "customer_feedback" -> "feedback";
                case "generic", "button", "media", "receipt", "coupon", "product" -> template;
                default -> "generic";
            };
        }
        if (attachment.path("payload").has("sticker_id")) {
            return "sticker";
        }
        return switch (type) {
            case "image", "video", "audio", "file" -> type;
            default -> "text";
        };
    }

    private ObjectNode update(String type, String pageId, String psid) {
        ObjectNode update = MAPPER.createObjectNode();
        update.put("type", type).put("pageId", pageId).put("psid", psid).put("timestamp", System.currentTimeMillis());
        return update;
    }

    private synchronized void append(ObjectNode update) {
        update.put("seq", ++seq);
        updates.add(update);
        if (updates.size() > capacity) {
            int drop = Math.max(1, capacity / 10);
            updates.subList(0, drop).clear();
            dropped += drop;
        }
    }

    /** What the simulator knows about a Page message besides its JSON: the persona and the attachment it named. */
    record PageMessageExtras(ObjectNode persona, String resolvedUrl, String fileName) {

        static final PageMessageExtras NONE = new PageMessageExtras(null, null, null);
    }
}
