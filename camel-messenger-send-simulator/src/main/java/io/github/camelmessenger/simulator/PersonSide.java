package io.github.camelmessenger.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The person's side of each conversation: what they type, tap, press and react becomes the webhook event Meta would
 * send (with a new {@code mid} and the time), is written to the conversation, and is delivered to the app.
 */
final class PersonSide {

    /** An action the person took: its mid and the webhook call that carries it. */
    record Action(String mid, CompletableFuture<WebhookCall> call) {
    }

    /** Meta's reaction names for the emoji Messenger offers; any other emoji is "other". */
    private static final Map<String, String> REACTIONS = Map.of("\u2764", "love", "\u2764\ufe0f", "love",
            "\ud83d\ude06", "smile", "\ud83d\ude2e", "wow", "\ud83d\ude22", "sad", "\ud83d\ude20", "angry",
            "\ud83d\udc4d", "like", "\ud83d\udc4e", "dislike");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationLog log;
    private final String defaultPageId;
    private final Supplier<WebhookClient> webhook;

    PersonSide(ConversationLog log, String defaultPageId, Supplier<WebhookClient> webhook) {
        this.log = log;
        this.defaultPageId = defaultPageId;
        this.webhook = webhook;
    }

    String defaultPageId() {
        return defaultPageId;
    }

    /** The person types a message. */
    Action say(String pageId, String psid, String text) {
        String mid = newMid();
        ObjectNode message = MAPPER.createObjectNode().put("mid", mid).put("text", text);
        return send(page(pageId, psid), psid, mid, message, "message", message);
    }

    /** The person taps a quick-reply chip: Messenger sends the chip's title as text, with its payload. */
    Action tap(String pageId, String psid, String payload) {
        String page = page(pageId, psid);
        String title = titleOf(page, psid, payload, "quick_replies");
        String mid = newMid();
        ObjectNode message = MAPPER.createObjectNode().put("mid", mid).put("text", title);
        message.putObject("quick_reply").put("payload", payload);
        return send(page, psid, mid, message, "message", message);
    }

    /** The person presses a postback button: the thread shows its title, the app gets a postback event. */
    Action press(String pageId, String psid, String payload) {
        String page = page(pageId, psid);
        String title = titleOf(page, psid, payload, "buttons");
        String mid = newMid();
        ObjectNode postback = MAPPER.createObjectNode().put("mid", mid).put("title", title).put("payload", payload);
        ObjectNode shown = MAPPER.createObjectNode().put("text", title);
        shown.set("postback", postback.deepCopy().without("mid"));
        return send(page, psid, mid, shown, "postback", postback);
    }

    /** The person reacts to a message the Page sent. */
    Action react(String pageId, String psid, String mid, String emoji) {
        String page = page(pageId, psid);
        ObjectNode reaction = MAPPER.createObjectNode().put("mid", mid).put("action", "react")
                .put("reaction", REACTIONS.getOrDefault(emoji, "other")).put("emoji", emoji);
        log.reaction(page, psid, "person", mid, emoji, "react");
        return new Action(mid, deliver(page, psid, mid, event(page, psid, "reaction", reaction)));
    }

    private Action send(String pageId, String psid, String mid, ObjectNode shown, String field, ObjectNode payload) {
        log.personMessage(pageId, psid, mid, shown);
        return new Action(mid, deliver(pageId, psid, mid, event(pageId, psid, field, payload)));
    }

    private CompletableFuture<WebhookCall> deliver(String pageId, String psid, String mid, ObjectNode event) {
        WebhookClient client = webhook.get();
        if (client == null) {
            log.webhookResult(pageId, psid, mid, 0, "no webhook is configured");
            return CompletableFuture.completedFuture(new WebhookCall(0, null, "no webhook is configured"));
        }
        return client.post(pageId, List.of(event)).whenComplete((call, failure) -> log.webhookResult(pageId, psid, mid,
                call == null ? 0 : call.status(), call == null || call.accepted() ? null : call.responseBody()));
    }

    private static ObjectNode event(String pageId, String psid, String field, ObjectNode payload) {
        ObjectNode event = MAPPER.createObjectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", System.currentTimeMillis());
        event.set(field, payload);
        return event;
    }

    private String page(String pageId, String psid) {
        if (pageId != null && !pageId.isBlank()) {
            return pageId;
        }
        String talking = log.pageOf(psid);
        return talking != null ? talking : defaultPageId;
    }

    /** The title of the chip or button with this payload in the Page's latest message offering it; else the payload. */
    private String titleOf(String pageId, String psid, String payload, String field) {
        List<JsonNode> messages = log.messages(pageId, psid);
        for (int i = messages.size() - 1; i >= 0; i--) {
            String title = findTitle(messages.get(i).path("message"), payload, field);
            if (title != null) {
                return title;
            }
        }
        return payload;
    }

    private static String findTitle(JsonNode node, String payload, String field) {
        if (node.isObject()) {
            JsonNode offered = node.path(field);
            for (JsonNode item : offered) {
                if (payload.equals(item.path("payload").asText(null)) && item.hasNonNull("title")) {
                    return item.path("title").asText();
                }
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                String title = findTitle(child, payload, field);
                if (title != null) {
                    return title;
                }
            }
        }
        return null;
    }

    private static String newMid() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return "m_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
