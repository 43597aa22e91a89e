package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelmessenger.send.error.ErrorAnswer;
import io.github.camelmessenger.send.error.ErrorRule;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerAuthorizationException;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.error.MessengerErrorRules;
import io.github.camelmessenger.send.error.MessengerInvalidRequestException;
import io.github.camelmessenger.send.error.MessengerPolicyException;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import io.github.camelmessenger.send.graph.BusinessUseCaseUsage;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Graph error answers, served by a real HTTP server, become the exception class a route branches on (the
 * component docs' Errors table), keeping every field Meta sent.
 */
class ErrorClassificationTest extends MessengerSendTestSupport {

    private static final Map<String, Object> TO_RECIPIENT =
            Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919");

    /** The route's own rules: one for a code the default rules do not know, one for a subcode read otherwise. */
    @BindToRegistry("myRules")
    private final MessengerErrorClassifier myRules = MessengerErrorRules.of(
            ErrorRule.code(1390008).is(FailureKind.TEMPORARY),
            ErrorRule.code(10).subcode(2018999).is(FailureKind.POLICY),
            ErrorRule.code(1).is(FailureKind.TEMPORARY));

    @BindToRegistry("brokenRules")
    private final MessengerErrorClassifier brokenRules = answer -> {
        throw new IllegalStateException("a bug in the route's rules");
    };

    /** The example of Meta's rate-limiting page: 7 minutes to wait. */
    private static final String BUC_7_MINUTES = "{\"" + PAGE_ID + "\":[{\"type\":\"messenger\",\"call_count\":100,"
            + "\"total_cputime\":30,\"total_time\":40,"
            + "\"estimated_time_to_regain_access\":7}]}";

    // ---------------------------------------------------------------------------------------------------------------
    // the classification table: Meta's answer and the exception class it becomes

    /**
     * One row per answer: HTTP status, the Graph error's code, subcode, is_transient (- when Meta leaves it out), the
     * exception class Messenger&lt;expected&gt;Exception, whether it is retriable, then type, message and, where Meta
     * sends them, error_user_title and error_user_msg. Status 200: peers' stubs answer errors with 200.
     */
    @ParameterizedTest(name = "HTTP {0} code {1}/{2} is_transient={3} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-",
               textBlock = """
                       # status | code   | subcode | is_transient | expected       | retriable | type                 | message | error_user_title | error_user_msg
                       # rate limits: retry later, slower
                         400    | 4      | -       | true         | RateLimit      | true      | OAuthException       | (#4) Application request limit reached
                         400    | 17     | 2446079 | -            | RateLimit      | true      | OAuthException       | (#17) User request limit reached
                         400    | 32     | -       | -            | RateLimit      | true      | OAuthException       | (#32) Page request limit reached
                         400    | 613    | -       | -            | RateLimit      | true      | OAuthException       | (#613) Calls to this api have exceeded the rate limit.
                         400    | 80001  | -       | -            | RateLimit      | true      | OAuthException       | (#80001) There have been too many calls to this Page account. Wait a bit and try again.
                         400    | 80006  | -       | -            | RateLimit      | true      | OAuthException       | (#80006) There have been too many messages sent to this user. Please wait a while and try again. | Too many messages | Wait a while before you send more messages to this person.
                         200    | 613    | -       | -            | RateLimit      | true      | FacebookApiException | Calls to this API have exceeded the rate limit
                       # passing failures: retry with backoff; is_transient, then HTTP 5xx, decide for a code the table does not know
                         500    | 1200   | -       | -            | Temporary      | true      | FacebookApiException | Temporary send message failure. Please try again later.
                         500    | 2      | -       | true         | Temporary      | true      | OAuthException       | An unexpected error has occurred. Please retry your request later.
                         500    | 1      | 99      | -            | Temporary      | true      | OAuthException       | An unknown error has occurred.
                         400    | 341    | -       | -            | Temporary      | true      | OAuthException       | (#341) Application limit reached
                         400    | 100    | 2018321 | -            | Temporary      | true      | OAuthException       | (#100) Temporary failure
                         400    | 131000 | -       | true         | Temporary      | true      | OAuthException       | Something went wrong
                         503    | 131000 | -       | false        | Temporary      | true      | OAuthException       | Something went wrong
                         200    | 1200   | -       | -            | Temporary      | true      | FacebookApiException | Temporary send message failure. Please try again later.
                       # recipient unknown, blocked or unavailable: drop or flag the recipient
                         400    | 551    | -       | -            | Recipient      | false     | OAuthException       | (#551) This person isn't available right now.
                         400    | 551    | 1545041 | -            | Recipient      | false     | OAuthException       | (#551) This person isn't available right now. | Message Not Sent | This person isn't available right now.
                         400    | 100    | 2018001 | -            | Recipient      | false     | OAuthException       | (#100) No matching user found
                         400    | 10     | 2018108 | -            | Recipient      | false     | OAuthException       | (#10) This person isn't receiving messages from you right now.
                         403    | 200    | 1545041 | -            | Recipient      | false     | OAuthException       | (#200) Message Not Sent: This person isn't receiving messages from you right now.
                         200    | 100    | 2018001 | -            | Recipient      | false     | FacebookApiException | No matching user found.
                       # messaging window, tags, restricted Page (613 with these subcodes is final, not a rate limit): give up or change type
                         400    | 10     | 2018278 | -            | Policy         | false     | OAuthException       | (#10) This message is sent outside of allowed window. | Message Not Sent | This message was sent outside the allowed window.
                         400    | 10     | 2018065 | -            | Policy         | false     | OAuthException       | (#10) This message is sent outside of allowed window. You need page_messaging_subscriptions permission to be able to do it.
                         400    | 10     | 2534022 | -            | Policy         | false     | OAuthException       | (#10) Message tag not allowed for this Page.
                         403    | 10     | 1893063 | -            | Policy         | false     | OAuthException       | (#10) This Page is temporarily restricted from sending messages.
                         400    | 613    | 2018338 | -            | Policy         | false     | OAuthException       | (#613) Calls to this api have exceeded the rate limit.
                         400    | 613    | 1893016 | -            | Policy         | false     | OAuthException       | (#613) Calls to this api have exceeded the rate limit.
                         200    | 10     | 2018065 | -            | Policy         | false     | FacebookApiException | This message is sent outside of allowed window.
                       # token and permissions: alert an operator
                         400    | 190    | 463     | -            | Authorization  | false     | OAuthException       | Error validating access token: Session has expired on Friday, 20-Nov-26 09:00:00 PST. | Session expired | Your session has expired. Please log in again.
                         401    | 190    | -       | -            | Authorization  | false     | OAuthException       | Invalid OAuth access token.
                         400    | 3      | -       | -            | Authorization  | false     | OAuthException       | (#3) Application does not have the capability to make this API call.
                         403    | 10     | -       | -            | Authorization  | false     | OAuthException       | (#10) Application does not have permission for this action
                         401    | 102    | -       | -            | Authorization  | false     | OAuthException       | Session key invalid or no longer valid
                         403    | 200    | -       | -            | Authorization  | false     | OAuthException       | (#200) Requires pages_messaging permission to manage the object
                         403    | 200    | 2018028 | -            | Authorization  | false     | OAuthException       | (#200) Cannot message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and the app is live.
                         403    | 230    | -       | -            | Authorization  | false     | OAuthException       | (#230) Requires pages_messaging permission to manage the object
                         200    | 190    | -       | -            | Authorization  | false     | FacebookApiException | Invalid OAuth access token.
                       # invalid requests, and a code the table does not know answered with a 4xx: dead-letter
                         400    | 100    | -       | -            | InvalidRequest | false     | OAuthException       | (#100) Param recipient[id] must be a valid ID string (e.g., "123")
                         400    | 100    | 2018014 | -            | InvalidRequest | false     | OAuthException       | (#100) Only one of message or sender_action may be provided
                         400    | 100    | 2018005 | -            | InvalidRequest | false     | OAuthException       | (#100) Incorrect number of files uploaded. Must upload exactly one file.
                         400    | 100    | 2018109 | -            | InvalidRequest | false     | OAuthException       | (#100) Attachment size exceeds allowable limit | Attachment too large | The attachment is larger than the allowed size.
                         400    | 100    | 2018047 | -            | InvalidRequest | false     | OAuthException       | (#100) Upload attachment failure.
                         400    | 10303  | -       | -            | InvalidRequest | false     | FacebookApiException | Invalid account_linking_token
                       # invalid JSON reply: delivery unknown, a retry may send twice
                         500    | 1      | 1357046 | -            | Transport      | false     | OAuthException       | (#1) Received Invalid JSON reply.""")
    void classifies(int status, int code, Integer subcode, Boolean isTransient, String expected, boolean retriable,
                    String type, String message, ArgumentsAccessor row)
            throws Exception {
        Answer answer = error(code, type, message).status(status);
        if (subcode != null) {
            answer = answer.subcode(subcode);
        }
        if (isTransient != null) {
            answer = answer.transientFlag(isTransient);
        }
        if (row.size() > 8) {
            answer = answer.user(row.getString(8), row.getString(9));
        }

        MessengerSendException e = failsWith(answer, exceptionClass(expected));

        assertThat(e.isRetriable()).as("retriable").isEqualTo(retriable);
        assertThat(e.getFailureKind().isRetriable()).as("retriable kind").isEqualTo(retriable);
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
    void theExceptionTravelsSerializedWithMetasErrorObject() throws Exception {
        Answer answer = error(100, "OAuthException", "(#100) No matching user found").subcode(2018001);
        MessengerRecipientException e = failsWith(answer, MessengerRecipientException.class);

        MessengerSendException copy;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (MessengerSendException) in.readObject();
        }

        assertThat(copy).isExactlyInstanceOf(MessengerRecipientException.class);
        assertThat(copy.getGraphError()).isEqualTo(e.getGraphError());
        assertThat(copy.getFailureKind()).isEqualTo(FailureKind.RECIPIENT);
        assertThat(copy.getHttpResponseCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // errorClassifier: the route's rules first, the default rules for every answer they have no rule for

    @Test
    void theRoutesRuleGivesACodeTheDefaultRulesDoNotKnowItsClass() {
        Answer answer = error(1390008, "OAuthException", "(#1390008) Service temporarily unavailable");
        failsWith(answer, MessengerInvalidRequestException.class);
        graph.resetRequests();

        Exchange exchange = failsOn("direct:my-rules", answer, null, MessengerTemporaryException.class);

        Message message = exchange.getMessage();
        assertThat(message.getHeader(MessengerSendConstants.FAILURE_CLASS)).isEqualTo("MessengerTemporaryException");
        assertThat(message.getHeader(MessengerSendConstants.RETRIABLE)).isEqualTo(true);
        assertThat(message.getHeader(MessengerSendConstants.ERROR_CODE)).isEqualTo(1390008);
        assertThat(message.getHeaders()).doesNotContainKey(MessengerSendConstants.ERROR_SUBCODE);
        assertThat(message.getHeader(MessengerSendConstants.FBTRACE_ID)).isEqualTo("A1390008xTr4ce_Q");
    }

    @Test
    void theRoutesRuleOverridesTheDefaultForOneSubcodeOnly() {
        Answer overridden = error(10, "OAuthException", "(#10) Message not sent").subcode(2018999).status(403);
        Exchange exchange = failsOn("direct:my-rules", overridden, null, MessengerPolicyException.class);
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS))
                .isEqualTo("MessengerPolicyException");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.ERROR_SUBCODE)).isEqualTo(2018999);
        graph.resetRequests();

        Answer code10 = error(10, "OAuthException", "(#10) Application does not have permission for this action")
                .status(403);
        failsOn("direct:my-rules", code10, null, MessengerAuthorizationException.class);
        graph.resetRequests();

        Answer recipient = error(551, "OAuthException", "(#551) This person isn't available right now.");
        failsOn("direct:my-rules", recipient, null, MessengerRecipientException.class);
    }

    @Test
    void noRuleMakesAPossiblyDeliveredMessageRetriable() {
        // the route's rules say code 1 is temporary; 1/1357046 means Meta may have delivered: a retry could send twice
        Answer deliveryUnknown = error(1, "OAuthException", "(#1) Received Invalid JSON reply").subcode(1357046)
                .status(500);
        Exchange exchange = failsOn("direct:my-rules", deliveryUnknown, null, MessengerTransportException.class);
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.RETRIABLE)).isEqualTo(false);
        graph.resetRequests();

        failsOn("direct:my-rules", error(1, "OAuthException", "(#1) An unknown error occurred").status(500), null,
                MessengerTemporaryException.class);
    }

    @Test
    void aFailingClassifierLeavesTheAnswerToTheDefaultRules() {
        Answer answer = error(613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.");
        Exchange exchange = failsOn("direct:broken-rules", answer, null, MessengerRateLimitException.class);
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.RETRIABLE)).isEqualTo(true);
    }

    @Test
    void rulesAsTextForABeanOfYamlRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("rules.camel.yaml", """
                - beans:
                    - name: yamlRules
                      type: io.github.camelmessenger.send.error.MessengerErrorRules
                      properties:
                        rules: "1390008=TEMPORARY, 10/2018999=policy"
                - route:
                    from:
                      uri: direct:yaml-rules
                      steps:
                        - to:
                            uri: "messenger-send:%s"
                            parameters:
                              accessToken: "RAW(%s)"
                              baseUri: "%s"
                              errorClassifier: "#yamlRules"
                """.formatted(PAGE_ID, TOKEN, baseUri())));

        assertThat(context.getRegistry().lookupByNameAndType("yamlRules", MessengerErrorRules.class).rules())
                .map(ErrorRule::toString)
                .containsExactly("code 1390008 -> TEMPORARY", "code 10, subcode 2018999 -> POLICY");
        Answer answer = error(10, "OAuthException", "(#10) Message not sent").subcode(2018999);
        failsOn("direct:yaml-rules", answer, null, MessengerPolicyException.class);
    }

    @Test
    void rulesAsTextSayWhatIsWrongWithThem() {
        MessengerErrorRules rules = new MessengerErrorRules();
        rules.setRules("131000 = temporary;\n 10 / 2018999=POLICY,");
        assertThat(rules.rules()).map(ErrorRule::toString)
                .containsExactly("code 131000 -> TEMPORARY", "code 10, subcode 2018999 -> POLICY");

        assertThatThrownBy(() -> rules.setRules("131000=SOON"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOON is none of");
        assertThatThrownBy(() -> rules.setRules("10/x=POLICY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'10/x=POLICY'");
    }

    @Test
    void aClassifierOfItsOwnFallsBackToTheDefaultsWithOrElse() {
        MessengerErrorClassifier lambda = answer -> answer.hasCode(10, 2018999) ? FailureKind.POLICY : null;
        MessengerErrorClassifier classifier = lambda.orElse(MessengerErrorClassifier.defaults());

        assertThat(classifier.classify(new ErrorAnswer(403, 10, 2018999, null))).isEqualTo(FailureKind.POLICY);
        assertThat(classifier.classify(new ErrorAnswer(403, 10, null, null))).isEqualTo(FailureKind.AUTHORIZATION);
        assertThat(classifier.classify(new ErrorAnswer(502, null, null, null))).isEqualTo(FailureKind.TEMPORARY);
        assertThat(MessengerErrorClassifier.DEFAULT_RULES.get(0)).hasToString("code 1, subcode 1357046 -> TRANSPORT");
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
            "{\"" + PAGE_ID
                    + "\":[{\"type\":\"messenger\",\"call_count\":100,\"total_cputime\":30,\"total_time\":40}]}",
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

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri(""));
                from("direct:my-rules").to(uri("errorClassifier=#myRules"));
                from("direct:broken-rules").to(uri("errorClassifier=#brokenRules"));
            }
        };
    }

    /** The exception class a column of the table names: RateLimit is MessengerRateLimitException. */
    @SuppressWarnings("unchecked")
    private static Class<? extends MessengerSendException> exceptionClass(String name) throws ClassNotFoundException {
        return (Class<? extends MessengerSendException>) Class.forName(
                MessengerSendException.class.getPackageName() + ".Messenger" + name + "Exception");
    }

    private <T extends MessengerSendException> T failsWith(Answer answer, Class<T> expected) {
        return failsWith(answer, null, expected);
    }

    private <T extends MessengerSendException> T failsWith(Answer answer, String usageHeader, Class<T> expected) {
        return expected.cast(failsOn("direct:send", answer, usageHeader, expected).getException());
    }

    /**
     * Serves the answer (with an optional {@code X-Business-Use-Case-Usage} header), sends one text message and
     * checks what every error must satisfy: the exact class, one request, every field Meta sent, a message naming
     * the error without the token.
     */
    private Exchange failsOn(String route, Answer answer, String usageHeader,
                             Class<? extends MessengerSendException> expected) {
        ResponseDefinitionBuilder response = aResponse().withStatus(answer.status())
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(answer.body());
        if (usageHeader != null) {
            response = response.withHeader(BusinessUseCaseUsage.HEADER, usageHeader);
        }
        graph.stubFor(post(anyUrl()).willReturn(response));

        Exchange exchange = sendTo(route, "Your order has shipped", TO_RECIPIENT);

        assertThat(exchange.getException()).as("exception for %s", answer).isExactlyInstanceOf(expected);
        onlyRequest();
        MessengerSendException e = expected.cast(exchange.getException());
        assertCarriesEverythingMetaSent(e, answer);
        assertThat(e.getMessage())
                .contains(String.valueOf(answer.error().get("code")))
                .contains((String) answer.error().get("fbtrace_id"))
                .doesNotContain(TOKEN);
        if (answer.error().containsKey("error_subcode")) {
            assertThat(e.getMessage()).contains(String.valueOf(answer.error().get("error_subcode")));
        }
        return exchange;
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
