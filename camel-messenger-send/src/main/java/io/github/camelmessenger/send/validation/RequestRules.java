package io.github.camelmessenger.send.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules for a request as a whole: who it goes to, a message or a sender action (never both), and the fields that
 * go beside the message.
 */
final class RequestRules {

    /** Meta's notification_type values; REGULAR is Meta's default. */
    private static final List<String> NOTIFICATION_TYPES = List.of("REGULAR", "SILENT_PUSH", "NO_PUSH");

    private RequestRules() {
    }

    /**
     * Checks a request. An incomplete one (from the model's builders) may still lack what the producer fills in
     * later from headers and options: the recipient, the messaging type and the message.
     */
    static void check(ObjectNode request, boolean complete, SendProfile profile, Violations v) {
        if (complete || request.has("recipient")) {
            RecipientRules.check(request.get("recipient"), v);
        }
        JsonNode action = request.get("sender_action");
        JsonNode message = request.get("message");
        if (action != null && message != null) {
            v.add("message", "a request carries either message or sender_action, not both (Meta answers 100/2018014)");
        } else if (complete && action == null && message == null) {
            v.add("message", "missing: the request needs a message or a sender_action");
        }
        if (action != null) {
            SenderActionRules.check(request, action, v);
        } else {
            MessagingTypeRules.check(request, complete, v);
            if (message != null) {
                MessageRules.check(message, profile, v);
            }
            checkReplyTo(request.get("reply_to"), v);
        }
        FieldRules.oneOf(request, "notification_type", NOTIFICATION_TYPES, v);
        if (profile.instagram()) {
            InstagramRules.check(request, v);
        }
    }

    private static void checkReplyTo(JsonNode replyTo, Violations v) {
        if (replyTo != null && !FieldRules.nonBlankText(replyTo.get("mid"))) {
            v.add("reply_to.mid", "missing: reply_to needs the id of the message replied to");
        }
    }
}
