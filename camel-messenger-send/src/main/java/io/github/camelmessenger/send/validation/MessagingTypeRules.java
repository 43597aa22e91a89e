package io.github.camelmessenger.send.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Why a message is sent: messaging_type, and the message tag that lets a message go outside the standard messaging
 * window. Tags Meta retired are refused with what to use instead.
 */
final class MessagingTypeRules {

    private static final String MESSAGE_TAG = "MESSAGE_TAG";
    private static final String UTILITY = "UTILITY";
    /** Meta's messaging_type values. */
    private static final List<String> MESSAGING_TYPES = List.of("RESPONSE", "UPDATE", MESSAGE_TAG, UTILITY);

    private MessagingTypeRules() {
    }

    static void check(ObjectNode request, boolean complete, Violations v) {
        JsonNode type = request.get("messaging_type");
        if (type == null && complete) {
            v.add("messaging_type", "missing: every message send needs one of " + String.join(", ", MESSAGING_TYPES));
        } else if (type != null) {
            FieldRules.oneOf(request, "messaging_type", MESSAGING_TYPES, v);
        }
        JsonNode tag = request.get("tag");
        if (tag != null && !FieldRules.nonBlankText(tag)) {
            v.add("tag", "must be a non-empty string");
            return;
        }
        if (tag != null) {
            checkTag(request, tag.asText(), type, v);
        } else if (type != null && MESSAGE_TAG.equals(type.asText())) {
            v.add("tag", "missing: messaging_type MESSAGE_TAG needs a tag (header CamelMessengerTag or option tag)");
        }
        if (request.path("message").has("template") && type != null && !UTILITY.equals(type.asText())) {
            v.add("messaging_type", "a utility template (message.template) is sent with messaging_type UTILITY, not "
                    + type.asText());
        }
    }

    private static void checkTag(ObjectNode request, String tag, JsonNode type, Violations v) {
        String retirement = MessageTags.retirement(tag);
        if (retirement != null) {
            v.add("tag", retirement);
        }
        if (type != null && !MESSAGE_TAG.equals(type.asText())) {
            v.add("tag", "a tag needs messaging_type MESSAGE_TAG, not " + type.asText()
                    + " (leave the messaging type unset and a tag implies MESSAGE_TAG)");
        }
        if (MessageTags.CUSTOMER_FEEDBACK.equals(tag) && !"customer_feedback".equals(
                request.path("message").path("attachment").path("payload").path("template_type").asText())) {
            v.add("tag", "CUSTOMER_FEEDBACK is only for the customer_feedback template");
        }
    }
}
