package io.github.camelmessenger.send.validation;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;

/**
 * Checks an assembled Send API request, or one part of it, against Meta's documented rules and limits before anything
 * is sent. Works on the JSON tree, so typed, JSON, Map and text bodies are held to the same rules. Each check throws
 * {@link MessengerValidationException} naming every broken rule, and returns normally otherwise.
 */
public final class SendRequestValidator {

    private static final String TEMPLATE_PATH = "message.attachment.payload";

    private SendRequestValidator() {
    }

    /** Checks a whole request as it is about to be sent to Messenger. */
    public static void validate(ObjectNode request) {
        validate(request, SendProfile.MESSENGER);
    }

    /**
     * Checks a whole request as it is about to be sent, by the rules of the profile: Instagram adds its own limits
     * and attachment types; with a file sent alongside (multipart), the attachment's payload carries no url or
     * attachment_id, only is_reusable.
     */
    public static void validate(ObjectNode request, SendProfile profile) {
        check(v -> RequestRules.check(request, true, profile, v));
    }

    /**
     * Checks the parts a request already has, leaving out what the producer fills in later from headers and
     * options (recipient, messaging type): for the model's builders.
     */
    public static void validateIncomplete(ObjectNode request) {
        check(v -> RequestRules.check(request, false, SendProfile.MESSENGER, v));
    }

    /** Checks a {@code message} object; paths start with {@code message}. */
    public static void validateMessage(JsonNode message) {
        check(v -> MessageRules.check(message, SendProfile.MESSENGER, v));
    }

    /** Checks a template payload; paths start with {@code message.attachment.payload}, where it is sent. */
    public static void validateTemplate(JsonNode template) {
        check(v -> TemplateRules.check(template, TEMPLATE_PATH, v));
    }

    /** Checks one element of a generic template; paths start with {@code element}. */
    public static void validateGenericElement(JsonNode element) {
        check(v -> TemplateRules.checkGenericElement(element, "element", v));
    }

    /** Checks one button; paths start with {@code button}. */
    public static void validateButton(JsonNode button) {
        check(v -> ButtonRules.check(button, "button", v));
    }

    /** Checks one quick reply; paths start with {@code quick_reply}. */
    public static void validateQuickReply(JsonNode quickReply) {
        check(v -> QuickReplyRules.check(quickReply, "quick_reply", v));
    }

    private static void check(Consumer<Violations> rules) {
        Violations v = new Violations();
        rules.accept(v);
        v.throwIfAny();
    }
}
