package io.github.camelmessenger.send.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A template payload, held to the rules of its template_type. Templates Meta retired are refused with what to use
 * instead; types without rules of their own (coupon, customer_feedback, ...) have only their buttons checked.
 */
final class TemplateRules {

    /** The rules for one template_type; paths start with the payload's path. */
    @FunctionalInterface
    private interface TemplateCheck {
        void check(JsonNode payload, String path, Violations v);
    }

    private static final Map<String, TemplateCheck> BY_TYPE = Map.of(
            "generic", TemplateRules::checkGeneric,
            "button", TemplateRules::checkButtonTemplate,
            "media", TemplateRules::checkMediaTemplate,
            "product", TemplateRules::checkProductTemplate,
            "receipt", TemplateRules::checkReceiptTemplate,
            "notification_messages", TemplateRules::checkNotificationMessagesTemplate);
    private static final TemplateCheck BUTTONS_ONLY = (payload, path, v) -> ButtonRules.checkAll(payload.get("buttons"),
            path + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
    private static final Map<String, String> RETIRED = Map.of(
            "list", "the list template was retired by Meta with Graph API v4.0 (2019); use a generic template",
            "open_graph", "the open graph template was retired by Meta with Graph API v4.0 (2019); use a generic "
                    + "template or a plain link");
    private static final Set<String> IMAGE_ASPECT_RATIOS = Set.of("horizontal", "square");
    private static final Set<String> MEDIA_TYPES = Set.of("image", "video");
    private static final List<String> NOTIFICATION_MESSAGES_FREQUENCIES = List.of("DAILY", "WEEKLY", "MONTHLY");
    private static final List<String> NOTIFICATION_MESSAGES_REOPTIN = List.of("ENABLED", "DISABLED");
    private static final List<String> NOTIFICATION_MESSAGES_CTA_TEXTS = List.of("ALLOW", "FREQUENCY", "GET",
            "GET_UPDATES", "OPT_IN", "SIGN_UP");
    private static final List<String> RECEIPT_FIELDS = List.of("recipient_name", "order_number", "currency",
            "payment_method");

    private TemplateRules() {
    }

    static void check(JsonNode payload, String path, Violations v) {
        String templateType = payload.path("template_type").asText("");
        String retired = RETIRED.get(templateType);
        if (retired != null) {
            v.add(path + ".template_type", retired);
        } else if (templateType.isEmpty()) {
            v.add(path + ".template_type", "missing");
        } else {
            BY_TYPE.getOrDefault(templateType, BUTTONS_ONLY).check(payload, path, v);
        }
    }

    /** One element of a generic template: a title, a short subtitle, a default action and up to 3 buttons. */
    static void checkGenericElement(JsonNode element, String path, Violations v) {
        FieldRules.requiredText(element.get("title"), path + ".title", "every generic template element needs a title",
                SendApiLimit.ELEMENT_TITLE, v);
        JsonNode subtitle = element.get("subtitle");
        if (subtitle != null) {
            v.maxLength(path + ".subtitle", subtitle.asText(), SendApiLimit.ELEMENT_SUBTITLE);
        }
        JsonNode defaultAction = element.get("default_action");
        if (defaultAction != null) {
            ButtonRules.checkDefaultAction(defaultAction, path + ".default_action", v);
        }
        ButtonRules.checkAll(element.get("buttons"), path + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
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

    private static void checkButtonTemplate(JsonNode payload, String path, Violations v) {
        FieldRules.requiredText(payload.get("text"), path + ".text", "a button template needs text",
                SendApiLimit.BUTTON_TEMPLATE_TEXT, v);
        JsonNode buttons = payload.get("buttons");
        if (buttons == null || !buttons.isArray() || buttons.isEmpty()) {
            v.add(path + ".buttons", "a button template needs 1 to " + SendApiLimit.BUTTON_TEMPLATE_BUTTONS.max()
                    + " buttons");
            return;
        }
        ButtonRules.checkAll(buttons, path + ".buttons", SendApiLimit.BUTTON_TEMPLATE_BUTTONS, v);
    }

    /** A media template shows exactly one image or video, named by url or attachment id. */
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
        if (!MEDIA_TYPES.contains(element.path("media_type").asText(""))) {
            v.add(elementPath + ".media_type", "must be image or video");
        }
        AttachmentRules.checkUrlXorAttachmentId(element, elementPath, v);
        ButtonRules.checkAll(element.get("buttons"), elementPath + ".buttons", SendApiLimit.ELEMENT_BUTTONS, v);
    }

    /** A product template names products of the Page's catalog by id; Meta fills in the rest. */
    private static void checkProductTemplate(JsonNode payload, String path, Violations v) {
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            v.add(path + ".elements", "a product template needs 1 to " + SendApiLimit.PRODUCT_ELEMENTS.max()
                    + " products");
            return;
        }
        v.maxCount(path + ".elements", elements.size(), SendApiLimit.PRODUCT_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
            if (!FieldRules.nonBlankText(elements.get(i).get("id"))) {
                v.add(path + ".elements[" + i + "].id", "missing: each product is given by its catalog id");
            }
        }
    }

    private static void checkReceiptTemplate(JsonNode payload, String path, Violations v) {
        for (String field : RECEIPT_FIELDS) {
            if (!FieldRules.nonBlankText(payload.get(field))) {
                v.add(path + "." + field, "missing: a receipt template needs " + field);
            }
        }
        if (!payload.path("summary").path("total_cost").isNumber()) {
            v.add(path + ".summary.total_cost", "missing: a receipt template needs summary.total_cost as a number");
        }
    }

    /**
     * The opt-in request of marketing messages: a title of at most 65 characters; frequency, re-opt-in and button
     * text, where given, from Meta's values.
     */
    private static void checkNotificationMessagesTemplate(JsonNode payload, String path, Violations v) {
        FieldRules.requiredText(payload.get("title"), path + ".title", "a notification messages template needs a "
                + "title", SendApiLimit.NOTIFICATION_MESSAGES_TITLE, v);
        FieldRules.oneOf(payload, path, "notification_messages_frequency", NOTIFICATION_MESSAGES_FREQUENCIES, v);
        FieldRules.oneOf(payload, path, "notification_messages_reoptin", NOTIFICATION_MESSAGES_REOPTIN, v);
        FieldRules.oneOf(payload, path, "notification_messages_cta_text", NOTIFICATION_MESSAGES_CTA_TEXTS, v);
    }
}
