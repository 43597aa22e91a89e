package io.github.camelmessenger.send.validation;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each rule on both sides of its limit: the value at the limit passes, one over is refused with a message naming the
 * field path and the limit.
 */
class SendRequestValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // --- limits, each at the bound and one past it ---------------------------------------------------------------

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("text", 2000, "message.text", "the limit is 2000"),
                Arguments.of("text in code points", 2000, "message.text", "the limit is 2000"),
                Arguments.of("quick replies", 13, "message.quick_replies", "the limit is 13"),
                Arguments.of("quick reply title", 20, "message.quick_replies[0].title", "the limit is 20"),
                Arguments.of("quick reply payload", 1000, "message.quick_replies[0].payload", "the limit is 1000"),
                Arguments.of("metadata", 1000, "message.metadata", "the limit is 1000"),
                Arguments.of("attachments", 30, "message.attachments", "the limit is 30"),
                Arguments.of("generic elements", 10, "message.attachment.payload.elements", "the limit is 10"),
                Arguments.of("element title", 80, "message.attachment.payload.elements[0].title", "the limit is 80"),
                Arguments.of("element subtitle", 80, "message.attachment.payload.elements[0].subtitle",
                        "the limit is 80"),
                Arguments.of("element buttons", 3, "message.attachment.payload.elements[0].buttons", "the limit is 3"),
                Arguments.of("button template text", 640, "message.attachment.payload.text", "the limit is 640"),
                Arguments.of("button template buttons", 3, "message.attachment.payload.buttons", "the limit is 3"),
                Arguments.of("button title", 20, "message.attachment.payload.buttons[0].title", "the limit is 20"),
                Arguments.of("postback payload", 1000, "message.attachment.payload.buttons[0].payload",
                        "the limit is 1000"),
                Arguments.of("media template buttons", 3, "message.attachment.payload.elements[0].buttons",
                        "the limit is 3"),
                Arguments.of("product elements", 10, "message.attachment.payload.elements", "the limit is 10"),
                Arguments.of("notification messages title", 65, "message.attachment.payload.title",
                        "the limit is 65"));
    }

    @ParameterizedTest(name = "{0}: {1} passes, {1}+1 is refused")
    @MethodSource("limits")
    void limitIsEnforcedOnBothSides(String rule, int limit, String field, String limitText) {
        assertThatCode(() -> SendRequestValidator.validate(requestFor(rule, limit))).doesNotThrowAnyException();

        MessengerValidationException refused = refused(requestFor(rule, limit + 1));
        assertThat(refused.getViolations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.problem()).contains(limitText).contains(String.valueOf(limit + 1));
        });
        assertThat(refused.getMessage()).contains(field + ": has " + (limit + 1));
    }

    private static ObjectNode requestFor(String rule, int n) {
        return switch (rule) {
            case "text" -> message("{\"text\":\"" + "a".repeat(n) + "\"}");
            // an emoji is two UTF-16 chars but one code point: Meta counts characters
            case "text in code points" -> message("{\"text\":\"" + "😀".repeat(n) + "\"}");
            case "quick replies" -> message("{\"text\":\"t\",\"quick_replies\":[" + repeat(n,
                    i -> "{\"content_type\":\"text\",\"title\":\"t" + i + "\",\"payload\":\"p\"}") + "]}");
            case "quick reply title" -> message("{\"text\":\"t\",\"quick_replies\":[{\"content_type\":\"text\","
                    + "\"title\":\"" + "q".repeat(n) + "\",\"payload\":\"p\"}]}");
            case "quick reply payload" -> message("{\"text\":\"t\",\"quick_replies\":[{\"content_type\":\"text\","
                    + "\"title\":\"t\",\"payload\":\"" + "p".repeat(n) + "\"}]}");
            case "metadata" -> message("{\"text\":\"t\",\"metadata\":\"" + "m".repeat(n) + "\"}");
            case "attachments" -> message("{\"attachments\":[" + repeat(n,
                    i -> "{\"type\":\"image\",\"payload\":{\"url\":\"https://e.com/" + i + ".png\"}}") + "]}");
            case "generic elements" -> generic(repeat(n, i -> element("e" + i, "s", 1)));
            case "element title" -> generic(element("t".repeat(n), "s", 1));
            case "element subtitle" -> generic(element("t", "s".repeat(n), 1));
            case "element buttons" -> generic(element("t", "s", n));
            case "button template text" -> template("{\"template_type\":\"button\",\"text\":\"" + "x".repeat(n)
                    + "\",\"buttons\":[" + buttons(1) + "]}");
            case "button template buttons" -> template("{\"template_type\":\"button\",\"text\":\"x\",\"buttons\":["
                    + buttons(n) + "]}");
            case "button title" -> template("{\"template_type\":\"button\",\"text\":\"x\",\"buttons\":[{\"type\":"
                    + "\"postback\",\"title\":\"" + "b".repeat(n) + "\",\"payload\":\"P\"}]}");
            case "postback payload" -> template("{\"template_type\":\"button\",\"text\":\"x\",\"buttons\":[{\"type\":"
                    + "\"postback\",\"title\":\"b\",\"payload\":\"" + "p".repeat(n) + "\"}]}");
            case "media template buttons" -> template("{\"template_type\":\"media\",\"elements\":[{\"media_type\":"
                    + "\"image\",\"attachment_id\":\"1\",\"buttons\":[" + buttons(n)
                    + "]}]}");
            case "product elements" -> template("{\"template_type\":\"product\",\"elements\":["
                    + repeat(n, i -> "{\"id\":\"p" + i + "\"}") + "]}");
            case "notification messages title" -> template("{\"template_type\":\"notification_messages\","
                    + "\"title\":\"" + "t".repeat(n) + "\"}");
            default -> throw new IllegalArgumentException(rule);
        };
    }

    // --- rules that are not lengths -------------------------------------------------------------------------------

    @Test
    void recipientIsRequired() {
        MessengerValidationException e =
                refused(parse("{\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"t\"}}"));
        assertThat(e.getMessage()).contains("recipient: missing").contains("CamelMessengerRecipientId");
    }

    @Test
    void exactlyOneRecipientIdentifier() {
        assertThatCode(() -> SendRequestValidator.validate(parse(
                "{\"recipient\":{\"post_id\":\"1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"t\"}}")))
                .doesNotThrowAnyException();
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\",\"post_id\":\"2\"},\"messaging_type\":\"RESPONSE\","
                + "\"message\":{\"text\":\"t\"}}")).getMessage())
                .contains("recipient: must have exactly one identifier, has 2");
        assertThat(refused(parse("{\"recipient\":{},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"t\"}}"))
                .getMessage()).contains("has 0");
    }

    @Test
    void nameOnlyWithPhoneNumber() {
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\",\"name\":{\"first_name\":\"A\"}},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"t\"}}")).getMessage())
                .contains("recipient.name: is only allowed with recipient.phone_number");
    }

    @Test
    void messageXorSenderAction() {
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"RESPONSE\"}")).getMessage())
                .contains("message: missing");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"typing_on\","
                + "\"message\":{\"text\":\"t\"}}")).getMessage())
                .contains("either message or sender_action");
    }

    @Test
    void messageNeedsExactlyOneContent() {
        assertThat(refused(message("{\"metadata\":\"only\"}")).getMessage()).contains("message: has no content");
        assertThat(refused(message("{\"text\":\"t\",\"sticker_id\":1}")).getMessage())
                .contains("must have exactly one of");
        assertThat(refused(message("{\"text\":\"\"}")).getMessage()).contains("message.text: must be a non-empty");
    }

    @Test
    void messagingTypeRules() {
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"message\":{\"text\":\"t\"}}")).getMessage())
                .contains("messaging_type: missing");
        assertThat(refused(typed("MESSAGE_TAG", null)).getMessage()).contains("tag: missing");
        assertThat(refused(typed("UPDATE", "HUMAN_AGENT")).getMessage())
                .contains("tag: a tag needs messaging_type MESSAGE_TAG, not UPDATE");
        assertThat(refused(typed("BROADCAST", null)).getMessage())
                .contains("messaging_type: 'BROADCAST' is not one of");
        assertThatCode(() -> SendRequestValidator.validate(typed("MESSAGE_TAG", "HUMAN_AGENT")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SendRequestValidator.validate(typed("UTILITY", null))).doesNotThrowAnyException();
    }

    @Test
    void utilityTemplateRules() {
        ObjectNode utility = message("{\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"}}}");
        utility.put("messaging_type", "UTILITY");
        assertThatCode(() -> SendRequestValidator.validate(utility)).doesNotThrowAnyException();
        utility.put("messaging_type", "UPDATE");
        assertThat(refused(utility).getMessage())
                .contains("messaging_type: a utility template (message.template) is sent with messaging_type UTILITY");
        ObjectNode unnamed = message("{\"template\":{\"language\":{}}}");
        unnamed.put("messaging_type", "UTILITY");
        assertThat(refused(unnamed).getViolations()).extracting(MessengerValidationException.Violation::field)
                .containsExactly("message.template.name", "message.template.language.code");
    }

    @ParameterizedTest
    @ValueSource(strings = { "CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE", "SHIPPING_UPDATE",
            "RESERVATION_UPDATE", "ISSUE_RESOLUTION", "APPOINTMENT_UPDATE", "GAME_EVENT", "TRANSPORTATION_UPDATE",
            "FEATURE_FUNCTIONALITY_UPDATE", "TICKET_UPDATE", "PAIRING_UPDATE", "APPLICATION_UPDATE", "PAYMENT_UPDATE",
            "PERSONAL_FINANCE_UPDATE", "COMMUNITY_ALERT", "CONFIRMED_EVENT_REMINDER", "BUSINESS_PRODUCTIVITY" })
    void retiredTagsAreRefusedWithTheDateAndAnAlternative(String tag) {
        String message = refused(typed("MESSAGE_TAG", tag)).getMessage();
        assertThat(message).contains("tag: tag " + tag + " was retired by Meta on")
                .containsAnyOf("27 April 2026", "4 March 2020")
                .contains("UTILITY");
    }

    @Test
    void customerFeedbackTagOnlyForTheFeedbackTemplate() {
        assertThat(refused(typed("MESSAGE_TAG", "CUSTOMER_FEEDBACK")).getMessage())
                .contains("CUSTOMER_FEEDBACK is only for the customer_feedback template");
        ObjectNode feedback = template("{\"template_type\":\"customer_feedback\",\"title\":\"Rate us\"}");
        feedback.put("messaging_type", "MESSAGE_TAG").put("tag", "CUSTOMER_FEEDBACK");
        assertThatCode(() -> SendRequestValidator.validate(feedback)).doesNotThrowAnyException();
    }

    @Test
    void notificationTypeMustBeKnown() {
        ObjectNode request = message("{\"text\":\"t\"}");
        request.put("notification_type", "LOUD");
        assertThat(refused(request).getMessage()).contains("notification_type: 'LOUD' is not one of");
    }

    @Test
    void senderActionRules() {
        assertThatCode(() -> SendRequestValidator.validate(parse(
                "{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"typing_on\",\"persona_id\":\"p\"}")))
                .doesNotThrowAnyException();
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"typing_on\","
                + "\"messaging_type\":\"RESPONSE\"}")).getMessage())
                .contains("messaging_type: not allowed with sender_action");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"mark_seen\","
                + "\"payload\":{\"message_id\":\"m\"}}")).getMessage())
                .contains("payload: only react and unreact carry a payload");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"react\","
                + "\"payload\":{\"message_id\":\"m\"}}")).getMessage())
                .contains("payload.reaction: missing");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"react\","
                + "\"payload\":{\"reaction\":\"love\"}}")).getMessage())
                .contains("payload.message_id: missing");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"unreact\","
                + "\"payload\":{\"message_id\":\"m\",\"reaction\":\"love\"}}")).getMessage())
                .contains("unreact carries only payload.message_id");
        assertThat(refused(parse("{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"TYPING_ON\"}")).getMessage())
                .contains("sender_action: 'TYPING_ON' is not one of");
    }

    @Test
    void quickReplyRules() {
        assertThat(refused(message("{\"text\":\"t\",\"quick_replies\":[{\"content_type\":\"location\"}]}"))
                .getMessage()).contains("message.quick_replies[0].content_type: the location quick reply was retired");
        assertThat(
                refused(message("{\"text\":\"t\",\"quick_replies\":[{\"content_type\":\"text\",\"payload\":\"p\"}]}"))
                        .getMessage())
                .contains("message.quick_replies[0].title: missing");
        assertThatCode(() -> SendRequestValidator.validate(message(
                "{\"text\":\"t\",\"quick_replies\":[{\"content_type\":\"user_email\"}]}"))).doesNotThrowAnyException();
    }

    @Test
    void attachmentRules() {
        assertThat(refused(message("{\"attachment\":{\"type\":\"image\",\"payload\":{}}}")).getMessage())
                .contains("message.attachment.payload: needs exactly one of url and attachment_id");
        assertThat(refused(message("{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"u\","
                + "\"is_reusable\":\"true\"}}}")).getMessage())
                .contains("message.attachment.payload.is_reusable: must be true or false");
        assertThat(refused(message("{\"attachment\":{\"type\":\"location\",\"payload\":{}}}")).getMessage())
                .contains("message.attachment.type: 'location' is not an attachment type Meta accepts");
        assertThat(refused(message("{\"attachments\":[{\"type\":\"video\",\"payload\":{\"url\":\"u\"}}]}"))
                .getMessage()).contains("message.attachments[0].type: the attachments array holds images only");
    }

    @Test
    void templateRules() {
        assertThat(refused(template("{\"template_type\":\"list\",\"elements\":[]}")).getMessage())
                .contains("retired by Meta");
        assertThat(refused(template("{\"template_type\":\"open_graph\",\"elements\":[]}")).getMessage())
                .contains("retired by Meta");
        assertThat(refused(template("{\"template_type\":\"generic\",\"elements\":[]}")).getMessage())
                .contains("a generic template needs 1 to 10 elements");
        assertThat(refused(template("{\"template_type\":\"button\",\"text\":\"x\",\"buttons\":[]}")).getMessage())
                .contains("a button template needs 1 to 3 buttons");
        assertThat(refused(template("{\"template_type\":\"media\",\"elements\":[{\"media_type\":\"image\","
                + "\"url\":\"u\"},{\"media_type\":\"image\",\"url\":\"v\"}]}")).getMessage())
                .contains("a media template needs exactly 1 element, has 2");
        assertThat(refused(generic("{\"title\":\"t\",\"buttons\":[{\"type\":\"element_share\"}]}")).getMessage())
                .contains("the share button was retired");
        assertThat(refused(generic("{\"title\":\"t\",\"buttons\":[{\"type\":\"web_url\",\"title\":\"Go\","
                + "\"url\":\"u\",\"webview_height_ratio\":\"huge\"}]}")).getMessage())
                .contains("webview_height_ratio: 'huge' is not one of compact, tall, full");
        assertThat(refused(generic("{\"title\":\"t\",\"default_action\":{\"type\":\"web_url\",\"url\":\"u\","
                + "\"title\":\"no\"}}")).getMessage())
                .contains("default_action.title: a default action has no title");
        assertThatCode(() -> SendRequestValidator.validate(generic("{\"title\":\"t\",\"buttons\":[{\"type\":"
                + "\"account_unlink\"}]}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SendRequestValidator.validate(template("{\"template_type\":\"receipt\","
                + "\"recipient_name\":\"A\",\"order_number\":\"1\","
                + "\"currency\":\"USD\",\"payment_method\":\"Visa\","
                + "\"summary\":{\"total_cost\":9.5}}")))
                .doesNotThrowAnyException();
        assertThat(refused(template("{\"template_type\":\"receipt\",\"recipient_name\":\"A\","
                + "\"summary\":{\"total_cost\":\"9.5\"}}")).getViolations())
                .extracting(MessengerValidationException.Violation::field)
                .containsExactly("message.attachment.payload.order_number", "message.attachment.payload.currency",
                        "message.attachment.payload.payment_method", "message.attachment.payload.summary.total_cost");
        assertThatCode(() -> SendRequestValidator.validate(template("{\"template_type\":\"coupon\","
                + "\"title\":\"10% off\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void notificationMessagesTemplateRules() {
        assertThat(refused(template("{\"template_type\":\"notification_messages\",\"payload\":\"P\"}"))
                .getMessage()).contains("message.attachment.payload.title: missing: a notification messages "
                        + "template needs a title");
        assertThat(refused(template("{\"template_type\":\"notification_messages\",\"title\":\"t\","
                + "\"notification_messages_frequency\":\"HOURLY\",\"notification_messages_reoptin\":\"YES\","
                + "\"notification_messages_cta_text\":\"CLICK\"}")).getViolations())
                .extracting(MessengerValidationException.Violation::field)
                .containsExactly("message.attachment.payload.notification_messages_frequency",
                        "message.attachment.payload.notification_messages_reoptin",
                        "message.attachment.payload.notification_messages_cta_text");
        assertThatCode(() -> SendRequestValidator.validate(template("{\"template_type\":\"notification_messages\","
                + "\"title\":\"Bird facts\",\"image_url\":\"https://example.com/bird.png\",\"payload\":\"BIRDS\","
                + "\"notification_messages_frequency\":\"WEEKLY\",\"notification_messages_reoptin\":\"ENABLED\","
                + "\"notification_messages_timezone\":\"Europe/Berlin\","
                + "\"notification_messages_cta_text\":\"SIGN_UP\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void instagramRulesOnBothSides() {
        ObjectNode thousandBytes = message("{\"text\":\"" + "é".repeat(500) + "\"}");
        assertThatCode(() -> SendRequestValidator.validate(thousandBytes, SendProfile.INSTAGRAM))
                .doesNotThrowAnyException();
        ObjectNode overByOne = message("{\"text\":\"" + "é".repeat(500) + "a\"}");
        MessengerValidationException tooLong = catchThrowableOfType(MessengerValidationException.class,
                () -> SendRequestValidator.validate(overByOne, SendProfile.INSTAGRAM));
        assertThat(tooLong.getMessage()).contains("message.text: has 1001 bytes; the limit is 1000 on Instagram");
        assertThatCode(() -> SendRequestValidator.validate(overByOne)).as("Messenger counts characters")
                .doesNotThrowAnyException();

        ObjectNode humanAgent = typed("MESSAGE_TAG", "HUMAN_AGENT");
        assertThatCode(() -> SendRequestValidator.validate(humanAgent, SendProfile.INSTAGRAM))
                .doesNotThrowAnyException();
        ObjectNode otherTag = typed("MESSAGE_TAG", "NON_PROMOTIONAL_SUBSCRIPTION");
        assertThat(catchThrowableOfType(MessengerValidationException.class,
                () -> SendRequestValidator.validate(otherTag, SendProfile.INSTAGRAM)).getMessage())
                .contains("on Instagram HUMAN_AGENT is the only tag");

        ObjectNode tenImages = message("{\"attachments\":[" + repeat(10,
                i -> "{\"type\":\"image\",\"payload\":{\"url\":\"https://e.com/" + i + "\"}}") + "]}");
        assertThatCode(() -> SendRequestValidator.validate(tenImages, SendProfile.INSTAGRAM))
                .doesNotThrowAnyException();
        ObjectNode elevenImages = message("{\"attachments\":[" + repeat(11,
                i -> "{\"type\":\"image\",\"payload\":{\"url\":\"https://e.com/" + i + "\"}}") + "]}");
        assertThat(catchThrowableOfType(MessengerValidationException.class,
                () -> SendRequestValidator.validate(elevenImages, SendProfile.INSTAGRAM)).getMessage())
                .contains("message.attachments: has 11 images; the limit is 10");

        ObjectNode heart = message("{\"attachment\":{\"type\":\"like_heart\"}}");
        assertThatCode(() -> SendRequestValidator.validate(heart, SendProfile.INSTAGRAM)).doesNotThrowAnyException();
        assertThat(refused(heart).getMessage()).contains("'like_heart' is not an attachment type");
    }

    @Test
    void aFileSentAlongsideTakesThePlaceOfUrlAndAttachmentId() {
        ObjectNode file = message("{\"attachment\":{\"type\":\"file\",\"payload\":{\"is_reusable\":true}}}");
        assertThatCode(() -> SendRequestValidator.validate(file, SendProfile.MESSENGER.withFileAttached()))
                .doesNotThrowAnyException();
        assertThat(refused(file).getMessage())
                .contains("message.attachment.payload: needs exactly one of url and attachment_id");

        ObjectNode named = message("{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"https://e.com/a\"}}}");
        assertThat(catchThrowableOfType(MessengerValidationException.class,
                () -> SendRequestValidator.validate(named, SendProfile.INSTAGRAM.withFileAttached())).getMessage())
                .contains("message.attachment.payload: a file is sent with the message: no url or attachment_id "
                        + "besides it");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        MessengerValidationException e = refused(parse("{\"messaging_type\":\"MESSAGE_TAG\",\"message\":{\"text\":\""
                + "a".repeat(2001) + "\",\"metadata\":\"" + "m".repeat(1001)
                + "\"}}"));
        assertThat(e.getViolations()).extracting(MessengerValidationException.Violation::field)
                .containsExactly("recipient", "tag", "message.text", "message.metadata");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static MessengerValidationException refused(ObjectNode request) {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> SendRequestValidator.validate(request));
        assertThat(e).as("refused: %s", request).isNotNull();
        return e;
    }

    private static ObjectNode typed(String messagingType, String tag) {
        ObjectNode request = message("{\"text\":\"t\"}");
        request.put("messaging_type", messagingType);
        if (tag != null) {
            request.put("tag", tag);
        }
        return request;
    }

    private static ObjectNode message(String messageJson) {
        return parse("{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"RESPONSE\",\"message\":" + messageJson + "}");
    }

    private static ObjectNode template(String payloadJson) {
        return message("{\"attachment\":{\"type\":\"template\",\"payload\":" + payloadJson + "}}");
    }

    private static ObjectNode generic(String elementsJson) {
        return template("{\"template_type\":\"generic\",\"elements\":[" + elementsJson + "]}");
    }

    private static String element(String title, String subtitle, int buttons) {
        return "{\"title\":\"" + title + "\",\"subtitle\":\"" + subtitle + "\",\"buttons\":[" + buttons(buttons) + "]}";
    }

    private static String buttons(int n) {
        return repeat(n, i -> "{\"type\":\"postback\",\"title\":\"B" + i + "\",\"payload\":\"P" + i + "\"}");
    }

    private static String repeat(int n, java.util.function.IntFunction<String> item) {
        return IntStream.range(0, n).mapToObj(item).collect(Collectors.joining(","));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
