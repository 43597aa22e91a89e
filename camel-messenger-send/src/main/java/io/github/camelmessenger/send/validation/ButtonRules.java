package io.github.camelmessenger.send.validation;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Buttons: the types Meta accepts, each with the fields its type needs, and a title within Meta's limit. The share
 * button was retired.
 */
final class ButtonRules {

    private static final Set<String> TYPES = Set.of("web_url", "postback", "phone_number", "account_link",
            "account_unlink", "game_play");
    private static final String ACCEPTED_TYPES = String.join(", ", TYPES.stream().sorted().toList());
    private static final Set<String> WEBVIEW_HEIGHT_RATIOS = Set.of("compact", "tall", "full");

    private ButtonRules() {
    }

    /** The buttons of a template or element, when it has any: at most {@code countLimit}, each checked. */
    static void checkAll(JsonNode buttons, String path, SendApiLimit countLimit, Violations v) {
        if (buttons == null) {
            return;
        }
        if (!buttons.isArray()) {
            v.add(path, "must be an array");
            return;
        }
        v.maxCount(path, buttons.size(), countLimit);
        for (int i = 0; i < buttons.size(); i++) {
            check(buttons.get(i), path + "[" + i + "]", v);
        }
    }

    static void check(JsonNode button, String path, Violations v) {
        String type = button.path("type").asText("");
        if ("element_share".equals(type)) {
            v.add(path + ".type", "the share button was retired by Meta with Graph API v4.0 (2019)");
            return;
        }
        if (!TYPES.contains(type)) {
            v.add(path + ".type", (type.isEmpty() ? "missing" : "'" + type + "' is not a button type Meta accepts")
                    + " (" + ACCEPTED_TYPES + ")");
            return;
        }
        // the log in and log out buttons carry no title of their own
        boolean titled = !type.startsWith("account_");
        JsonNode title = button.get("title");
        if (titled && !FieldRules.nonBlankText(title)) {
            v.add(path + ".title", "missing: a " + type + " button needs a title");
        } else if (title != null) {
            v.maxLength(path + ".title", title.asText(), SendApiLimit.BUTTON_TITLE);
        }
        switch (type) {
            case "web_url", "account_link" -> {
                if (!FieldRules.nonBlankText(button.get("url"))) {
                    v.add(path + ".url", "missing: a " + type + " button needs a url");
                }
                checkWebviewHeightRatio(button, path, v);
            }
            case "postback" -> FieldRules.requiredText(button.get("payload"), path + ".payload",
                    "a postback button needs a payload", SendApiLimit.POSTBACK_PAYLOAD, v);
            case "phone_number" -> {
                if (!FieldRules.nonBlankText(button.get("payload"))) {
                    v.add(path + ".payload", "missing: a phone_number button needs the number as payload");
                }
            }
            default -> {
                // account_unlink and game_play carry nothing else that Meta limits
            }
        }
    }

    /** What tapping a generic template element opens: a web page, without a title of its own. */
    static void checkDefaultAction(JsonNode action, String path, Violations v) {
        if (!"web_url".equals(action.path("type").asText())) {
            v.add(path + ".type", "a default action must be of type web_url");
        }
        if (!FieldRules.nonBlankText(action.get("url"))) {
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
}
