package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.Attachment;
import io.github.camelmessenger.send.model.MediaPayload;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.SendResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body form the producer takes, checked on the wire: text, JSON String, Map, JsonNode and the typed model.
 */
class BodyFormsTest extends MessengerSendTestSupport {

    private static final Map<String, Object> TO_PSID = Map.of(MessengerSendConstants.RECIPIENT_ID, "2718281828");

    @Test
    void plainTextBecomesATextMessage() {
        Exchange exchange = send("Your order has shipped", TO_PSID);

        assertThat(exchange.getException()).isNull();
        assertSent(
                """
                        {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE","message":{"text":"Your order has shipped"}}""");
        assertThat(exchange.getMessage().getBody())
                .isEqualTo(new SendResponse("1254477777772919", "m_AG5Hz2Uq7tuwNEhX", null));
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
    }

    @Test
    void textIsSentUnchangedIncludingWhitespaceAndUnicode() {
        String text = "  Ça va? 😀\nline two  ";
        send(text, TO_PSID);

        assertThat(bodyOf(onlyRequest()).path("message").path("text").asText()).isEqualTo(text);
    }

    @Test
    void textWithBracesThatIsNotJsonStaysText() {
        send("{not json}", TO_PSID);

        assertSent("""
                {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE","message":{"text":"{not json}"}}""");
    }

    @Test
    void jsonStringWithoutEnvelopeKeysIsTheMessageObject() {
        send("""
                {"text":"Pick a colour","quick_replies":[{"content_type":"text","title":"Red","payload":"RED"}]}""",
                TO_PSID);

        assertSent(
                """
                        {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE",
                         "message":{"text":"Pick a colour","quick_replies":[{"content_type":"text","title":"Red","payload":"RED"}]}}""");
    }

    @Test
    void jsonStringWithRecipientIsAWholeRequestAndKeepsItsFields() {
        send("""
                {"recipient":{"id":"99"},"messaging_type":"UPDATE","message":{"text":"hi"},"notification_type":"NO_PUSH"}""",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "header-loses",
                        MessengerSendConstants.MESSAGING_TYPE, "RESPONSE"));

        assertSent(
                """
                        {"recipient":{"id":"99"},"messaging_type":"UPDATE","message":{"text":"hi"},"notification_type":"NO_PUSH"}""");
    }

    @Test
    void wholeRequestGapsAreFilledFromHeaders() {
        send("""
                {"message":{"text":"hi"},"recipient":{"id":"99"}}""",
                Map.of(MessengerSendConstants.NOTIFICATION_TYPE, "SILENT_PUSH",
                        MessengerSendConstants.PERSONA_ID, "persona-1"));

        assertSent("""
                {"recipient":{"id":"99"},"messaging_type":"RESPONSE","message":{"text":"hi"},
                 "notification_type":"SILENT_PUSH","persona_id":"persona-1"}""");
    }

    @Test
    void numericRecipientIdInJsonIsSentAsString() {
        send("""
                {"recipient":{"id":987654321},"message":{"text":"hi"}}""", Map.of());

        assertSent("""
                {"recipient":{"id":"987654321"},"messaging_type":"RESPONSE","message":{"text":"hi"}}""");
    }

    @Test
    void templateMapPassesThroughExactly() {
        Map<String, Object> button = Map.of("type", "postback", "title", "Start", "payload", "START");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("template_type", "button");
        payload.put("text", "What next?");
        payload.put("buttons", List.of(button));
        Map<String, Object> message = Map.of("attachment", Map.of("type", "template", "payload", payload));

        send(message, TO_PSID);

        assertSent("""
                {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                 "payload":{"template_type":"button","text":"What next?",
                            "buttons":[{"type":"postback","title":"Start","payload":"START"}]}}}}""");
    }

    @Test
    void mapWithRecipientIsAWholeRequest() {
        send(Map.of("recipient", Map.of("user_ref", "ref-7"), "message", Map.of("text", "hello")), Map.of());

        assertSent("""
                {"recipient":{"user_ref":"ref-7"},"messaging_type":"RESPONSE","message":{"text":"hello"}}""");
    }

    @Test
    void jsonNodeBodyIsSentAndNotModified() {
        JsonNode message = json("""
                {"text":"node","metadata":"m-1"}""");
        JsonNode before = message.deepCopy();

        send(message, TO_PSID);

        assertSent(
                """
                        {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE","message":{"text":"node","metadata":"m-1"}}""");
        assertThat(message).isEqualTo(before);
    }

    @Test
    void bytesHoldingJsonAreReadAsJson() {
        send("""
                {"recipient":{"id":"5"},"message":{"text":"bytes"}}""".getBytes(StandardCharsets.UTF_8), Map.of());

        assertSent("""
                {"recipient":{"id":"5"},"messaging_type":"RESPONSE","message":{"text":"bytes"}}""");
    }

    @Test
    void typedMessageWithQuickRepliesAndMetadata() {
        Message message = Message.builder()
                .text("Share your contact?")
                .quickReply(QuickReply.text("Yes", "YES", "https://example.com/y.png"))
                .quickReply(QuickReply.userEmail())
                .quickReply(QuickReply.userPhoneNumber())
                .metadata("crm-123")
                .build();

        send(message, TO_PSID);

        assertSent(
                """
                        {"recipient":{"id":"2718281828"},"messaging_type":"RESPONSE","message":{"text":"Share your contact?",
                         "quick_replies":[{"content_type":"text","title":"Yes","payload":"YES","image_url":"https://example.com/y.png"},
                                          {"content_type":"user_email"},{"content_type":"user_phone_number"}],
                         "metadata":"crm-123"}}""");
    }

    @Test
    void typedAttachmentsByUrlAndById() {
        send(Message.attachment(Attachment.image(MediaPayload.reusableUrl("https://example.com/a.png"))), TO_PSID);
        assertThat(bodyOf(onlyRequest()).get("message")).isEqualTo(json("""
                {"attachment":{"type":"image","payload":{"url":"https://example.com/a.png","is_reusable":true}}}"""));

        graph.resetRequests();
        send(Message.attachment(Attachment.file(MediaPayload.attachmentId("1745504518999123"))), TO_PSID);
        assertThat(bodyOf(onlyRequest()).get("message")).isEqualTo(json("""
                {"attachment":{"type":"file","payload":{"attachment_id":"1745504518999123"}}}"""));
    }

    @Test
    void typedImagesArrayAndSticker() {
        send(Message.builder()
                .addAttachment(Attachment.image(MediaPayload.url("https://example.com/1.png")))
                .addAttachment(Attachment.image(MediaPayload.url("https://example.com/2.png")))
                .build(), TO_PSID);
        assertThat(bodyOf(onlyRequest()).get("message")).isEqualTo(json("""
                {"attachments":[{"type":"image","payload":{"url":"https://example.com/1.png"}},
                                {"type":"image","payload":{"url":"https://example.com/2.png"}}]}"""));

        graph.resetRequests();
        send(Message.builder().stickerId(369239263222822L).build(), TO_PSID);
        assertThat(bodyOf(onlyRequest()).get("message")).isEqualTo(json("""
                {"sticker_id":369239263222822}"""));
    }

    @Test
    void typedWholeRequestWithTagImpliesMessageTag() {
        SendRequest request = SendRequest.builder()
                .recipient(Recipient.phoneNumber("+1 (555) 857-6309", "Jenny", "Doe"))
                .message(Message.text("Your package has arrived"))
                .tag("HUMAN_AGENT")
                .notificationType(NotificationType.SILENT_PUSH)
                .replyTo("m_original")
                .personaId("777")
                .build();

        send(request, Map.of());

        assertSent("""
                {"recipient":{"phone_number":"+1 (555) 857-6309","name":{"first_name":"Jenny","last_name":"Doe"}},
                 "messaging_type":"MESSAGE_TAG","message":{"text":"Your package has arrived"},"tag":"HUMAN_AGENT",
                 "notification_type":"SILENT_PUSH","reply_to":{"mid":"m_original"},"persona_id":"777"}""");
    }

    @Test
    void responseWithAttachmentIdSetsTheHeader() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"recipient_id\":\"1\",\"message_id\":\"m_1\",\"attachment_id\":\"1857777774821032\"}")));

        Exchange exchange = send(Message.attachment(Attachment.video(MediaPayload.reusableUrl("https://e.com/v.mp4"))),
                TO_PSID);

        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.ATTACHMENT_ID)).isEqualTo("1857777774821032");
        assertThat(exchange.getMessage().getBody(SendResponse.class).attachmentId()).isEqualTo("1857777774821032");
    }

    @Test
    void emptyBodyIsRefusedWithoutARequest() {
        Exchange exchange = send(null, TO_PSID);

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("body");
        assertThat(received()).isEmpty();
    }

    @Test
    void jsonArrayBodyIsRefused() {
        Exchange exchange = send(json("[1,2]"), TO_PSID);

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("JSON object");
        assertThat(received()).isEmpty();
    }
}
