package io.github.camelmessenger.send;

import java.util.Map;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.SenderAction;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sender actions carry only recipient, sender_action, payload (react/unreact) and persona_id.
 */
class SenderActionTest extends MessengerSendTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "typing_on", "typing_off", "mark_seen", "TYPING_ON" })
    void senderActionHeaderIgnoresTheBody(String action) {
        graph.stubFor(post(anyUrl()).willReturn(okJson("{\"recipient_id\":\"1\"}")));

        Exchange exchange = send("this body is ignored", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.SENDER_ACTION, action,
                MessengerSendConstants.NOTIFICATION_TYPE, "NO_PUSH",
                MessengerSendConstants.REPLY_TO, "m_x"));

        assertThat(exchange.getException()).isNull();
        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"%s"}""".formatted(action.toLowerCase()));
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isNull();
    }

    @Test
    void senderActionOptionWithMessagingTypeOptionSendsNoMessagingType() {
        sendTo(uri("senderAction=mark_seen&messagingType=UPDATE&tag=HUMAN_AGENT"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"mark_seen"}""");
    }

    @Test
    void typingAsAPersona() {
        send("", Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.SENDER_ACTION,
                SenderAction.TYPING_ON, MessengerSendConstants.PERSONA_ID, "persona-2"));

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"typing_on","persona_id":"persona-2"}""");
    }

    @Test
    void reactFromHeaders() {
        send(null, Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.SENDER_ACTION, "react",
                MessengerSendConstants.REACTION_MESSAGE_ID, "m_liked",
                MessengerSendConstants.REACTION, "😍"));

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"react","payload":{"message_id":"m_liked","reaction":"😍"}}""");
    }

    @Test
    void unreactCarriesOnlyTheMessageId() {
        send(null, Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.SENDER_ACTION, "unreact",
                MessengerSendConstants.REACTION_MESSAGE_ID, "m_liked",
                MessengerSendConstants.REACTION, "ignored for unreact"));

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"unreact","payload":{"message_id":"m_liked"}}""");
    }

    @Test
    void typedReactRequest() {
        send(SendRequest.builder().recipient(Recipient.id("1")).react("m_2", "love").build(), Map.of());

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"react","payload":{"message_id":"m_2","reaction":"love"}}""");
    }

    @Test
    void senderActionInAJsonBody() {
        send("""
                {"recipient":{"id":"1"},"sender_action":"typing_off"}""", Map.of());

        assertSent("""
                {"recipient":{"id":"1"},"sender_action":"typing_off"}""");
    }

    @Test
    void reactWithoutMessageIdIsRefused() {
        Exchange exchange = send(null, Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.SENDER_ACTION, "react", MessengerSendConstants.REACTION, "love"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("payload.message_id").hasMessageContaining("CamelMessengerReactionMessageId");
        assertThat(received()).isEmpty();
    }

    @Test
    void senderActionWithAMessageInTheBodyIsRefused() {
        Exchange exchange = send("""
                {"recipient":{"id":"1"},"sender_action":"typing_on","message":{"text":"both"}}""", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("either message or sender_action");
        assertThat(received()).isEmpty();
    }

    @Test
    void unknownSenderActionHeaderNamesTheHeader() {
        Exchange exchange = send(null, Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.SENDER_ACTION, "dance"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerSenderAction")
                .hasMessageContaining("typing_on, typing_off, mark_seen, react, unreact");
        assertThat(received()).isEmpty();
    }
}
