package io.github.camelmessenger.send;

import java.util.Map;
import java.util.stream.Stream;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.AppSecretProof;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every endpoint option and message header, checked on the wire.
 */
class HeadersAndOptionsTest extends MessengerSendTestSupport {

    static Stream<Arguments> recipientHeaders() {
        return Stream.of(
                Arguments.of(MessengerSendConstants.RECIPIENT_ID, "id"),
                Arguments.of(MessengerSendConstants.RECIPIENT_USER_REF, "user_ref"),
                Arguments.of(MessengerSendConstants.RECIPIENT_PHONE_NUMBER, "phone_number"),
                Arguments.of(MessengerSendConstants.RECIPIENT_POST_ID, "post_id"),
                Arguments.of(MessengerSendConstants.RECIPIENT_COMMENT_ID, "comment_id"),
                Arguments.of(MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN,
                        "notification_messages_token"));
    }

    @ParameterizedTest(name = "{0} -> recipient.{1}")
    @MethodSource("recipientHeaders")
    void eachRecipientHeaderFillsItsField(String header, String field) {
        send("hi", Map.of(header, "value-1"));

        assertSent("""
                {"recipient":{"%s":"value-1"},"messaging_type":"RESPONSE","message":{"text":"hi"}}""".formatted(field));
    }

    @Test
    void phoneNumberWithNameHeaders() {
        send("hi", Map.of(MessengerSendConstants.RECIPIENT_PHONE_NUMBER, "+1(212)555-2368",
                MessengerSendConstants.RECIPIENT_FIRST_NAME, "John",
                MessengerSendConstants.RECIPIENT_LAST_NAME, "Doe"));

        assertSent("""
                {"recipient":{"phone_number":"+1(212)555-2368","name":{"first_name":"John","last_name":"Doe"}},
                 "messaging_type":"RESPONSE","message":{"text":"hi"}}""");
    }

    @Test
    void recipientIdOptionIsTheDefaultAndTheHeaderOverridesIt() {
        sendTo(uri("recipientId=from-option"), "one", Map.of());
        assertThat(bodyOf(onlyRequest()).path("recipient")).isEqualTo(json("{\"id\":\"from-option\"}"));

        graph.resetRequests();
        sendTo(uri("recipientId=from-option"), "two", Map.of(MessengerSendConstants.RECIPIENT_ID, "from-header"));
        assertThat(bodyOf(onlyRequest()).path("recipient")).isEqualTo(json("{\"id\":\"from-header\"}"));
    }

    @Test
    void twoRecipientHeadersAreRefused() {
        Exchange exchange = send("hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.RECIPIENT_USER_REF, "ref"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("recipient: must have exactly one identifier, has 2");
        assertThat(received()).isEmpty();
    }

    @Test
    void messagingTypeOptionAndHeaderOverride() {
        sendTo(uri("messagingType=UPDATE"), "a", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(bodyOf(onlyRequest()).path("messaging_type").asText()).isEqualTo("UPDATE");

        graph.resetRequests();
        sendTo(uri("messagingType=UPDATE"), "b", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.MESSAGING_TYPE, MessagingType.UTILITY));
        assertThat(bodyOf(onlyRequest()).path("messaging_type").asText()).isEqualTo("UTILITY");
    }

    @Test
    void headerEnumValuesAreReadInAnyCase() {
        send("a", Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.MESSAGING_TYPE, "update",
                MessengerSendConstants.NOTIFICATION_TYPE, "silent_push"));

        assertSent(
                """
                        {"recipient":{"id":"1"},"messaging_type":"UPDATE","message":{"text":"a"},"notification_type":"SILENT_PUSH"}""");
    }

    @Test
    void tagHeaderWithoutMessagingTypeMeansMessageTag() {
        send("An agent replies", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.TAG, "HUMAN_AGENT"));

        assertSent("""
                {"recipient":{"id":"1"},"messaging_type":"MESSAGE_TAG","message":{"text":"An agent replies"},
                 "tag":"HUMAN_AGENT"}""");
    }

    @Test
    void tagOptionWithoutMessagingTypeMeansMessageTag() {
        sendTo(uri("tag=NON_PROMOTIONAL_SUBSCRIPTION"), "News", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertSent("""
                {"recipient":{"id":"1"},"messaging_type":"MESSAGE_TAG","message":{"text":"News"},
                 "tag":"NON_PROMOTIONAL_SUBSCRIPTION"}""");
    }

    @Test
    void utilityTemplateWithoutMessagingTypeMeansUtility() {
        send("""
                {"template":{"name":"order_update","language":{"code":"en_US"},
                 "components":[{"type":"body","parameters":[{"type":"text","text":"A-1001"}]}]}}""",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertSent(
                """
                        {"recipient":{"id":"1"},"messaging_type":"UTILITY","message":{"template":{"name":"order_update",
                         "language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"A-1001"}]}]}}}""");
    }

    @Test
    void aNewTagUnknownToTheComponentIsPassedOn() {
        send("x", Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.TAG, "SOME_FUTURE_TAG"));

        assertThat(bodyOf(onlyRequest()).path("tag").asText()).isEqualTo("SOME_FUTURE_TAG");
    }

    @Test
    void tagWithAnotherExplicitMessagingTypeIsRefused() {
        Exchange exchange = sendTo(uri("messagingType=RESPONSE"), "x", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.TAG, "HUMAN_AGENT"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("tag: a tag needs messaging_type MESSAGE_TAG, not RESPONSE");
        assertThat(received()).isEmpty();
    }

    @Test
    void retiredTagHeaderIsRefusedSayingWhatToUse() {
        Exchange exchange = send("x", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.TAG, "POST_PURCHASE_UPDATE"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("27 April 2026").hasMessageContaining("UTILITY");
        assertThat(received()).isEmpty();
    }

    @Test
    void notificationTypeOptionIsSentAndOmittedWhenUnset() {
        sendTo(uri("notificationType=NO_PUSH"), "quiet", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(bodyOf(onlyRequest()).path("notification_type").asText()).isEqualTo("NO_PUSH");

        graph.resetRequests();
        send("default", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(bodyOf(onlyRequest()).has("notification_type")).isFalse();

        graph.resetRequests();
        sendTo(uri("notificationType=NO_PUSH"), "header wins", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.NOTIFICATION_TYPE, NotificationType.REGULAR));
        assertThat(bodyOf(onlyRequest()).path("notification_type").asText()).isEqualTo("REGULAR");
    }

    @Test
    void replyToAndPersonaHeaders() {
        send("threaded", Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.REPLY_TO, "m_parent",
                MessengerSendConstants.PERSONA_ID, "persona-9"));

        assertSent("""
                {"recipient":{"id":"1"},"messaging_type":"RESPONSE","message":{"text":"threaded"},
                 "reply_to":{"mid":"m_parent"},"persona_id":"persona-9"}""");
    }

    @Test
    void personaIdOption() {
        sendTo(uri("personaId=persona-opt"), "as persona", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(bodyOf(onlyRequest()).path("persona_id").asText()).isEqualTo("persona-opt");
    }

    @Test
    void pageIdHeaderChangesThePath() {
        send("from another page", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, "998877"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/v24.0/998877/messages");
    }

    @Test
    void meAsPageAndApiVersionOption() {
        sendTo("messenger-send:me?accessToken=RAW(" + TOKEN + ")&apiVersion=v25.0&baseUri=" + baseUri() + "/",
                "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/v25.0/me/messages");
    }

    @Test
    void pageIdThatCouldBreakThePathIsRefused() {
        Exchange exchange = send("x", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, "123/../../oauth"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining(MessengerSendConstants.PAGE_ID);
        assertThat(received()).isEmpty();
    }

    @Test
    void appSecretAddsTheProofAsQueryParameter() {
        String secret = "app-secret-for-tests";
        sendTo(uri("appSecret=RAW(" + secret + ")"), "proved", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        String url = onlyRequest().getUrl();
        assertThat(url)
                .isEqualTo("/v24.0/" + PAGE_ID + "/messages?appsecret_proof=" + AppSecretProof.of(secret, TOKEN));
        assertThat(url).doesNotContain(TOKEN).doesNotContain(secret);
    }

    @Test
    void unknownEnumHeaderValueNamesTheHeader() {
        Exchange exchange = send("x", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.MESSAGING_TYPE, "BROADCAST"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerMessagingType")
                .hasMessageContaining("BROADCAST")
                .hasMessageContaining("RESPONSE, UPDATE, MESSAGE_TAG, UTILITY");
        assertThat(received()).isEmpty();
    }

    @Test
    void unknownEnumOptionValueNamesTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri("notificationType=LOUD")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("notificationType")
                .hasStackTraceContaining("LOUD");
    }

    @Test
    void validateFalseSendsWhatTheLimitsWouldRefuse() {
        String tooLong = "x".repeat(2001);
        Exchange refused = send(tooLong, Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(refused.getException()).isInstanceOf(MessengerValidationException.class);
        assertThat(received()).isEmpty();

        Exchange sent = sendTo(uri("validate=false"), tooLong, Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(sent.getException()).isNull();
        assertThat(bodyOf(onlyRequest()).path("message").path("text").asText()).hasSize(2001);
    }

    @Test
    void componentLevelOptionsAreEndpointDefaults() {
        MessengerSendComponent component = context.getComponent("messenger-send", MessengerSendComponent.class);
        component.getConfiguration().setNotificationType(NotificationType.SILENT_PUSH);
        component.getConfiguration().setAccessToken("component-level-token-123");
        try {
            sendTo("messenger-send:555?baseUri=" + baseUri(), "defaults",
                    Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        } finally {
            component.getConfiguration().setNotificationType(null);
            component.getConfiguration().setAccessToken(null);
        }

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer component-level-token-123");
        assertThat(bodyOf(onlyRequest()).path("notification_type").asText()).isEqualTo("SILENT_PUSH");
    }

    @Test
    void instagramPlatformSendsItsOwnAttachmentTypesAndRefusesOtherTags() {
        sendTo(uri("platform=INSTAGRAM"), "{\"attachment\":{\"type\":\"like_heart\"}}",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "ig-1"));
        assertSent(
                """
                        {"recipient":{"id":"ig-1"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"like_heart"}}}""");

        graph.resetRequests();
        Exchange refused = sendTo(uri("platform=INSTAGRAM"), "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "ig-1",
                MessengerSendConstants.TAG, "NON_PROMOTIONAL_SUBSCRIPTION"));
        assertThat(refused.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("on Instagram HUMAN_AGENT is the only tag");
        assertThat(received()).isEmpty();
    }

    @Test
    void durationOptionsTakeDurationText() {
        MessengerSendEndpoint endpoint = context.getEndpoint(uri("connectTimeout=5s&requestTimeout=1m"),
                MessengerSendEndpoint.class);

        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(5_000);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(60_000);
    }
}
