package io.github.camelmessenger.send.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Quick replies shown above the composer: at most 13, of the content types Meta accepts; a text quick reply needs a
 * short title and a payload. The location quick reply was retired.
 */
final class QuickReplyRules {

    private static final String TEXT = "text";
    /** Meta's quick reply content_type values. */
    private static final List<String> CONTENT_TYPES = List.of(TEXT, "user_phone_number", "user_email");

    private QuickReplyRules() {
    }

    /** The quick replies of a message, when it has any. */
    static void checkAll(JsonNode quickReplies, Violations v) {
        if (quickReplies == null) {
            return;
        }
        if (!quickReplies.isArray()) {
            v.add("message.quick_replies", "must be an array");
            return;
        }
        v.maxCount("message.quick_replies", quickReplies.size(), SendApiLimit.QUICK_REPLIES);
        for (int i = 0; i < quickReplies.size(); i++) {
            check(quickReplies.get(i), "message.quick_replies[" + i + "]", v);
        }
    }

    static void check(JsonNode reply, String path, Violations v) {
        String type = reply.path("content_type").asText("");
        if ("location".equals(type)) {
            v.add(path + ".content_type", "the location quick reply was retired by Meta in 2019");
            return;
        }
        if (!CONTENT_TYPES.contains(type)) {
            v.add(path + ".content_type", (type.isEmpty() ? "missing" : "'" + type + "' is not one of")
                    + " " + String.join(", ", CONTENT_TYPES));
            return;
        }
        if (!TEXT.equals(type)) {
            // the phone number and email quick replies are filled in from the person's profile
            return;
        }
        FieldRules.requiredText(reply.get("title"), path + ".title", "a text quick reply needs a title",
                SendApiLimit.QUICK_REPLY_TITLE, v);
        JsonNode payload = reply.get("payload");
        if (payload == null || payload.asText().isEmpty()) {
            v.add(path + ".payload", "missing: a text quick reply needs a payload");
        } else {
            v.maxLength(path + ".payload", payload.asText(), SendApiLimit.QUICK_REPLY_PAYLOAD);
        }
    }
}
