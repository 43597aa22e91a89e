package io.github.camelmessenger.send.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.Platform;
import io.github.camelmessenger.send.model.SenderAction;

/**
 * Checks an assembled Send API request against Meta's documented rules and limits before anything is sent. Works on
 * the JSON tree, so typed, JSON, Map and text bodies are held to the same rules.
 */
public final class SendRequestValidator {

    static final Set<String> RECIPIENT_KEYS = Set.of("id", "user_ref", "phone_number", "post_id", "comment_id",
            "notification_messages_token", "one_time_notif_token");
    private static final Set<String> SENDER_ACTION_KEYS = Set.of("recipient", "sender_action", "payload",
            "persona_id");
    private static final List<String> MESSAGE_CONTENT_KEYS = List.of("text", "attachment", "attachments",
            "sticker_id", "dynamic_text", "template");
    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "file");
    private static final Set<String> INSTAGRAM_ATTACHMENT_TYPES = Set.of("like_heart", "MEDIA_SHARE");
    private static final Set<String> QUICK_REPLY_TYPES = Set.of("text", "user_phone_number", "user_email");
    private static final Set<String> BUTTON_TYPES = Set.of("web_url", "postback", "phone_number", "account_link",
            "account_unlink", "game_play");
    private static final Set<String> WEBVIEW_HEIGHT_RATIOS = Set.of("compact", "tall", "full");
    private static final Set<String> IMAGE_ASPECT_RATIOS = Set.of("horizontal", "square");
    private static final String TEMPLATE_PATH = "message.attachment.payload";
    private static final Map<String, String> RETIRED_TEMPLATES = Map.of(
            "list", "the list template was retired by Meta with Graph API v4.0 (2019); use a generic template",
            "open_graph", "the open graph template was retired by Meta with Graph API v4.0 (2019); use a generic "
                          + "template or a plain link");

    private SendRequestValidator() {
    }

    /**
     * Checks a whole request as it is about to be sent. Throws {@link MessengerValidationException} naming every
     * broken rule; returns normally otherwise.
     */
    public static void validate(ObjectNode request) {
        check(request, true, new Rules(Platform.MESSENGER, false));
    }

    /** Checks a whole request for a platform: Instagram adds its own limits and attachment types. */
    public static void validate(ObjectNode request, Platform platform) {
        check(request, true, new Rules(platform, false));
    }

    /**
     * Checks a whole request whose attachment is a file sent alongside (multipart): its payload carries no url or
     * attachment_id, only is_reusable.
     */
    public static void validateWithFile(ObjectNode request, Platform platform) {
        check(request, true, new Rules(platform, true));
    }

    /** What the checks depend on besides the request: the platform, and whether a file goes with it. */
    private record Rules(Platform platform, boolean fileAttached) {
    }

    /**
     * Checks the parts a request already has, leaving out what the producer fills in later from headers and
     * options (recipient, messaging type): for the model's builders.
     */
    public static void validateIncomplete(ObjectNode request) {
        check(request, false, new Rules(Platform.MESSENGER, false));
    }

    /** Checks a {@code message} object; paths start with {@code message}. */
    public static void validateMessage(JsonNode message) {
        Violations v = new Violations();
        checkMessage(message, new Rules(Platform.MESSENGER, false), v);
        v.throwIfAny();
    }

    /** Checks a template payload; paths start with {@code message.attachment.payload}, where it is sent. */
    public static void validateTemplate(JsonNode template) {
        Violations v = new Violations();
        checkTemplate(template, TEMPLATE_PATH, v);
        v.throwIfAny();
    }

    /** Checks one element of a generic template; paths start with {@code element}. */
    public static void validateGenericElement(JsonNode element) {
        Violations v = new Violations();
        checkGenericElement(element, "element", v);
        v.throwIfAny();
    }

    /** Checks one button; paths start with {@code button}. */
    public static void validateButton(JsonNode button) {
        Violations v = new Violations();
        checkButton(button, "button", v);
        v.throwIfAny();
    }

    /** Checks one quick reply; paths start with {@code quick_reply}. */
    public static void validateQuickReply(JsonNode quickReply) {
        Violations v = new Violations();
        checkQuickReply(quickReply, "quick_reply", v);
        v.throwIfAny();
    }

    private static void check(ObjectNode request, boolean complete, Rules rules) {
        Violations v = new Violations();
        if (complete || request.has("recipient")) {
            checkRecipient(request.get("recipient"), v);
        }
        JsonNode action = request.get("sender_action");
        JsonNode message = request.get("message");
        if (action != null && message != null) {
            v.add("message", "a request carries either message or sender_action, not both (Meta answers 100/2018014)");
        } else if (complete && action == null && message == null) {
            v.add("message", "missing: the request needs a message or a sender_action");
        }
        if (action != null) {
            checkSenderAction(request, action, v);
        } else {
            checkMessagingTypeAndTag(request, complete, v);
            if (message != null) {
                checkMessage(message, rules, v);
            }
            checkReplyTo(request.get("reply_to"), v);
        }
        checkEnum(request, "notification_type", NotificationType.class, v);
        if (rules.platform() == Platform.INSTAGRAM) {
            checkInstagram(request, v);
        }
        v.throwIfAny();
    }

    /** Instagram's own limits, on top of the Send API's. */
    private static void checkInstagram(ObjectNode request, Violations v) {
        JsonNode text = request.path("message").get("text");
        if (text != null && text.isTextual()) {
            int bytes = text.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
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

    private static void checkRecipient(JsonNode recipient, Violations v) {
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
            if (RECIPIENT_KEYS.contains(key)) {
                if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                    v.add("recipient." + key, "must be a non-empty string");
                }
                identifiers++;
            } else if (!"name".equals(key)) {
                v.add("recipient." + key, "is not a recipient field Meta accepts (" + String.join(", ",
                        RECIPIENT_KEYS.stream().sorted().toList()) + ", name)");
            }
        }
        if (identifiers != 1) {
            v.add("recipient", "must have exactly one identifier, has " + identifiers);
        }
        if (recipient.has("name") && !recipient.has("phone_number")) {
            v.add("recipient.name", "is only allowed with recipient.phone_number");
        }
    }

    private static void checkSenderAction(ObjectNode request, JsonNode action, Violations v) {
        SenderAction parsed = action.isTextual() ? SenderAction.fromWireValue(action.asText()) : null;
        if (parsed == null || !parsed.wireValue().equals(action.asText())) {
            v.add("sender_action", "'" + action.asText() + "' is not one of typing_on, typing_off, mark_seen, react, "
                                   + "unreact");
            return;
        }
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            String key = field.getKey();
            if (!SENDER_ACTION_KEYS.contains(key)) {
                v.add(key, "not allowed with sender_action: Meta accepts only recipient, persona_id and, for "
                           + "react/unreact, payload (Meta answers 100/2018014)");
            }
        }
        JsonNode payload = request.get("payload");
        if (!parsed.needsPayload()) {
            if (payload != null) {
                v.add("payload", "only react and unreact carry a payload");
            }
            return;
        }
        if (payload == null || !payload.isObject()) {
            v.add("payload.message_id", "missing: " + parsed.wireValue() + " needs the id of the message (header "
                                        + "CamelMessengerReactionMessageId)");
            return;
        }
        if (!nonBlankText(payload.get("message_id"))) {
            v.add("payload.message_id", "missing: " + parsed.wireValue() + " needs the id of the message (header "
                                        + "CamelMessengerReactionMessageId)");
        }
        if (parsed == SenderAction.REACT && !nonBlankText(payload.get("reaction"))) {
            v.add("payload.reaction", "missing: react needs a reaction (header CamelMessengerReaction)");
        }
        if (parsed == SenderAction.UNREACT && payload.has("reaction")) {
            v.add("payload.reaction", "unreact carries only payload.message_id");
        }
    }

    private static void checkMessagingTypeAndTag(ObjectNode request, boolean complete, Violations v) {
        JsonNode type = request.get("messaging_type");
        JsonNode tag = request.get("tag");
        if (type == null && complete) {
            v.add("messaging_type", "missing: every message send needs one of RESPONSE, UPDATE, MESSAGE_TAG, UTILITY");
        } else if (type != null) {
            checkEnum(request, "messaging_type", MessagingType.class, v);
        }
        if (tag != null) {
            if (!nonBlankText(tag)) {
                v.add("tag", "must be a non-empty string");
                return;
            }
            String retirement = MessageTags.retirement(tag.asText());
            if (retirement != null) {
                v.add("tag", retirement);
            }
            if (type != null && !MessagingType.MESSAGE_TAG.name().equals(type.asText())) {
                v.add("tag", "a tag needs messaging_type MESSAGE_TAG, not " + type.asText()
                             + " (leave the messaging type unset and a tag implies MESSAGE_TAG)");
            }
            if (MessageTags.CUSTOMER_FEEDBACK.equals(tag.asText()) && !"customer_feedback".equals(
                    request.path("message").path("attachment").path("payload").path("template_type").asText())) {
                v.add("tag", "CUSTOMER_FEEDBACK is only for the customer_feedback template");
            }
        } else if (type != null && MessagingType.MESSAGE_TAG.name().equals(type.asText())) {
            v.add("tag", "missing: messaging_type MESSAGE_TAG needs a tag (header CamelMessengerTag or option tag)");
        }
        if (request.path("message").has("template") && type != null
            && !MessagingType.UTILITY.name().equals(type.asText())) {
            v.add("messaging_type", "a utility template (message.template) is sent with messaging_type UTILITY, not "
                                    + type.asText());
        }
    }

    private static void checkMessage(JsonNode message, Rules rules, Violations v) {
        if (!message.isObject()) {
            v.add("message", "must be an object");
            return;
        }
        int contentKinds = 0;
        for (String key : MESSAGE_CONTENT_KEYS) {
            contentKinds += message.has(key) ? 1 : 0;
        }
        if (contentKinds != 1) {
            List<String> contents = MESSAGE_CONTENT_KEYS.stream().filter(message::has).toList();
            v.add("message", contents.isEmpty()
                    ? "has no content: set text, attachment, attachments, sticker_id or template"
                    : "must have exactly one of " + String.join(", ", MESSAGE_CONTENT_KEYS) + "; has " + contents);
        }
        JsonNode text = message.get("text");
        if (text != null) {
            if (!text.isTextual() || text.asText().isEmpty()) {
                v.add("message.text", "must be a non-empty string");
            } else {
                v.maxLength("message.text", text.asText(), SendApiLimit.TEXT);
            }
        }
        if (message.has("attachment")) {
            checkAttachment(message.get("attachment"), "message.attachment", rules, v);
        }
        JsonNode attachments = message.get("attachments");
        if (attachments != null) {
            checkAttachments(attachments, rules, v);
        }
        JsonNode sticker = message.get("sticker_id");
        if (sticker != null && !sticker.canConvertToLong() && !sticker.asText().matches("\\d+")) {
            v.add("message.sticker_id", "must be a number");
        }
        JsonNode template = message.get("template");
        if (template != null) {
            checkUtilityTemplate(template, v);
        }
        checkQuickReplies(message.get("quick_replies"), v);
        JsonNode metadata = message.get("metadata");
        if (metadata != null) {
            if (!metadata.isTextual()) {
                v.add("message.metadata", "must be a string");
            } else {
                v.maxLength("message.metadata", metadata.asText(), SendApiLimit.METADATA);
            }
        }
    }

    private static void checkUtilityTemplate(JsonNode template, Violations v) {
        if (!template.isObject()) {
            v.add("message.template", "must be an object with name and language.code");
            return;
        }
        if (!nonBlankText(template.get("name"))) {
            v.add("message.template.name", "missing: a utility message names its approved template");
        }
        if (!nonBlankText(template.path("language").get("code"))) {
            v.add("message.template.language.code", "missing: a utility message needs the template's language code");
        }
    }

    private static void checkAttachments(JsonNode attachments, Rules rules, Violations v) {
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
                checkAttachment(attachment, path, rules, v);
            }
        }
    }

    private static void checkAttachment(JsonNode attachment, String path, Rules rules, Violations v) {
        if (!attachment.isObject()) {
            v.add(path, "must be an object");
            return;
        }
        String type = attachment.path("type").asText("");
        JsonNode payload = attachment.get("payload");
        if (MEDIA_TYPES.contains(type) && rules.fileAttached()) {
            if (payload != null && (payload.has("url") || payload.has("attachment_id"))) {
                v.add(path + ".payload", "a file is sent with the message: no url or attachment_id besides it");
            }
        } else if (MEDIA_TYPES.contains(type)) {
            checkMediaPayload(payload, path + ".payload", v);
        } else if (rules.platform() == Platform.INSTAGRAM && INSTAGRAM_ATTACHMENT_TYPES.contains(type)) {
            return;
        } else if ("template".equals(type)) {
            if (payload == null || !payload.isObject()) {
                v.add(path + ".payload", "missing: a template attachment needs a payload with template_type");
            } else {
                checkTemplate(payload, path + ".payload", v);
            }
        } else {
            v.add(path + ".type", (type.isEmpty() ? "missing" : "'" + type + "' is not an attachment type Meta accepts")
                                  + " (image, audio, video, file, template)");
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

    private static void checkTemplate(JsonNode payload, String path, Violations v) {
        String templateType = payload.path("template_type").asText("");
        String retired = RETIRED_TEMPLATES.get(templateType);
        if (retired != null) {
            v.add(path + ".template_type", retired);
            return;
        }
        switch (templateType) {
            case "" -> v.add(path + ".template_type", "missing");
            case "generic" -> checkGeneric(payload, path, v);
            case "button" -> checkButtonTemplate(payload, path, v);
            case "media" -> checkMediaTemplate(payload, path, v);
            case "product" -> checkProductTemplate(payload, path, v);
            case "receipt" -> checkReceiptTemplate(payload, path, v);
            default -> checkButtons(payload.get("buttons"), path + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
        }
    }

    private static void checkGeneric(JsonNode payload, String path, Violations v) {
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            v.add(path + ".elements", "a generic template needs 1 to " + SendApiLimit.GENERIC_ELEMENTS.max()
                                      + " elements");
            return;
        }
        v.maxCount(path + ".elements", elements.size(), SendApiLimit.GENERIC_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
            checkGenericElement(elements.get(i), path + ".elements[" + i + "]", v);
        }
        JsonNode ratio = payload.get("image_aspect_ratio");
        if (ratio != null && !IMAGE_ASPECT_RATIOS.contains(ratio.asText())) {
            v.add(path + ".image_aspect_ratio", "'" + ratio.asText() + "' is not one of horizontal, square");
        }
    }

    private static void checkGenericElement(JsonNode element, String path, Violations v) {
        requiredText(element.get("title"), path + ".title", "every generic template element needs a title",
                SendApiLimit.ELEMENT_TITLE, v);
        JsonNode subtitle = element.get("subtitle");
        if (subtitle != null) {
            v.maxLength(path + ".subtitle", subtitle.asText(), SendApiLimit.ELEMENT_SUBTITLE);
        }
        JsonNode defaultAction = element.get("default_action");
        if (defaultAction != null) {
            checkDefaultAction(defaultAction, path + ".default_action", v);
        }
        checkButtons(element.get("buttons"), path + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
    }

    private static void checkButtonTemplate(JsonNode payload, String path, Violations v) {
        requiredText(payload.get("text"), path + ".text", "a button template needs text",
                SendApiLimit.BUTTON_TEMPLATE_TEXT, v);
        JsonNode buttons = payload.get("buttons");
        if (buttons == null || !buttons.isArray() || buttons.isEmpty()) {
            v.add(path + ".buttons", "a button template needs 1 to " + SendApiLimit.BUTTON_TEMPLATE_BUTTONS.max()
                                     + " buttons");
            return;
        }
        checkButtons(buttons, path + ".buttons", SendApiLimit.BUTTON_TEMPLATE_BUTTONS, v);
    }

    private static void checkMediaTemplate(JsonNode payload, String path, Violations v) {
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.size() != SendApiLimit.MEDIA_ELEMENTS.max()) {
            v.add(path + ".elements", "a media template needs exactly " + SendApiLimit.MEDIA_ELEMENTS.max() + " "
                                      + SendApiLimit.MEDIA_ELEMENTS.unit() + ", has "
                                      + (elements == null || !elements.isArray() ? 0 : elements.size()));
            return;
        }
        JsonNode element = elements.get(0);
        String elementPath = path + ".elements[0]";
        String mediaType = element.path("media_type").asText("");
        if (!"image".equals(mediaType) && !"video".equals(mediaType)) {
            v.add(elementPath + ".media_type", "must be image or video");
        }
        checkUrlXorAttachmentId(element, elementPath, v);
        checkButtons(element.get("buttons"), elementPath + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
    }

    private static void checkProductTemplate(JsonNode payload, String path, Violations v) {
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            v.add(path + ".elements", "a product template needs 1 to " + SendApiLimit.PRODUCT_ELEMENTS.max()
                                      + " products");
            return;
        }
        v.maxCount(path + ".elements", elements.size(), SendApiLimit.PRODUCT_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
            if (!nonBlankText(elements.get(i).get("id"))) {
                v.add(path + ".elements[" + i + "].id", "missing: each product is given by its catalog id");
            }
        }
    }

    private static void checkReceiptTemplate(JsonNode payload, String path, Violations v) {
        for (String field : List.of("recipient_name", "order_number", "currency", "payment_method")) {
            if (!nonBlankText(payload.get(field))) {
                v.add(path + "." + field, "missing: a receipt template needs " + field);
            }
        }
        if (!payload.path("summary").path("total_cost").isNumber()) {
            v.add(path + ".summary.total_cost", "missing: a receipt template needs summary.total_cost as a number");
        }
    }

    private static void checkButtons(JsonNode buttons, String path, SendApiLimit countLimit, Violations v) {
        if (buttons == null) {
            return;
        }
        if (!buttons.isArray()) {
            v.add(path, "must be an array");
            return;
        }
        v.maxCount(path, buttons.size(), countLimit);
        for (int i = 0; i < buttons.size(); i++) {
            checkButton(buttons.get(i), path + "[" + i + "]", v);
        }
    }

    private static void checkButton(JsonNode button, String path, Violations v) {
        String type = button.path("type").asText("");
        if ("element_share".equals(type)) {
            v.add(path + ".type", "the share button was retired by Meta with Graph API v4.0 (2019)");
            return;
        }
        if (!BUTTON_TYPES.contains(type)) {
            v.add(path + ".type", (type.isEmpty() ? "missing" : "'" + type + "' is not a button type Meta accepts")
                                  + " (" + String.join(", ", BUTTON_TYPES.stream().sorted().toList()) + ")");
            return;
        }
        JsonNode title = button.get("title");
        boolean titled = !type.startsWith("account_");
        if (titled && !nonBlankText(title)) {
            v.add(path + ".title", "missing: a " + type + " button needs a title");
        } else if (title != null) {
            v.maxLength(path + ".title", title.asText(), SendApiLimit.BUTTON_TITLE);
        }
        switch (type) {
            case "web_url", "account_link" -> {
                if (!nonBlankText(button.get("url"))) {
                    v.add(path + ".url", "missing: a " + type + " button needs a url");
                }
                checkWebviewHeightRatio(button, path, v);
            }
            case "postback" -> requiredText(button.get("payload"), path + ".payload", "a postback button needs a payload",
                    SendApiLimit.POSTBACK_PAYLOAD, v);
            case "phone_number" -> {
                if (!nonBlankText(button.get("payload"))) {
                    v.add(path + ".payload", "missing: a phone_number button needs the number as payload");
                }
            }
            default -> {
                // account_unlink and game_play carry nothing else that Meta limits
            }
        }
    }

    private static void checkDefaultAction(JsonNode action, String path, Violations v) {
        if (!"web_url".equals(action.path("type").asText())) {
            v.add(path + ".type", "a default action must be of type web_url");
        }
        if (!nonBlankText(action.get("url"))) {
            v.add(path + ".url", "missing: a default action needs a url");
        }
        if (action.has("title")) {
            v.add(path + ".title", "a default action has no title");
        }
        checkWebviewHeightRatio(action, path, v);
    }

    private static void checkWebviewHeightRatio(JsonNode button, String path, Violations v) {
        JsonNode ratio = button.get("webview_height_ratio");
        if (ratio != null && !WEBVIEW_HEIGHT_RATIOS.contains(ratio.asText())) {
            v.add(path + ".webview_height_ratio", "'" + ratio.asText() + "' is not one of compact, tall, full");
        }
    }

    private static void checkQuickReplies(JsonNode quickReplies, Violations v) {
        if (quickReplies == null) {
            return;
        }
        if (!quickReplies.isArray()) {
            v.add("message.quick_replies", "must be an array");
            return;
        }
        v.maxCount("message.quick_replies", quickReplies.size(), SendApiLimit.QUICK_REPLIES);
        for (int i = 0; i < quickReplies.size(); i++) {
            checkQuickReply(quickReplies.get(i), "message.quick_replies[" + i + "]", v);
        }
    }

    private static void checkQuickReply(JsonNode reply, String path, Violations v) {
        String type = reply.path("content_type").asText("");
        if ("location".equals(type)) {
            v.add(path + ".content_type", "the location quick reply was retired by Meta in 2019");
            return;
        }
        if (!QUICK_REPLY_TYPES.contains(type)) {
            v.add(path + ".content_type", (type.isEmpty() ? "missing" : "'" + type + "' is not one of")
                                          + " text, user_phone_number, user_email");
            return;
        }
        if (!QuickReply.TEXT.equals(type)) {
            return;
        }
        requiredText(reply.get("title"), path + ".title", "a text quick reply needs a title",
                SendApiLimit.QUICK_REPLY_TITLE, v);
        JsonNode payload = reply.get("payload");
        if (payload == null || payload.asText().isEmpty()) {
            v.add(path + ".payload", "missing: a text quick reply needs a payload");
        } else {
            v.maxLength(path + ".payload", payload.asText(), SendApiLimit.QUICK_REPLY_PAYLOAD);
        }
    }

    private static void checkReplyTo(JsonNode replyTo, Violations v) {
        if (replyTo != null && !nonBlankText(replyTo.get("mid"))) {
            v.add("reply_to.mid", "missing: reply_to needs the id of the message replied to");
        }
    }

    private static <E extends Enum<E>> void checkEnum(ObjectNode request, String field, Class<E> type, Violations v) {
        JsonNode value = request.get(field);
        if (value == null) {
            return;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.asText())) {
                return;
            }
        }
        v.add(field, "'" + value.asText() + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** A required text field: missing, or over its limit. */
    private static void requiredText(JsonNode node, String path, String whyRequired, SendApiLimit limit, Violations v) {
        if (!nonBlankText(node)) {
            v.add(path, "missing: " + whyRequired);
        } else {
            v.maxLength(path, node.asText(), limit);
        }
    }

    private static void checkUrlXorAttachmentId(JsonNode media, String path, Violations v) {
        boolean url = nonBlankText(media.get("url"));
        boolean id = media.has("attachment_id") && !media.get("attachment_id").asText().isBlank();
        if (url == id) {
            v.add(path, "needs exactly one of url and attachment_id");
        }
    }

    private static boolean nonBlankText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }
}
