package io.github.camelmessenger.send.validation;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Instagram's own limits, on top of the Send API's: text counted in UTF-8 bytes, HUMAN_AGENT the only tag, fewer
 * images in one message, and two attachment types of its own.
 */
final class InstagramRules {

    /** Attachment types only Instagram takes: a heart sticker, and a shared post. */
    static final Set<String> ATTACHMENT_TYPES = Set.of("like_heart", "MEDIA_SHARE");

    private InstagramRules() {
    }

    static void check(ObjectNode request, Violations v) {
        JsonNode text = request.path("message").get("text");
        if (text != null && text.isTextual()) {
            int bytes = text.asText().getBytes(StandardCharsets.UTF_8).length;
            if (!SendApiLimit.INSTAGRAM_TEXT_BYTES.allows(bytes)) {
                v.add("message.text", SendApiLimit.INSTAGRAM_TEXT_BYTES.describeExcess(bytes) + " on Instagram");
            }
        }
        JsonNode tag = request.get("tag");
        if (tag != null && !MessageTags.HUMAN_AGENT.equals(tag.asText())) {
            v.add("tag", "on Instagram HUMAN_AGENT is the only tag, not " + tag.asText());
        }
        JsonNode attachments = request.path("message").get("attachments");
        if (attachments != null && attachments.isArray()) {
            v.maxCount("message.attachments", attachments.size(), SendApiLimit.INSTAGRAM_ATTACHMENTS);
        }
    }
}
