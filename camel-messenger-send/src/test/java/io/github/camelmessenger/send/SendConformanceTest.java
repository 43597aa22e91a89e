package io.github.camelmessenger.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.ConformanceCorpus.Case;
import io.github.camelmessenger.send.ConformanceCorpus.RefusedField;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.error.MessengerValidationException.Violation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shared Send API conformance corpus ({@code shared/conformance/send-cases.jsonl}, found by {@link ConformanceCorpus})
 * against the producer and a real HTTP server (WireMock) standing in for the Graph API.
 * <p>
 * Every case is classified by {@link ConformanceCorpus#classify} (shared with {@code ModelConformanceTest}, which
 * takes the fragment scopes in), with the reason written down here:
 * <ul>
 * <li><b>out of scope</b> for this component version (skipped, reported as skipped with the reason): endpoints other
 * than {@code /me/messages} and {@code /{page-id}/messages} (Attachment Upload API, Graph batch, Personas API:
 * later issues; the handover protocol: {@code HandoverConformanceTest}); Instagram messaging (feature {@code instagram} or host graph.instagram.com:
 * later issue); scopes {@code message-only} and {@code button-only} (fragments, not requests: covered by the model
 * issue); {@code quirk} cases (they record a peer library's wire bug); requests holding a placeholder that cannot be
 * valid on the wire (a string where Meta requires a boolean, such as {@code is_reusable: "<IS_REUSABLE?>"});</li>
 * <li><b>retired</b>: a tag Meta retired (the component docs' Validation section), list and open_graph templates, element_share
 * buttons, location quick replies (and location attachments, which occur only in fragments): both routes must
 * throw {@link MessengerValidationException} naming the field, and nothing may reach the server;</li>
 * <li><b>current</b>: everything else. Each is sent two ways and the exact JSON that arrives is asserted: (1) the
 * case's whole request as a JSON String body; (2) the case's {@code message} as a JSON String body and everything
 * else through the {@code CamelMessenger*} headers (for sender actions the body is ignored).</li>
 * </ul>
 * Expected JSON for a current case: the case's request, plus {@code messaging_type} (RESPONSE, or MESSAGE_TAG when a
 * tag is present) when it is a message send without one, with numeric recipient identifiers sent as strings.
 * Form-encoded cases ({@code encoding: form}) are current: their {@code request} is the same request as JSON, and
 * the component always sends JSON (the component docs' Wire rules), which Meta accepts as well.
 */
class SendConformanceTest extends MessengerSendTestSupport {

    private static final String CORPUS_FILE = "send-cases.jsonl";
    private static final String MESSAGES_PATH = "/v24.0/" + PAGE_ID + "/messages";
    private static final String APP_SECRET = "conformance-app-secret-0123456789";
    /** Bounded: a send that gets no answer fails within this time instead of hanging the build. */
    private static final String TIMEOUTS = "connectTimeout=5000&requestTimeout=10000";

    private static final Set<String> OUT_OF_SCOPE_SCOPES = Set.of("message-only", "button-only");

    /** Recipient identifiers and the header that carries each. */
    private static final Map<String, String> RECIPIENT_HEADERS = Map.of(
            "id", MessengerSendConstants.RECIPIENT_ID,
            "user_ref", MessengerSendConstants.RECIPIENT_USER_REF,
            "phone_number", MessengerSendConstants.RECIPIENT_PHONE_NUMBER,
            "post_id", MessengerSendConstants.RECIPIENT_POST_ID,
            "comment_id", MessengerSendConstants.RECIPIENT_COMMENT_ID,
            "notification_messages_token", MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN);

    // summary, printed once all dynamic tests have run; a failure is remembered by its message on one line (the
    // message names the route already)
    private static final CorpusReport REPORT = new CorpusReport("send-cases", "cases with a failing route:", 400,
            (c, part, e) -> String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip());
    private static final CorpusReport.Counter CURRENT_CASES_RAN = REPORT.counter();
    private static final CorpusReport.Counter REQUESTS_ASSERTED = REPORT.counter();
    private static final CorpusReport.Counter RETIRED_REFUSED = REPORT.counter();
    private static final CorpusReport.Counter SKIPPED_CASES = REPORT.counter();
    private static final CorpusReport.Groups SKIP_REASONS = REPORT.groups();
    private static final CorpusReport.Groups ROUTE2_SKIP_REASONS = REPORT.groups();
    private static final CorpusReport.Groups RETIRED_REASONS = REPORT.groups();

    /** Route (2): headers and body, or why the case cannot be expressed that way. */
    private record HeaderRoute(Map<String, Object> headers, Object body, List<String> inexpressible) {
    }

    @TestFactory
    Stream<DynamicTest> sendCases() throws IOException {
        return REPORT.dynamicTests(CORPUS_FILE, OUT_OF_SCOPE_SCOPES, this::tests);
    }

    private List<DynamicTest> tests(List<Case> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            switch (c.classification().kind()) {
                case OUT_OF_SCOPE -> {
                    SKIP_REASONS.add(c.classification().reason(), c.index());
                    SKIPPED_CASES.increment();
                    String why = "out of scope: " + c.classification().reason() + " [" + c.classification().detail()
                            + "]";
                    tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: route 1 (whole request)",
                            () -> Assumptions.abort(why)));
                    tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: route 2 (message body + headers)",
                            () -> Assumptions.abort(why)));
                }
                case RETIRED -> {
                    RETIRED_REASONS.add(c.classification().reason(), c.index());
                    boolean[] refused = new boolean[2];
                    tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: route 1 (whole request) refused",
                            () -> REPORT.tracked(c, "route 1", () -> {
                                retiredWholeRequest(c);
                                refused[0] = true;
                                countRefusedWhenBoth(refused);
                            })));
                    tests.add(
                            DynamicTest.dynamicTest(c.displayPrefix() + " :: route 2 (message body + headers) refused",
                                    () -> REPORT.tracked(c, "route 2", () -> {
                                        retiredHeaderRoute(c);
                                        refused[1] = true;
                                        countRefusedWhenBoth(refused);
                                    })));
                }
                case CURRENT -> {
                    tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: route 1 (whole request)",
                            () -> {
                                CURRENT_CASES_RAN.increment();
                                REPORT.tracked(c, "route 1", () -> currentWholeRequest(c));
                            }));
                    tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: route 2 (message body + headers)",
                            () -> REPORT.tracked(c, "route 2", () -> currentHeaderRoute(c))));
                }
                default -> throw new IllegalStateException(c.classification().kind().name());
            }
        }
        return tests;
    }

    private static void countRefusedWhenBoth(boolean[] refused) {
        if (refused[0] && refused[1]) {
            RETIRED_REFUSED.increment();
        }
    }

    @AfterAll
    static void printSummary() {
        REPORT.print(out -> {
            out.append(String.format(Locale.ROOT,
                    "send-cases: %d current cases ran (%d requests asserted), %d retired refused, %d skipped%n",
                    CURRENT_CASES_RAN.get(), REQUESTS_ASSERTED.get(), RETIRED_REFUSED.get(), SKIPPED_CASES.get()));
            out.append("  corpus cases: ").append(REPORT.casesTotal()).append(System.lineSeparator());
            SKIP_REASONS.appendTo(out, "skipped (out of scope):");
            RETIRED_REASONS.appendTo(out, "retired (refused before sending, both routes):");
            ROUTE2_SKIP_REASONS.appendTo(out, "route 2 (headers) skipped for current cases:");
        });
    }

    // ----------------------------------------------------------------------------------------------------------------
    // current cases

    private void currentWholeRequest(Case c) throws Exception {
        graph.resetRequests();
        boolean withProof = c.hasFeature("appsecret_proof");
        String endpoint = withProof ? uri(TIMEOUTS + "&appSecret=RAW(" + APP_SECRET + ")") : uri(TIMEOUTS);
        Exchange exchange = sendTo(endpoint, JSON.writeValueAsString(c.request()), Map.of());
        assertThat(exchange.getException()).as("%s: route 1 failed", c.displayPrefix()).isNull();
        LoggedRequest sent = assertArrived(c, expectedWire(c.request()));
        if (withProof) {
            String proof = ConformanceCorpus.hmacSha256Hex(APP_SECRET, TOKEN);
            assertThat(sent.getUrl()).as("path and query").isEqualTo(MESSAGES_PATH + "?appsecret_proof=" + proof);
            assertThat(sent.queryParameter("appsecret_proof").firstValue()).isEqualTo(proof);
            assertThat(sent.getQueryParams().keySet()).containsExactly("appsecret_proof");
            assertThat(sent.getAbsoluteUrl()).doesNotContain(TOKEN).doesNotContain(APP_SECRET);
        } else {
            assertThat(sent.getUrl()).as("path, no query").isEqualTo(MESSAGES_PATH);
        }
        REQUESTS_ASSERTED.increment();
    }

    private void currentHeaderRoute(Case c) throws Exception {
        HeaderRoute route = headerRoute(c.request());
        if (!route.inexpressible().isEmpty()) {
            String reason = "fields with no CamelMessenger* header: " + String.join(", ", route.inexpressible());
            ROUTE2_SKIP_REASONS.add(reason, c.index());
            Assumptions.abort("route 2 skipped: " + reason + " (route 1 covers this case)");
        }
        graph.resetRequests();
        Exchange exchange = sendTo(uri(TIMEOUTS), route.body(), route.headers());
        assertThat(exchange.getException()).as("%s: route 2 failed (headers %s)", c.displayPrefix(), route.headers())
                .isNull();
        LoggedRequest sent = assertArrived(c, expectedWire(c.request()));
        assertThat(sent.getUrl()).as("path, no query").isEqualTo(MESSAGES_PATH);
        REQUESTS_ASSERTED.increment();
    }

    /** Exactly one POST arrived, with the bearer token, JSON content type and exactly this body. */
    private static LoggedRequest assertArrived(Case c, JsonNode expected) {
        List<LoggedRequest> all = received();
        assertThat(all).as("%s: requests received by the Graph API stand-in", c.displayPrefix()).hasSize(1);
        LoggedRequest sent = all.get(0);
        assertThat(sent.getMethod().getName()).isEqualTo("POST");
        assertThat(sent.getUrl().split("\\?", 2)[0]).as("path").isEqualTo(MESSAGES_PATH);
        assertThat(sent.getHeader("Authorization")).as("Authorization header").isEqualTo("Bearer " + TOKEN);
        assertThat(sent.getHeader("Content-Type")).as("Content-Type").startsWith("application/json");
        JsonNode actual = json(new String(sent.getBody(), StandardCharsets.UTF_8));
        assertThat((Object) actual).as("%s: JSON body on the wire", c.displayPrefix()).isEqualTo(expected);
        return sent;
    }

    /**
     * The JSON that must arrive for a current case: the case's request; a message send without messaging_type gets
     * MESSAGE_TAG when it has a tag and RESPONSE otherwise; numeric recipient identifiers become strings.
     */
    private static JsonNode expectedWire(ObjectNode request) {
        ObjectNode expected = ConformanceCorpus.withStringRecipientIds(request);
        if (!expected.has("sender_action") && !expected.has("messaging_type")) {
            expected.put("messaging_type", expected.hasNonNull("tag") ? "MESSAGE_TAG" : "RESPONSE");
        }
        return expected;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // retired cases

    private void retiredWholeRequest(Case c) throws Exception {
        graph.resetRequests();
        Exchange exchange = sendTo(uri(TIMEOUTS), JSON.writeValueAsString(c.request()), Map.of());
        assertRefused(c, exchange, "route 1");
    }

    private void retiredHeaderRoute(Case c) {
        HeaderRoute route = headerRoute(c.request());
        assertThat(route.inexpressible()).as("%s: fields with no header", c.displayPrefix()).isEmpty();
        graph.resetRequests();
        Exchange exchange = sendTo(uri(TIMEOUTS), route.body(), route.headers());
        assertRefused(c, exchange, "route 2 (headers " + route.headers() + ")");
    }

    private static void assertRefused(Case c, Exchange exchange, String route) {
        RefusedField field = c.classification().refusedField();
        assertThat(exchange.getException()).as("%s: %s must be refused before sending (%s)", c.displayPrefix(), route,
                c.classification().reason()).isInstanceOf(MessengerValidationException.class);
        MessengerValidationException refused = (MessengerValidationException) exchange.getException();
        List<Violation> matching = refused.getViolations().stream()
                .filter(v -> field.matches().test(v.field()))
                .toList();
        assertThat(matching).as("%s: %s: a violation naming %s among %s", c.displayPrefix(), route, field.label(),
                refused.getViolations()).isNotEmpty();
        assertThat(refused.getMessage()).as("exception message names the field").contains(matching.get(0).field());
        assertThat(received()).as("%s: %s: nothing may reach the Graph API", c.displayPrefix(), route).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // route (2): the request taken apart into a message body and headers

    private static HeaderRoute headerRoute(ObjectNode request) {
        Map<String, Object> headers = new LinkedHashMap<>();
        List<String> inexpressible = new ArrayList<>();
        Object body = null;
        boolean senderAction = request.has("sender_action");
        Iterator<Map.Entry<String, JsonNode>> fields = request.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "recipient" -> recipientHeaders(value, headers, inexpressible);
                case "messaging_type" -> scalarHeader(key, value, MessengerSendConstants.MESSAGING_TYPE, headers,
                        inexpressible);
                case "tag" -> scalarHeader(key, value, MessengerSendConstants.TAG, headers, inexpressible);
                case "notification_type" -> scalarHeader(key, value, MessengerSendConstants.NOTIFICATION_TYPE, headers,
                        inexpressible);
                case "persona_id" -> scalarHeader(key, value, MessengerSendConstants.PERSONA_ID, headers,
                        inexpressible);
                case "sender_action" -> scalarHeader(key, value, MessengerSendConstants.SENDER_ACTION, headers,
                        inexpressible);
                case "reply_to" -> {
                    if (value.isObject() && value.size() == 1 && value.path("mid").isValueNode()) {
                        headers.put(MessengerSendConstants.REPLY_TO, value.get("mid").asText());
                    } else {
                        inexpressible.add("reply_to (only reply_to.mid has a header)");
                    }
                }
                case "payload" -> {
                    if (!senderAction || !value.isObject()) {
                        inexpressible.add("payload (only the react/unreact payload has headers)");
                        break;
                    }
                    Iterator<Map.Entry<String, JsonNode>> payload = value.fields();
                    while (payload.hasNext()) {
                        Map.Entry<String, JsonNode> p = payload.next();
                        String header = switch (p.getKey()) {
                            case "message_id" -> MessengerSendConstants.REACTION_MESSAGE_ID;
                            case "reaction" -> MessengerSendConstants.REACTION;
                            default -> null;
                        };
                        if (header == null || !p.getValue().isValueNode()) {
                            inexpressible.add("payload." + p.getKey());
                        } else {
                            headers.put(header, p.getValue().asText());
                        }
                    }
                }
                case "message" -> body = toJsonString(value);
                default -> inexpressible.add("top-level '" + key + "'");
            }
        }
        if (senderAction) {
            // with a sender action header the body is ignored: send something that would be wrong if it were used
            body = "this body must be ignored: a sender action carries no message";
        }
        return new HeaderRoute(headers, body, inexpressible);
    }

    private static void recipientHeaders(JsonNode recipient, Map<String, Object> headers, List<String> inexpressible) {
        if (!recipient.isObject()) {
            inexpressible.add("recipient (not an object)");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = recipient.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String header = RECIPIENT_HEADERS.get(key);
            if (header != null && value.isValueNode()) {
                headers.put(header, value.asText());
            } else if ("name".equals(key) && value.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> names = value.fields();
                while (names.hasNext()) {
                    Map.Entry<String, JsonNode> name = names.next();
                    switch (name.getKey()) {
                        case "first_name" -> headers.put(MessengerSendConstants.RECIPIENT_FIRST_NAME,
                                name.getValue().asText());
                        case "last_name" -> headers.put(MessengerSendConstants.RECIPIENT_LAST_NAME,
                                name.getValue().asText());
                        default -> inexpressible.add("recipient.name." + name.getKey());
                    }
                }
            } else {
                inexpressible.add("recipient." + key);
            }
        }
    }

    private static void scalarHeader(String key, JsonNode value, String header, Map<String, Object> headers,
                                     List<String> inexpressible) {
        if (value.isValueNode() && !value.isNull()) {
            headers.put(header, value.asText());
        } else {
            inexpressible.add(key + " (not a scalar)");
        }
    }

    private static String toJsonString(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
