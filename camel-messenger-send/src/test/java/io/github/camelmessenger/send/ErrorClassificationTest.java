package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelmessenger.send.error.MessengerAuthorizationException;
import io.github.camelmessenger.send.error.MessengerInvalidRequestException;
import io.github.camelmessenger.send.error.MessengerPolicyException;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import io.github.camelmessenger.send.graph.BusinessUseCaseUsage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graph error answers, served by a real HTTP server, become the exception class a route branches on (DESIGN.md
 * section 5, send-api-facts.md "Retry classes"), keeping every field Meta sent.
 */
class ErrorClassificationTest extends MessengerSendTestSupport {

    private static final Map<String, Object> TO_RECIPIENT = Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919");

    /** The example of Meta's rate-limiting page: 7 minutes to wait. */
    private static final String BUC_7_MINUTES = "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",\"call_count\":100,"
                                                + "\"total_cputime\":30,\"total_time\":40,"
                                                + "\"estimated_time_to_regain_access\":7}]}";

    // ---------------------------------------------------------------------------------------------------------------
    // one test per exception class

    static Stream<Answer> rateLimitAnswers() {
        return Stream.of(
                error(4, "OAuthException", "(#4) Application request limit reached").transientFlag(true),
                error(17, "OAuthException", "(#17) User request limit reached").subcode(2446079),
                error(32, "OAuthException", "(#32) Page request limit reached"),
                error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit."),
                error(80001, "OAuthException", "(#80001) There have been too many calls to this Page account. Wait a bit and try again."),
                error(80006, "OAuthException", "(#80006) There have been too many messages sent to this user. Please wait a while and try again.")
                        .user("Too many messages", "Wait a while before you send more messages to this person."),
                // peers' stubs answer errors with 200
                error(613, "FacebookApiException", "Calls to this API have exceeded the rate limit").status(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimitAnswers")
    void rateLimitCodesAreRetriedLater(Answer answer) {
        assertThat(failsWith(answer, MessengerRateLimitException.class).isRetriable()).isTrue();
    }

    static Stream<Answer> temporaryAnswers() {
        return Stream.of(
                error(1200, "FacebookApiException", "Temporary send message failure. Please try again later.").status(500),
                error(2, "OAuthException", "An unexpected error has occurred. Please retry your request later.")
                        .transientFlag(true).status(500),
                error(1, "OAuthException", "An unknown error has occurred.").subcode(99).status(500),
                error(341, "OAuthException", "(#341) Application limit reached").status(400),
                error(100, "OAuthException", "(#100) Temporary failure").subcode(2018321).status(400),
                // is_transient decides for a code the table does not know
                error(131000, "OAuthException", "Something went wrong").transientFlag(true).status(400),
                // HTTP 5xx decides for a code the table does not know, even when Meta says it is not transient
                error(131000, "OAuthException", "Something went wrong").transientFlag(false).status(503),
                // peers' stubs answer errors with 200
                error(1200, "FacebookApiException", "Temporary send message failure. Please try again later.").status(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("temporaryAnswers")
    void temporaryFailuresAreRetriedWithBackoff(Answer answer) {
        assertThat(failsWith(answer, MessengerTemporaryException.class).isRetriable()).isTrue();
    }

    static Stream<Answer> recipientAnswers() {
        return Stream.of(
                error(551, "OAuthException", "(#551) This person isn't available right now."),
                error(551, "OAuthException", "(#551) This person isn't available right now.").subcode(1545041)
                        .user("Message Not Sent", "This person isn't available right now."),
                error(100, "OAuthException", "(#100) No matching user found").subcode(2018001),
                error(10, "OAuthException", "(#10) This person isn't receiving messages from you right now.").subcode(2018108),
                error(200, "OAuthException", "(#200) Message Not Sent: This person isn't receiving messages from you right now.")
                        .subcode(1545041).status(403),
                error(100, "FacebookApiException", "No matching user found.").subcode(2018001).status(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipientAnswers")
    void recipientFailuresAreNotRetried(Answer answer) {
        assertThat(failsWith(answer, MessengerRecipientException.class).isRetriable()).isFalse();
    }

    static Stream<Answer> policyAnswers() {
        return Stream.of(
                error(10, "OAuthException", "(#10) This message is sent outside of allowed window.").subcode(2018278)
                        .user("Message Not Sent", "This message was sent outside the allowed window."),
                error(10, "OAuthException", "(#10) This message is sent outside of allowed window. You need "
                                            + "page_messaging_subscriptions permission to be able to do it.").subcode(2018065),
                error(10, "OAuthException", "(#10) Message tag not allowed for this Page.").subcode(2534022),
                error(10, "OAuthException", "(#10) This Page is temporarily restricted from sending messages.")
                        .subcode(1893063).status(403),
                // 613 with these subcodes is final, not a rate limit
                error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.").subcode(2018338),
                error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.").subcode(1893016),
                error(10, "FacebookApiException", "This message is sent outside of allowed window.").subcode(2018065).status(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policyAnswers")
    void policyFailuresAreNotRetried(Answer answer) {
        assertThat(failsWith(answer, MessengerPolicyException.class).isRetriable()).isFalse();
    }

    static Stream<Answer> authorizationAnswers() {
        return Stream.of(
                error(190, "OAuthException", "Error validating access token: Session has expired on Friday, "
                                             + "20-Nov-26 09:00:00 PST.").subcode(463)
                        .user("Session expired", "Your session has expired. Please log in again."),
                error(190, "OAuthException", "Invalid OAuth access token.").status(401),
                error(3, "OAuthException", "(#3) Application does not have the capability to make this API call."),
                error(10, "OAuthException", "(#10) Application does not have permission for this action").status(403),
                error(102, "OAuthException", "Session key invalid or no longer valid").status(401),
                error(200, "OAuthException", "(#200) Requires pages_messaging permission to manage the object").status(403),
                error(200, "OAuthException", "(#200) Cannot message users who are not admins, developers or testers "
                                             + "of the app until pages_messaging permission is reviewed and the app is live.")
                        .subcode(2018028).status(403),
                error(230, "OAuthException", "(#230) Requires pages_messaging permission to manage the object").status(403),
                error(190, "FacebookApiException", "Invalid OAuth access token.").status(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizationAnswers")
    void authorizationFailuresAlertAnOperator(Answer answer) {
        assertThat(failsWith(answer, MessengerAuthorizationException.class).isRetriable()).isFalse();
    }

    static Stream<Answer> invalidRequestAnswers() {
        return Stream.of(
                error(100, "OAuthException", "(#100) Param recipient[id] must be a valid ID string (e.g., \"123\")"),
                error(100, "OAuthException", "(#100) Only one of message or sender_action may be provided").subcode(2018014),
                error(100, "OAuthException", "(#100) Incorrect number of files uploaded. Must upload exactly one file.")
                        .subcode(2018005),
                error(100, "OAuthException", "(#100) Attachment size exceeds allowable limit").subcode(2018109)
                        .user("Attachment too large", "The attachment is larger than the allowed size."),
                error(100, "OAuthException", "(#100) Upload attachment failure.").subcode(2018047),
                // a code the table does not know, answered with a 4xx
                error(10303, "FacebookApiException", "Invalid account_linking_token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequestAnswers")
    void invalidRequestsAreDeadLettered(Answer answer) {
        assertThat(failsWith(answer, MessengerInvalidRequestException.class).isRetriable()).isFalse();
    }

    @Test
    void aFieldOfAnUnexpectedTypeDoesNotLoseTheOthers() {
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"message":"(#100) No matching user found","type":"OAuthException","code":100,
                 "error_subcode":2018001,"is_transient":"no","error_user_title":{"unexpected":"object"},
                 "fbtrace_id":"AX7LwGmBMuz"}}""")));

        Exchange exchange = send("hello", TO_RECIPIENT);

        MessengerRecipientException e = (MessengerRecipientException) exchange.getException();
        assertThat(e.getErrorSubcode()).isEqualTo(2018001);
        assertThat(e.getFbtraceId()).isEqualTo("AX7LwGmBMuz");
        assertThat(e.getIsTransient()).isNull();
        assertThat(e.getErrorUserTitle()).isNull();
    }

    @Test
    void invalidJsonReplyMeansDeliveryIsUnknown() {
        Answer answer = error(1, "OAuthException", "(#1) Received Invalid JSON reply.").subcode(1357046).status(500);
        assertThat(failsWith(answer, MessengerTransportException.class).isRetriable()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // X-Business-Use-Case-Usage: suggested delay

    @Test
    void rateLimitCarriesMetasEstimatedTimeToRegainAccess() {
        Answer answer = error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.");
        MessengerSendException e = failsWith(answer, BUC_7_MINUTES, MessengerRateLimitException.class);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void theLongestEstimateOfSeveralWins() {
        String header = "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",\"call_count\":95,\"total_cputime\":10,"
                        + "\"total_time\":12,\"estimated_time_to_regain_access\":3},"
                        + "{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":60,\"total_time\":70,"
                        + "\"estimated_time_to_regain_access\":12}],"
                        + "\"998877665544\":[{\"type\":\"messenger\",\"call_count\":100,\"total_cputime\":1,"
                        + "\"total_time\":1,\"estimated_time_to_regain_access\":5}]}";
        Answer answer = error(80001, "OAuthException", "(#80001) There have been too many calls to this Page account.");
        MessengerSendException e = failsWith(answer, header, MessengerRateLimitException.class);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofMinutes(12));
    }

    @ParameterizedTest(name = "header [{0}]")
    @NullSource
    @ValueSource(strings = {
            "",
            "not json",
            "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",",
            "[7]",
            "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",\"call_count\":100,\"total_cputime\":30,\"total_time\":40}]}",
            "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",\"estimated_time_to_regain_access\":\"soon\"}]}" })
    void noEstimateWithoutAReadableHeader(String header) {
        Answer answer = error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.");
        MessengerSendException e = failsWith(answer, header, MessengerRateLimitException.class);
        assertThat(e.getRetryAfter()).isNull();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the access token never leaves in an exception

    @Test
    void anEchoedTokenIsRemovedFromMessageAndBody() {
        Answer answer = error(190, "OAuthException", "Malformed access token " + TOKEN).status(400);
        MessengerSendException e = failsWith(answer, MessengerAuthorizationException.class);
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("Malformed access token");
        assertThat(e.getResponseBody()).doesNotContain(TOKEN);
        assertThat(e.getGraphError().message()).doesNotContain(TOKEN);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private <T extends MessengerSendException> T failsWith(Answer answer, Class<T> expected) {
        return failsWith(answer, null, expected);
    }

    /**
     * Serves the answer (with an optional {@code X-Business-Use-Case-Usage} header), sends one text message and
     * checks what every error must satisfy: the exact class, one request, every field Meta sent, a message naming
     * the error without the token.
     */
    private <T extends MessengerSendException> T failsWith(Answer answer, String usageHeader, Class<T> expected) {
        ResponseDefinitionBuilder response = aResponse().withStatus(answer.status())
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(answer.body());
        if (usageHeader != null) {
            response = response.withHeader(BusinessUseCaseUsage.HEADER, usageHeader);
        }
        graph.stubFor(post(anyUrl()).willReturn(response));

        Exchange exchange = send("Your order has shipped", TO_RECIPIENT);

        assertThat(exchange.getException()).as("exception for %s", answer).isExactlyInstanceOf(expected);
        onlyRequest();
        T e = expected.cast(exchange.getException());
        assertCarriesEverythingMetaSent(e, answer);
        assertThat(e.getMessage())
                .contains(String.valueOf(answer.error().get("code")))
                .contains((String) answer.error().get("fbtrace_id"))
                .doesNotContain(TOKEN);
        if (answer.error().containsKey("error_subcode")) {
            assertThat(e.getMessage()).contains(String.valueOf(answer.error().get("error_subcode")));
        }
        return e;
    }

    private static void assertCarriesEverythingMetaSent(MessengerSendException e, Answer answer) {
        Map<String, Object> sent = answer.error();
        assertThat(e.getHttpResponseCode()).as("HTTP status").isEqualTo(answer.status());
        assertThat(e.getCode()).as("code").isEqualTo(sent.get("code"));
        assertThat(e.getErrorSubcode()).as("error_subcode").isEqualTo(sent.get("error_subcode"));
        assertThat(e.getType()).as("type").isEqualTo(sent.get("type"));
        assertThat(e.getFbtraceId()).as("fbtrace_id").isEqualTo(sent.get("fbtrace_id"));
        assertThat(e.getErrorUserTitle()).as("error_user_title").isEqualTo(sent.get("error_user_title"));
        assertThat(e.getErrorUserMsg()).as("error_user_msg").isEqualTo(sent.get("error_user_msg"));
        assertThat(e.getIsTransient()).as("is_transient").isEqualTo(sent.get("is_transient"));
        assertThat(e.getGraphError()).as("graph error").isNotNull();
        assertThat(json(e.getResponseBody())).as("response body").isEqualTo(json(redacted(answer.body())));
    }

    private static String redacted(String text) {
        return text.replace(TOKEN, "xxxxxx");
    }

    /** A Graph error answered with HTTP 400 and an fbtrace_id, the way Meta answers most errors. */
    static Answer error(int code, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        error.put("fbtrace_id", "A" + code + "xTr4ce_Q");
        return new Answer(400, error);
    }

    /** An HTTP status and the fields of the Graph {@code error} object; each "with" returns a copy. */
    record Answer(int status, Map<String, Object> error) {

        Answer status(int httpStatus) {
            return new Answer(httpStatus, error);
        }

        Answer subcode(int subcode) {
            return with("error_subcode", subcode);
        }

        Answer transientFlag(boolean isTransient) {
            return with("is_transient", isTransient);
        }

        Answer user(String title, String message) {
            return with("error_user_title", title).with("error_user_msg", message);
        }

        private Answer with(String field, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(error);
            copy.put(field, value);
            return new Answer(status, Collections.unmodifiableMap(copy));
        }

        String body() {
            try {
                return JSON.writeValueAsString(Map.of("error", error));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            Object subcode = error.get("error_subcode");
            return "HTTP " + status + " code " + error.get("code") + (subcode == null ? "" : "/" + subcode)
                   + (error.containsKey("is_transient") ? " is_transient=" + error.get("is_transient") : "");
        }
    }
}
