package io.github.camelmessenger.send;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.model.Attachment;
import io.github.camelmessenger.send.model.MediaPayload;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.UtilityTemplate;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.button.WebviewHeightRatio;
import io.github.camelmessenger.send.model.template.ButtonTemplate;
import io.github.camelmessenger.send.model.template.CouponTemplate;
import io.github.camelmessenger.send.model.template.CustomerFeedbackTemplate;
import io.github.camelmessenger.send.model.template.DefaultAction;
import io.github.camelmessenger.send.model.template.GenericElement;
import io.github.camelmessenger.send.model.template.GenericTemplate;
import io.github.camelmessenger.send.model.template.ImageAspectRatio;
import io.github.camelmessenger.send.model.template.MediaTemplate;
import io.github.camelmessenger.send.model.template.ProductTemplate;
import io.github.camelmessenger.send.model.template.ReceiptTemplate;
import io.github.camelmessenger.send.validation.MessageTags;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the cookbook in the component docs, built with the same code, sent through the producer to the
 * Graph API stand-in; what arrives must be the JSON the docs show. One test per message type and template.
 */
class CookbookTest extends MessengerSendTestSupport {

    private static final Path DOCS = Path.of("src/main/docs/messenger-send-component.adoc");
    private static final Map<String, Object> TO_PSID = Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919");

    @Test
    void quickReplies() {
        assertMessageAsDocumented("quick-replies", Message.builder()
                .text("Where should we deliver?")
                .quickReply(QuickReply.text("Home", "DELIVER_HOME", "https://example.com/home.png"))
                .quickReply(QuickReply.text("Office", "DELIVER_OFFICE"))
                .quickReply(QuickReply.userPhoneNumber())
                .quickReply(QuickReply.userEmail())
                .metadata("order-1001")
                .build());
    }

    @Test
    void imageReusable() {
        assertMessageAsDocumented("image-reusable",
                Message.attachment(Attachment.image(MediaPayload.reusableUrl("https://example.com/receipt.png"))));
    }

    @Test
    void fileById() {
        assertMessageAsDocumented("file-by-id",
                Message.attachment(Attachment.file(MediaPayload.attachmentId("1857777774821032"))));
    }

    @Test
    void images() {
        assertMessageAsDocumented("images", Message.builder()
                .addAttachment(Attachment.image(MediaPayload.url("https://example.com/front.jpg")))
                .addAttachment(Attachment.image(MediaPayload.url("https://example.com/back.jpg")))
                .build());
    }

    @Test
    void sticker() {
        assertMessageAsDocumented("sticker", Message.builder().stickerId(369239263222822L).build());
    }

    @Test
    void dynamicText() {
        assertMessageAsDocumented("dynamic-text", Message.builder()
                .dynamicText("Hi {{first_name}}, your table is ready", "Hi, your table is ready").build());
    }

    @Test
    void generic() {
        assertMessageAsDocumented("generic", Message.template(GenericTemplate.builder()
                .imageAspectRatio(ImageAspectRatio.SQUARE)
                .element(GenericElement.builder("Classic White T-Shirt")
                        .subtitle("100% cotton")
                        .imageUrl("https://example.com/white.png")
                        .defaultAction(DefaultAction.url("https://example.com/white")
                                .withWebviewHeightRatio(WebviewHeightRatio.TALL))
                        .button(Button.webUrl("View", "https://example.com/white"))
                        .button(Button.postback("Buy", "BUY_WHITE"))
                        .build())
                .build()));
    }

    @Test
    void buttonTemplate() {
        assertMessageAsDocumented("buttons", Message.template(ButtonTemplate.of("How can we help?",
                Button.webUrl("Track order", "https://example.com/track")
                        .withWebviewHeightRatio(WebviewHeightRatio.FULL)
                        .withMessengerExtensions("https://example.com/track-fallback")
                        .withShareButtonHidden(),
                Button.phoneNumber("Call us", "+15105551234"),
                Button.postback("Talk to an agent", "AGENT"))));
    }

    @Test
    void accountAndGameButtons() {
        assertMessageAsDocumented("account-and-game-buttons", Message.template(GenericTemplate.builder()
                .element(GenericElement.builder("Your account")
                        .button(Button.accountLink("https://example.com/login"))
                        .button(Button.accountUnlink())
                        .button(Button.gamePlay("Play").withPayload("{\"level\":3}").withPlayer("4423"))
                        .build())
                .build()));
    }

    @Test
    void media() {
        assertMessageAsDocumented("media", Message.template(MediaTemplate.videoAttachmentId("1854626884821032")
                .button(Button.webUrl("Shop the look", "https://example.com/look"))
                .build()));
    }

    @Test
    void receipt() {
        assertMessageAsDocumented("receipt", Message.template(
                ReceiptTemplate.builder("Stephane Crozatier", "12345678902", "USD", "Visa 2345")
                        .orderUrl("https://example.com/order/12345678902")
                        .timestamp("1428444852")
                        .item(ReceiptTemplate.Item.of("Classic White T-Shirt", new BigDecimal("50"))
                                .withQuantity(2).withCurrency("USD").withImageUrl("https://example.com/white.png"))
                        .address(new ReceiptTemplate.Address("1 Hacker Way", null, "Menlo Park", "94025", "CA", "US"))
                        .summary(new ReceiptTemplate.Summary(new BigDecimal("75.00"), new BigDecimal("4.95"),
                                new BigDecimal("6.19"), new BigDecimal("56.14")))
                        .adjustment("New Customer Discount", new BigDecimal("20"))
                        .build()));
    }

    @Test
    void customerFeedback() {
        assertRequestAsDocumented("customer-feedback", SendRequest.builder()
                .recipient(Recipient.id("1254477777772919"))
                .tag(MessageTags.CUSTOMER_FEEDBACK)
                .message(Message.template(CustomerFeedbackTemplate.builder("Rate your delivery", "Rate now")
                        .subtitle("Two questions, one minute")
                        .screen(new CustomerFeedbackTemplate.Question("q1", "csat", "How was your delivery?", "neg_pos",
                                "five_stars", null).withFollowUp("Anything we should know?"))
                        .businessPrivacyUrl("https://example.com/privacy")
                        .expiresInDays(3)
                        .build()))
                .build());
    }

    @Test
    void product() {
        assertMessageAsDocumented("product", Message.template(ProductTemplate.of("4012345678901", "4012345678902")));
    }

    @Test
    void coupon() {
        assertMessageAsDocumented("coupon", Message.template(CouponTemplate.builder("10% off everything")
                .subtitle("One per customer")
                .couponCode("10PERCENT")
                .couponUrl("https://example.com/shop", "Shop now")
                .preMessage("Here is a deal just for you")
                .imageUrl("https://example.com/sale.png")
                .payload("COUPON_10")
                .build()));
    }

    @Test
    void utility() {
        Exchange exchange = assertMessageAsDocumented("utility", Message.utility(
                UtilityTemplate.builder("order_shipped", "en_US").body("Jenny", "A-1001").build()));
        assertThat(exchange.getException()).isNull();
        assertThat(bodyOf(onlyRequest()).path("messaging_type").asText()).isEqualTo("UTILITY");
    }

    @Test
    void wholeRequest() {
        assertRequestAsDocumented("whole-request", SendRequest.builder()
                .recipient(Recipient.phoneNumber("+1 (555) 857-6309", "Jenny", "Doe"))
                .messagingType(MessagingType.UPDATE)
                .notificationType(NotificationType.SILENT_PUSH)
                .message(Message.text("Your package has arrived"))
                .replyTo("m_AG5Hz2Uq7tuwNEhX")
                .personaId("1037355506361239")
                .build());
    }

    @Test
    void react() {
        assertRequestAsDocumented("react", SendRequest.builder()
                .recipient(Recipient.id("1254477777772919"))
                .react("m_AG5Hz2Uq7tuwNEhX", "love")
                .build());
    }

    private Exchange assertMessageAsDocumented(String example, Message message) {
        Exchange exchange = send(message, TO_PSID);
        assertThat(exchange.getException()).as(example).isNull();
        assertThat(bodyOf(onlyRequest()).get("message")).as(example).isEqualTo(documentedJson(example));
        return exchange;
    }

    private void assertRequestAsDocumented(String example, SendRequest request) {
        Exchange exchange = send(request, Map.of());
        assertThat(exchange.getException()).as(example).isNull();
        assertThat(bodyOf(onlyRequest())).as(example).isEqualTo(documentedJson(example));
    }

    /** The JSON block that follows the {@code // cookbook: name} marker in the component docs. */
    static JsonNode documentedJson(String example) {
        try {
            List<String> lines = Files.readAllLines(DOCS);
            int at = lines.indexOf("// cookbook: " + example);
            assertThat(at).as("cookbook example %s in the docs", example).isNotNegative();
            int json = at + 1;
            while (!lines.get(json).equals("[source,json]")) {
                json++;
            }
            int end = lines.subList(json + 2, lines.size()).indexOf("----") + json + 2;
            return json(String.join("\n", lines.subList(json + 2, end)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
