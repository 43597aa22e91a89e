package io.github.camelmessenger.send.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one message may hold: exactly one kind of content, each within Meta's limits, and optionally quick replies
 * and metadata.
 */
final class MessageRules {

    /** The kinds of content a message holds; Meta takes exactly one per message. */
    private static final List<String> CONTENT_KINDS = List.of("text", "attachment", "attachments", "sticker_id",
            "dynamic_text", "template");

    private MessageRules() {
    }

    static void check(JsonNode message, SendProfile profile, Violations v) {
        if (!message.isObject()) {
            v.add("message", "must be an object");
            return;
        }
        checkContentKinds(message, v);
        JsonNode text = message.get("text");
        if (text != null) {
            checkText(text, v);
        }
        if (message.has("attachment")) {
            AttachmentRules.checkAttachment(message.get("attachment"), "message.attachment", profile, v);
        }
        JsonNode attachments = message.get("attachments");
        if (attachments != null) {
            AttachmentRules.checkAttachments(attachments, profile, v);
        }
        JsonNode sticker = message.get("sticker_id");
        if (sticker != null && !sticker.canConvertToLong() && !sticker.asText().matches("\\d+")) {
            v.add("message.sticker_id", "must be a number");
        }
        JsonNode template = message.get("template");
        if (template != null) {
            checkUtilityTemplate(template, v);
        }
        QuickReplyRules.checkAll(message.get("quick_replies"), v);
        JsonNode metadata = message.get("metadata");
        if (metadata != null) {
            checkMetadata(metadata, v);
        }
    }

    private static void checkContentKinds(JsonNode message, Violations v) {
        List<String> contents = CONTENT_KINDS.stream().filter(message::has).toList();
        if (contents.size() != 1) {
            v.add("message", contents.isEmpty()
                    ? "has no content: set text, attachment, attachments, sticker_id or template"
                    : "must have exactly one of " + String.join(", ", CONTENT_KINDS) + "; has " + contents);
        }
    }

    private static void checkText(JsonNode text, Violations v) {
        if (!text.isTextual() || text.asText().isEmpty()) {
            v.add("message.text", "must be a non-empty string");
        } else {
            v.maxLength("message.text", text.asText(), SendApiLimit.TEXT);
        }
    }

    /** A utility message names a template Meta approved, and its language. */
    private static void checkUtilityTemplate(JsonNode template, Violations v) {
        if (!template.isObject()) {
            v.add("message.template", "must be an object with name and language.code");
            return;
        }
        if (!FieldRules.nonBlankText(template.get("name"))) {
            v.add("message.template.name", "missing: a utility message names its approved template");
        }
        if (!FieldRules.nonBlankText(template.path("language").get("code"))) {
            v.add("message.template.language.code", "missing: a utility message needs the template's language code");
        }
    }

    private static void checkMetadata(JsonNode metadata, Violations v) {
        if (!metadata.isTextual()) {
            v.add("message.metadata", "must be a string");
        } else {
            v.maxLength("message.metadata", metadata.asText(), SendApiLimit.METADATA);
        }
    }
}
