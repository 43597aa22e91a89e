package io.github.camelmessenger.send.validation;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who a message goes to: exactly one of the identifiers Meta accepts, and a name only beside a phone number.
 */
final class RecipientRules {

    private static final Set<String> IDENTIFIERS = Set.of("id", "user_ref", "phone_number", "post_id", "comment_id",
            "notification_messages_token", "one_time_notif_token");
    private static final String ACCEPTED_FIELDS = String.join(", ", IDENTIFIERS.stream().sorted().toList()) + ", name";

    private RecipientRules() {
    }

    static void check(JsonNode recipient, Violations v) {
        if (recipient == null || recipient.isNull()) {
            v.add("recipient", "missing: set the CamelMessengerRecipientId header (or another CamelMessengerRecipient* "
                    + "header), the recipientId option, or recipient in the body");
            return;
        }
        if (!recipient.isObject()) {
            v.add("recipient", "must be an object");
            return;
        }
        int identifiers = 0;
        for (Map.Entry<String, JsonNode> field : recipient.properties()) {
            String key = field.getKey();
            if (IDENTIFIERS.contains(key)) {
                if (!FieldRules.nonBlankText(field.getValue())) {
                    v.add("recipient." + key, "must be a non-empty string");
                }
                identifiers++;
            } else if (!"name".equals(key)) {
                v.add("recipient." + key, "is not a recipient field Meta accepts (" + ACCEPTED_FIELDS + ")");
            }
        }
        if (identifiers != 1) {
            v.add("recipient", "must have exactly one identifier, has " + identifiers);
        }
        if (recipient.has("name") && !recipient.has("phone_number")) {
            v.add("recipient.name", "is only allowed with recipient.phone_number");
        }
    }
}
