package io.github.camelmessenger.send.validation;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An attachment: media named by url or attachment_id (or whose file is sent alongside), a template, or on Instagram
 * a like_heart or a shared post. The attachments array holds images only.
 */
final class AttachmentRules {

    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "file");

    private AttachmentRules() {
    }

    static void checkAttachments(JsonNode attachments, SendProfile profile, Violations v) {
        if (!attachments.isArray() || attachments.isEmpty()) {
            v.add("message.attachments", "must be a non-empty array of image attachments");
            return;
        }
        v.maxCount("message.attachments", attachments.size(), SendApiLimit.ATTACHMENTS);
        for (int i = 0; i < attachments.size(); i++) {
            String path = "message.attachments[" + i + "]";
            JsonNode attachment = attachments.get(i);
            if (!"image".equals(attachment.path("type").asText())) {
                v.add(path + ".type", "the attachments array holds images only");
            } else {
                checkAttachment(attachment, path, profile, v);
            }
        }
    }

    static void checkAttachment(JsonNode attachment, String path, SendProfile profile, Violations v) {
        if (!attachment.isObject()) {
            v.add(path, "must be an object");
            return;
        }
        String type = attachment.path("type").asText("");
        JsonNode payload = attachment.get("payload");
        if (MEDIA_TYPES.contains(type) && profile.fileAttached()) {
            if (payload != null && (payload.has("url") || payload.has("attachment_id"))) {
                v.add(path + ".payload", "a file is sent with the message: no url or attachment_id besides it");
            }
        } else if (MEDIA_TYPES.contains(type)) {
            checkMediaPayload(payload, path + ".payload", v);
        } else if (profile.instagram() && InstagramRules.ATTACHMENT_TYPES.contains(type)) {
            // passed on as they are: Meta documents no limits for them
        } else if ("template".equals(type)) {
            if (payload == null || !payload.isObject()) {
                v.add(path + ".payload", "missing: a template attachment needs a payload with template_type");
            } else {
                TemplateRules.check(payload, path + ".payload", v);
            }
        } else {
            v.add(path + ".type", (type.isEmpty() ? "missing" : "'" + type + "' is not an attachment type Meta accepts")
                    + " (image, audio, video, file, template)");
        }
    }

    /** Media is named one way only: by its url, or by the id of an uploaded attachment. */
    static void checkUrlXorAttachmentId(JsonNode media, String path, Violations v) {
        boolean url = FieldRules.nonBlankText(media.get("url"));
        boolean id = media.has("attachment_id") && !media.get("attachment_id").asText().isBlank();
        if (url == id) {
            v.add(path, "needs exactly one of url and attachment_id");
        }
    }

    private static void checkMediaPayload(JsonNode payload, String path, Violations v) {
        if (payload == null || !payload.isObject()) {
            v.add(path, "missing: a media attachment needs payload.url or payload.attachment_id");
            return;
        }
        checkUrlXorAttachmentId(payload, path, v);
        JsonNode reusable = payload.get("is_reusable");
        if (reusable != null && !reusable.isBoolean()) {
            v.add(path + ".is_reusable", "must be true or false, not " + reusable);
        }
    }
}
