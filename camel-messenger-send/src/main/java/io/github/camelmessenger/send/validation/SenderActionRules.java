package io.github.camelmessenger.send.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sender action goes instead of a message, with nothing beside it but the recipient, a persona and, for a reaction,
 * the payload naming the message.
 */
final class SenderActionRules {

    private static final String REACT = "react";
    private static final String UNREACT = "unreact";
    /** The sender_action values Meta accepts, exactly as written on the wire. */
    private static final List<String> ACTIONS = List.of("typing_on", "typing_off", "mark_seen", REACT, UNREACT);
    private static final Set<String> ALLOWED_FIELDS = Set.of("recipient", "sender_action", "payload", "persona_id");

    private SenderActionRules() {
    }

    static void check(ObjectNode request, JsonNode action, Violations v) {
        String name = action.asText();
        if (!action.isTextual() || !ACTIONS.contains(name)) {
            v.add("sender_action", "'" + name + "' is not one of " + String.join(", ", ACTIONS));
            return;
        }
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            if (!ALLOWED_FIELDS.contains(field.getKey())) {
                v.add(field.getKey(), "not allowed with sender_action: Meta accepts only recipient, persona_id and, "
                        + "for react/unreact, payload (Meta answers 100/2018014)");
            }
        }
        JsonNode payload = request.get("payload");
        if (!REACT.equals(name) && !UNREACT.equals(name)) {
            if (payload != null) {
                v.add("payload", "only react and unreact carry a payload");
            }
            return;
        }
        checkReactionPayload(name, payload, v);
    }

    private static void checkReactionPayload(String action, JsonNode payload, Violations v) {
        String missingMessageId = "missing: " + action + " needs the id of the message (header "
                + "CamelMessengerReactionMessageId)";
        if (payload == null || !payload.isObject()) {
            v.add("payload.message_id", missingMessageId);
            return;
        }
        if (!FieldRules.nonBlankText(payload.get("message_id"))) {
            v.add("payload.message_id", missingMessageId);
        }
        if (REACT.equals(action) && !FieldRules.nonBlankText(payload.get("reaction"))) {
            v.add("payload.reaction", "missing: react needs a reaction (header CamelMessengerReaction)");
        }
        if (UNREACT.equals(action) && payload.has("reaction")) {
            v.add("payload.reaction", "unreact carries only payload.message_id");
        }
    }
}
