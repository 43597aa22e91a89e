package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.error.MessengerValidationException.Violation;
import io.github.camelmessenger.send.graph.AppSecretProof;
import io.github.camelmessenger.send.model.event.WebhookEvent;
import io.github.camelmessenger.send.model.event.WebhookEvents;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handover protocol operations against a real HTTP server: the exact path and JSON of pass, take and request
 * thread control, the token and appsecret_proof, what is refused before any call, and the answer as the body.
 */
class HandoverTest extends MessengerSendTestSupport {

    private static final String PSID = "1254477777772919";
    private static final String SECRET = "s3cret";

    private static void stubSuccess(String edge) {
        graph.stubFor(post(urlPathMatching("/v24.0/" + PAGE_ID + "/" + edge)).willReturn(okJson("{\"success\":true}")));
    }

    private static void assertCalled(LoggedRequest request, String edge, String expectedJson) {
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v24.0/" + PAGE_ID + "/" + edge + "?appsecret_proof="
                + AppSecretProof.of(SECRET, TOKEN));
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo(expectedJson);
    }

    @Test
    void passThreadControlPassesTheConversationToTheTargetApp() {
        stubSuccess("pass_thread_control");

        Exchange exchange = sendTo(uri("operation=passThreadControl&appSecret=RAW(" + SECRET + ")"), "ignored",
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID,
                        MessengerSendConstants.TARGET_APP_ID, PageInbox.APP_ID,
                        MessengerSendConstants.HANDOVER_METADATA, "order 17: refund asked"));

        assertThat(exchange.getException()).isNull();
        assertCalled(onlyRequest(), "pass_thread_control", "{\"recipient\":{\"id\":\"" + PSID + "\"},"
                + "\"target_app_id\":263902037430900,\"metadata\":\"order 17: refund asked\"}");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Boolean.TRUE);
    }

    @Test
    void takeThreadControlTakesTheConversationOfTheRecipientIdOption() {
        stubSuccess("take_thread_control");

        Exchange exchange = sendTo(uri("appSecret=RAW(" + SECRET + ")&recipientId=" + PSID), null,
                Map.of(MessengerSendConstants.OPERATION, "take-thread-control"));

        assertThat(exchange.getException()).isNull();
        assertCalled(onlyRequest(), "take_thread_control", "{\"recipient\":{\"id\":\"" + PSID + "\"}}");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Boolean.TRUE);
    }

    @Test
    void requestThreadControlForTheWebhookEventTheRouteReceived() {
        stubSuccess("request_thread_control");
        WebhookEvent received = WebhookEvents.parse(("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID
                + "\",\"time\":1458692752478,\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":"
                + "{\"id\":\"" + PAGE_ID + "\"},\"timestamp\":1458692752478,\"message\":{\"mid\":\"m_1\","
                + "\"text\":\"a human, please\"}}]}]}").getBytes(StandardCharsets.UTF_8)).get(0);

        // the body is still the event: the handover operations ignore the body
        Exchange exchange = sendTo(uri("operation=requestThreadControl&appSecret=RAW(" + SECRET + ")"),
                received.event(), Map.of(MessengerSendConstants.PAGE_ID, received.pageId(),
                        MessengerSendConstants.RECIPIENT_ID, received.replyTargetId(),
                        MessengerSendConstants.HANDOVER_METADATA, received.text()));

        assertThat(exchange.getException()).isNull();
        assertCalled(onlyRequest(), "request_thread_control", "{\"recipient\":{\"id\":\"" + PSID + "\"},"
                + "\"metadata\":\"a human, please\"}");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @EnumSource(value = MessengerOperation.class,
                names = { "passThreadControl", "takeThreadControl", "requestThreadControl" })
    void withoutARecipientNothingIsCalled(MessengerOperation operation) {
        Exchange exchange = sendTo(uri(""), null, Map.of(MessengerSendConstants.OPERATION, operation,
                MessengerSendConstants.TARGET_APP_ID, PageInbox.APP_ID));

        assertRefused(exchange, MessengerSendConstants.RECIPIENT_ID, "missing: " + operation + " needs the PSID");
    }

    @Test
    void aRecipientOtherThanAPsidIsRefused() {
        Exchange exchange = sendTo(uri("operation=takeThreadControl"), null,
                Map.of(MessengerSendConstants.RECIPIENT_USER_REF, "ref-7"));

        assertRefused(exchange, MessengerSendConstants.RECIPIENT_ID,
                "takeThreadControl takes the person's PSID (this header or the recipientId option), not "
                        + MessengerSendConstants.RECIPIENT_USER_REF);
    }

    @Test
    void passThreadControlWithoutATargetAppIsRefused() {
        Exchange exchange = sendTo(uri("operation=passThreadControl"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID));

        assertRefused(exchange, MessengerSendConstants.TARGET_APP_ID,
                "missing: passThreadControl needs the app id to pass the conversation to (263902037430900 for the "
                        + "Page inbox)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "inbox", "2639-0203", "12a", "1234567890123456789" })
    void aTargetAppIdThatIsNotDigitsIsRefused(String appId) {
        Exchange exchange = sendTo(uri("operation=passThreadControl"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID, MessengerSendConstants.TARGET_APP_ID, appId));

        assertRefused(exchange, MessengerSendConstants.TARGET_APP_ID, "'" + appId + "' is not an app id");
    }

    @Test
    void aNumericTargetAppIdHeaderIsSentAsTheNumber() {
        stubSuccess("pass_thread_control");

        Exchange exchange = sendTo(uri("operation=passThreadControl"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID, MessengerSendConstants.TARGET_APP_ID, 123456789L));

        assertThat(exchange.getException()).isNull();
        assertThat(bodyOf(onlyRequest())).isEqualTo(json("{\"recipient\":{\"id\":\"" + PSID + "\"},"
                + "\"target_app_id\":123456789}"));
    }

    @Test
    void metadataIsHeldToMetasLimitOf1000Characters() {
        stubSuccess("take_thread_control");
        Map<String, Object> atTheLimit = Map.of(MessengerSendConstants.RECIPIENT_ID, PSID,
                MessengerSendConstants.HANDOVER_METADATA, "m".repeat(1000));
        Map<String, Object> overTheLimit = Map.of(MessengerSendConstants.RECIPIENT_ID, PSID,
                MessengerSendConstants.HANDOVER_METADATA, "👍".repeat(1001));

        Exchange refused = sendTo(uri("operation=takeThreadControl"), null, overTheLimit);
        assertRefused(refused, MessengerSendConstants.HANDOVER_METADATA, "has 1001 characters; the limit is 1000");

        Exchange sent = sendTo(uri("operation=takeThreadControl"), null, atTheLimit);
        assertThat(sent.getException()).isNull();
        assertThat(bodyOf(onlyRequest()).get("metadata").asText()).hasSize(1000);
    }

    @Test
    void withValidateOffTheMetadataLimitIsLeftToMeta() {
        stubSuccess("take_thread_control");

        Exchange exchange = sendTo(uri("operation=takeThreadControl&validate=false"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID,
                        MessengerSendConstants.HANDOVER_METADATA, "m".repeat(1001)));

        assertThat(exchange.getException()).isNull();
        assertThat(received()).hasSize(1);
    }

    @Test
    void metaErrorsAreClassifiedLikeSends() {
        graph.stubFor(post(urlPathMatching("/v24.0/" + PAGE_ID + "/pass_thread_control"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#551) This person isn't available right now.\","
                                + "\"type\":\"OAuthException\",\"code\":551,\"fbtrace_id\":\"Ab12\"}}")));

        Exchange exchange = sendTo(uri("operation=passThreadControl"), null,
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID, MessengerSendConstants.TARGET_APP_ID, "42"));

        assertThat(exchange.getException()).isInstanceOf(MessengerRecipientException.class);
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.ERROR_CODE)).isEqualTo(551);
    }

    @Test
    void handoverCallsAreNotPacedLikeMessages() {
        stubSuccess("take_thread_control");
        // one message every 4 s: a second message would wait, a handover call does not
        String paced = uri("rateLimit=0.25");
        Map<String, Object> headers = Map.of(MessengerSendConstants.RECIPIENT_ID, PSID);
        assertThat(sendTo(paced, "first", headers).getException()).isNull();

        long start = System.nanoTime();
        Exchange handover = sendTo(paced, null, Map.of(MessengerSendConstants.RECIPIENT_ID, PSID,
                MessengerSendConstants.OPERATION, MessengerOperation.takeThreadControl));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(handover.getException()).isNull();
        assertThat(tookMillis).isLessThan(2000);
        assertThat(received()).extracting(LoggedRequest::getUrl)
                .containsExactly("/v24.0/" + PAGE_ID + "/messages", "/v24.0/" + PAGE_ID + "/take_thread_control");
    }

    private static void assertRefused(Exchange exchange, String field, String problem) {
        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        List<Violation> violations = ((MessengerValidationException) exchange.getException()).getViolations();
        assertThat(violations).extracting(Violation::field).containsExactly(field);
        assertThat(violations.get(0).problem()).contains(problem);
        assertThat(received()).as("calls made").isEmpty();
    }
}
