package io.github.camelmessenger.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.error.MessengerAuthorizationException;
import io.github.camelmessenger.send.error.MessengerInvalidRequestException;
import io.github.camelmessenger.send.error.MessengerPolicyException;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer of the shared conformance corpus ({@code shared/conformance/error-cases.jsonl}: what Meta's docs
 * and other Messenger libraries' tests show) is served by a real HTTP server and must become the exception class
 * the contract names. The corpus is read where it is ({@link ConformanceCorpus}), never copied; without it the
 * test is skipped.
 */
class ErrorCasesConformanceTest extends MessengerSendTestSupport {

    static final String CORPUS_FILE = "error-cases.jsonl";

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static volatile String corpusNote = "";

    @TestFactory
    Stream<DynamicTest> errorCases() throws IOException {
        ConformanceCorpus.Located corpus = ConformanceCorpus.locate(CORPUS_FILE);
        if (!corpus.present()) {
            corpusNote = " (" + corpus.absentReason() + ")";
            return corpus.absentAsSkippedTest();
        }
        corpusNote = " (" + corpus.file() + ")";
        List<String> lines = Files.readAllLines(corpus.file(), StandardCharsets.UTF_8);
        return IntStream.range(0, lines.size())
                .filter(i -> !lines.get(i).isBlank())
                .mapToObj(i -> DynamicTest.dynamicTest(displayName(i + 1, lines.get(i)),
                        () -> check(i + 1, lines.get(i))));
    }

    @AfterAll
    static void report() {
        System.out.println("error-cases: " + RUN.get() + " run, " + SKIPPED.get() + " skipped" + corpusNote);
    }

    private void check(int lineNo, String line) {
        JsonNode testCase = json(line);
        JsonNode response = testCase.get("response");
        int status = testCase.path("http_status").isInt() ? testCase.get("http_status").asInt() : 400;
        JsonNode error = response != null && response.path("error").isObject() ? response.get("error") : null;
        if (response == null || (error == null && status >= 200 && status < 300)) {
            SKIPPED.incrementAndGet();
            Assumptions.abort("line " + lineNo + " is not an error answer: no Graph error object and HTTP " + status);
        }
        RUN.incrementAndGet();

        graph.resetAll();
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(response.toString())));
        // a Page of its own per case: a rate-limit answer must not hold back the cases after it
        String pageId = String.valueOf(9_000_000_000L + lineNo);
        Exchange exchange = send("Your order has shipped", Map.of(
                MessengerSendConstants.PAGE_ID, pageId,
                MessengerSendConstants.RECIPIENT_ID, "1254477777772919"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/v24.0/" + pageId + "/messages");
        Integer code = intField(error, "code");
        Integer subcode = intField(error, "error_subcode");
        Boolean isTransient = error != null && error.path("is_transient").isBoolean()
                ? error.get("is_transient").asBoolean()
                : null;
        Class<? extends MessengerSendException> expected = Contract.expectedClass(code, subcode, isTransient, status);

        assertThat(exchange.getException()).as("line %d: %s", lineNo, testCase.path("case").asText())
                .isExactlyInstanceOf(expected);
        MessengerSendException e = (MessengerSendException) exchange.getException();
        assertThat(e.getHttpResponseCode()).as("HTTP status").isEqualTo(status);
        assertThat(e.getCode()).as("code").isEqualTo(code);
        assertThat(e.getErrorSubcode()).as("error_subcode").isEqualTo(subcode);
        assertThat(e.getFbtraceId()).as("fbtrace_id").isEqualTo(textField(error, "fbtrace_id"));
        assertThat(json(e.getResponseBody())).as("response body").isEqualTo(response);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    /**
     * The classes the component docs' Errors table gives each answer, written out independently of the
     * component's classifier. Specific (code, subcode) pairs decide first, then the code, then
     * {@code is_transient}; an answer without a known code is classified by its HTTP status.
     */
    static final class Contract {

        static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80001, 80006);
        static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 341, 1200);
        static final Set<Integer> TEMPORARY_SUBCODES = Set.of(2018321);
        static final Set<Integer> AUTHORIZATION_CODES = Set.of(3, 10, 102, 190, 230);

        /** (code, subcode) pairs; subcode null = any subcode. */
        static final List<Pair> TRANSPORT = List.of(new Pair(1, 1357046));
        static final List<Pair> RECIPIENT = List.of(
                new Pair(551, null), new Pair(200, 1545041), new Pair(100, 2018001), new Pair(10, 2018108));
        static final List<Pair> POLICY = List.of(
                new Pair(10, 2018278), new Pair(10, 2018065), new Pair(10, 2534022), new Pair(10, 1893063),
                new Pair(613, 2018338), new Pair(613, 1893016));

        record Pair(int code, Integer subcode) {
            boolean matches(int c, Integer s) {
                return code == c && (subcode == null || subcode.equals(s));
            }
        }

        static Class<? extends MessengerSendException> expectedClass(Integer code, Integer subcode, Boolean isTransient,
                                                                     int httpStatus) {
            if (code != null) {
                if (TRANSPORT.stream().anyMatch(p -> p.matches(code, subcode))) {
                    return MessengerTransportException.class;
                }
                if (RECIPIENT.stream().anyMatch(p -> p.matches(code, subcode))) {
                    return MessengerRecipientException.class;
                }
                if (POLICY.stream().anyMatch(p -> p.matches(code, subcode))) {
                    return MessengerPolicyException.class;
                }
                if (RATE_LIMIT_CODES.contains(code)) {
                    return MessengerRateLimitException.class;
                }
                if (TEMPORARY_CODES.contains(code) || (subcode != null && TEMPORARY_SUBCODES.contains(subcode))) {
                    return MessengerTemporaryException.class;
                }
            }
            if (Boolean.TRUE.equals(isTransient)) {
                return MessengerTemporaryException.class;
            }
            if (code != null) {
                if (AUTHORIZATION_CODES.contains(code) || (code >= 200 && code <= 299)) {
                    return MessengerAuthorizationException.class;
                }
                if (code == 100) {
                    return MessengerInvalidRequestException.class;
                }
            }
            return byHttpStatus(httpStatus);
        }

        /** Answers without a Graph error object, or with a code the table does not know. */
        static Class<? extends MessengerSendException> byHttpStatus(int httpStatus) {
            if (httpStatus == 429) {
                return MessengerRateLimitException.class;
            }
            if (httpStatus >= 500) {
                return MessengerTemporaryException.class;
            }
            if (httpStatus == 401 || httpStatus == 403) {
                return MessengerAuthorizationException.class;
            }
            return MessengerInvalidRequestException.class;
        }
    }

    private static String displayName(int lineNo, String line) {
        try {
            JsonNode testCase = JSON.readTree(line);
            return "line " + lineNo + ": " + testCase.path("case").asText("?") + " ["
                    + testCase.path("source").asText("?")
                    + "]";
        } catch (IOException e) {
            return "line " + lineNo + ": (not JSON)";
        }
    }

    private static Integer intField(JsonNode error, String field) {
        return error != null && error.path(field).canConvertToInt() ? error.get(field).asInt() : null;
    }

    private static String textField(JsonNode error, String field) {
        return error != null && error.path(field).isTextual() ? error.get(field).asText() : null;
    }
}
