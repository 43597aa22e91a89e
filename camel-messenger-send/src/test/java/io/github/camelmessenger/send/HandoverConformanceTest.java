package io.github.camelmessenger.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handover cases of the shared conformance corpus ({@code send-cases.jsonl}, endpoints
 * {@code /me/*_thread_control}): each is sent through the headers, and the exact JSON and path that arrive and the
 * body Meta's answer makes are asserted. Skipped when the corpus is absent.
 */
class HandoverConformanceTest extends MessengerSendTestSupport {

    private static final Map<String, MessengerOperation> OPERATIONS = Map.of(
            "pass_thread_control", MessengerOperation.passThreadControl,
            "take_thread_control", MessengerOperation.takeThreadControl,
            "request_thread_control", MessengerOperation.requestThreadControl);

    @TestFactory
    Stream<DynamicTest> handoverCases() throws IOException {
        ConformanceCorpus.Located corpus = ConformanceCorpus.locate("send-cases.jsonl");
        if (!corpus.present()) {
            return corpus.absentAsSkippedTest();
        }
        List<JsonNode> cases = Files.readAllLines(corpus.file(), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(MessengerSendTestSupport::json)
                .filter(c -> c.path("endpoint").asText().endsWith("_thread_control")).toList();
        assertThat(cases).as("handover cases in the corpus").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.path("case").asText(), () -> sendsExactly(c)));
    }

    private void sendsExactly(JsonNode c) {
        graph.resetAll();
        String endpoint = c.path("endpoint").asText();
        String pageId = endpoint.split("/")[1];
        String edge = endpoint.substring(endpoint.lastIndexOf('/') + 1);
        graph.stubFor(post(urlPathMatching("/v24.0/" + pageId + "/" + edge)).willReturn(okJson(
                c.path("response").toString())));
        JsonNode request = c.path("request");
        Map<String, Object> headers = new HashMap<>();
        headers.put(MessengerSendConstants.PAGE_ID, pageId);
        headers.put(MessengerSendConstants.OPERATION, OPERATIONS.get(edge));
        headers.put(MessengerSendConstants.RECIPIENT_ID, request.path("recipient").path("id").asText());
        if (request.has("target_app_id")) {
            headers.put(MessengerSendConstants.TARGET_APP_ID, request.get("target_app_id").asText());
        }
        if (request.has("metadata")) {
            headers.put(MessengerSendConstants.HANDOVER_METADATA, request.get("metadata").asText());
        }

        Exchange exchange = sendTo(uri(""), null, headers);

        assertThat(exchange.getException()).isNull();
        LoggedRequest sent = onlyRequest();
        assertThat(sent.getUrl()).isEqualTo("/v24.0/" + pageId + "/" + edge);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(bodyOf(sent)).isEqualTo(request);
        assertThat(exchange.getMessage().getBody()).isEqualTo(c.path("response").path("success").asBoolean());
    }
}
