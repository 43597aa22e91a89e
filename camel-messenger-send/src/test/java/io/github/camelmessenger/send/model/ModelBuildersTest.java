package io.github.camelmessenger.send.model;

import java.math.BigDecimal;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.template.ButtonTemplate;
import io.github.camelmessenger.send.model.template.GenericElement;
import io.github.camelmessenger.send.model.template.GenericTemplate;
import io.github.camelmessenger.send.model.template.MediaTemplate;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate;
import io.github.camelmessenger.send.model.template.ProductTemplate;
import io.github.camelmessenger.send.model.template.ReceiptTemplate;
import io.github.camelmessenger.send.validation.MessageTags;
import io.github.camelmessenger.send.validation.SendApiLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The builders refuse, at {@code build()}, what Meta would refuse: each limit passes at its bound and fails one past
 * it, naming the field and the limit from the one table of limits ({@link SendApiLimit}).
 */
class ModelBuildersTest {

    /** A builder call that makes something of size n, the limit it is held to, and the field the error names. */
    record Case(String name, SendApiLimit limit, String field, IntFunction<Object> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                new Case("message text", SendApiLimit.TEXT, "message.text",
                        n -> Message.text("a".repeat(n))),
                new Case("quick replies", SendApiLimit.QUICK_REPLIES, "message.quick_replies",
                        n -> withQuickReplies(n)),
                new Case("quick reply title", SendApiLimit.QUICK_REPLY_TITLE, "quick_reply.title",
                        n -> QuickReply.text("t".repeat(n), "P")),
                new Case("quick reply payload", SendApiLimit.QUICK_REPLY_PAYLOAD, "quick_reply.payload",
                        n -> QuickReply.text("T", "p".repeat(n))),
                new Case("metadata", SendApiLimit.METADATA, "message.metadata",
                        n -> Message.builder().text("t").metadata("m".repeat(n)).build()),
                new Case("images in one message", SendApiLimit.ATTACHMENTS, "message.attachments",
                        n -> withImages(n)),
                new Case("generic elements", SendApiLimit.GENERIC_ELEMENTS, "message.attachment.payload.elements",
                        n -> genericWith(n)),
                new Case("element title", SendApiLimit.ELEMENT_TITLE, "element.title",
                        n -> GenericElement.builder("t".repeat(n)).build()),
                new Case("element subtitle", SendApiLimit.ELEMENT_SUBTITLE, "element.subtitle",
                        n -> GenericElement.builder("t").subtitle("s".repeat(n)).build()),
                new Case("element buttons", SendApiLimit.ELEMENT_BUTTONS, "element.buttons",
                        n -> elementWithButtons(n)),
                new Case("button template text", SendApiLimit.BUTTON_TEMPLATE_TEXT, "message.attachment.payload.text",
                        n -> ButtonTemplate.of("x".repeat(n), Button.postback("Go", "GO"))),
                new Case("button template buttons", SendApiLimit.BUTTON_TEMPLATE_BUTTONS,
                        "message.attachment.payload.buttons", n -> ButtonTemplate.of("x", buttons(n))),
                new Case("media template buttons", SendApiLimit.ELEMENT_BUTTONS,
                        "message.attachment.payload.elements[0].buttons", n -> mediaWithButtons(n)),
                new Case("button title", SendApiLimit.BUTTON_TITLE, "button.title",
                        n -> Button.webUrl("b".repeat(n), "https://example.com")),
                new Case("postback payload", SendApiLimit.POSTBACK_PAYLOAD, "button.payload",
                        n -> Button.postback("Go", "p".repeat(n))),
                new Case("products", SendApiLimit.PRODUCT_ELEMENTS, "message.attachment.payload.elements",
                        n -> ProductTemplate.of(IntStream.range(0, n).mapToObj(i -> "p" + i).toArray(String[]::new))),
                new Case("notification messages title", SendApiLimit.NOTIFICATION_MESSAGES_TITLE,
                        "message.attachment.payload.title",
                        n -> NotificationMessagesTemplate.builder("t".repeat(n)).build()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void limitHoldsOnBothSides(Case c) {
        int max = c.limit().max();
        assertThatCode(() -> c.build().apply(max)).as("%s at %d", c, max).doesNotThrowAnyException();

        assertThatThrownBy(() -> c.build().apply(max + 1))
                .as("%s at %d", c, max + 1)
                .isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining(c.field() + ": has " + (max + 1))
                .hasMessageContaining("the limit is " + max);
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() {
        assertThatCode(() -> Message.text("👍".repeat(SendApiLimit.TEXT.max()))).doesNotThrowAnyException();
    }

    @Test
    void aMessageHasExactlyOneKindOfContent() {
        assertThatThrownBy(() -> Message.builder().metadata("only metadata").build())
                .hasMessageContaining("message: has no content");
        assertThatThrownBy(() -> Message.builder().text("t").stickerId(1L).build())
                .hasMessageContaining("must have exactly one of");
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> GenericTemplate.builder().build())
                .hasMessageContaining("a generic template needs 1 to 10 elements");
        assertThatThrownBy(() -> ButtonTemplate.builder("text").build())
                .hasMessageContaining("a button template needs 1 to 3 buttons");
        assertThatThrownBy(() -> Button.postback(null, "P")).hasMessageContaining("button.title: missing");
        assertThatThrownBy(() -> Button.webUrl("Go", "")).hasMessageContaining("button.url: missing");
        assertThatThrownBy(() -> ReceiptTemplate.builder("A", null, "USD", "Visa").build())
                .hasMessageContaining("message.attachment.payload.order_number: missing")
                .hasMessageContaining("summary.total_cost: missing");
        assertThatCode(() -> ReceiptTemplate.builder("A", "1", "USD", "Visa")
                .summary(ReceiptTemplate.Summary.totalCost(new BigDecimal("9.99"))).build())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> UtilityTemplate.builder("order_update", null).build())
                .hasMessageContaining("message.template.language.code: missing");
        assertThatThrownBy(() -> NotificationMessagesTemplate.builder(" ").payload("BIRDS").build())
                .hasMessageContaining("message.attachment.payload.title: missing");
    }

    @Test
    void aWholeRequestIsCheckedForWhatItHolds() {
        assertThatThrownBy(() -> SendRequest.builder().recipient(Recipient.id(" ")).message(Message.text("t")).build())
                .hasMessageContaining("recipient.id: must be a non-empty string");
        assertThatThrownBy(() -> SendRequest.builder().message(Message.text("t")).tag("SHIPPING_UPDATE").build())
                .hasMessageContaining("retired by Meta on 4 March 2020");
        assertThatThrownBy(() -> SendRequest.builder().message(Message.text("t"))
                .messagingType(MessagingType.RESPONSE).tag(MessageTags.HUMAN_AGENT).build())
                .hasMessageContaining("a tag needs messaging_type MESSAGE_TAG, not RESPONSE");
        assertThatThrownBy(() -> SendRequest.builder().message(Message.text("t"))
                .tag(MessageTags.CUSTOMER_FEEDBACK).build())
                .hasMessageContaining("CUSTOMER_FEEDBACK is only for the customer_feedback template");
        assertThatThrownBy(() -> SendRequest.builder().recipient(Recipient.id("1")).react("m_1", null).build())
                .hasMessageContaining("payload.reaction: missing");
        // recipient and messaging type may come later from headers and options
        assertThatCode(() -> SendRequest.builder().message(Message.text("t")).tag(MessageTags.HUMAN_AGENT).build())
                .doesNotThrowAnyException();
    }

    @Test
    void builtObjectsDoNotChangeWhenTheBuilderGoesOn() {
        Message.Builder builder = Message.builder().text("first");
        Message first = builder.build();
        builder.quickReply(QuickReply.userEmail());

        assertThat(first.getQuickReplies()).isEmpty();
        assertThat(builder.build().getQuickReplies()).hasSize(1);
    }

    private static Message withQuickReplies(int n) {
        Message.Builder builder = Message.builder().text("pick");
        IntStream.range(0, n).forEach(i -> builder.quickReply(QuickReply.text("Q" + i, "P" + i)));
        return builder.build();
    }

    private static Message withImages(int n) {
        Message.Builder builder = Message.builder();
        IntStream.range(0, n).forEach(i -> builder.addAttachment(
                Attachment.image(MediaPayload.url("https://example.com/" + i + ".png"))));
        return builder.build();
    }

    private static GenericTemplate genericWith(int elements) {
        GenericTemplate.Builder builder = GenericTemplate.builder();
        IntStream.range(0, elements).forEach(i -> builder.element(GenericElement.builder("E" + i).build()));
        return builder.build();
    }

    private static GenericElement elementWithButtons(int n) {
        GenericElement.Builder builder = GenericElement.builder("t");
        for (Button button : buttons(n)) {
            builder.button(button);
        }
        return builder.build();
    }

    private static MediaTemplate mediaWithButtons(int n) {
        MediaTemplate.Builder builder = MediaTemplate.imageAttachmentId("1854626884821032");
        for (Button button : buttons(n)) {
            builder.button(button);
        }
        return builder.build();
    }

    private static Button[] buttons(int n) {
        return IntStream.range(0, n).mapToObj(i -> Button.postback("B" + i, "P" + i)).toArray(Button[]::new);
    }
}
