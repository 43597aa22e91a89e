package io.github.camelmessenger.send;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.graph.AppSecretProof;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code appsecret_proof}: the component's HMAC against the shared vectors ({@code crypto-vectors.json}, skipped when
 * the corpus is absent), and a route that sends with {@code appSecret} set, checked on the wire.
 */
class AppSecretProofConformanceTest extends MessengerSendTestSupport {

    private static final String APP_SECRET = "route-test-app-secret-9876543210";

    @TestFactory
    Stream<DynamicTest> appSecretProofVectors() throws IOException {
        ConformanceCorpus.Located corpus = ConformanceCorpus.locate("crypto-vectors.json");
        if (!corpus.present()) {
            return corpus.absentAsSkippedTest();
        }
        Path file = corpus.file();
        JsonNode vectors = JSON.readTree(file.toFile()).path("appsecret_proof");
        if (!vectors.isArray() || vectors.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no appsecret_proof vectors",
                    () -> Assumptions.abort(file + " has no appsecret_proof entries")));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode vector = vectors.get(i);
            String secret = vector.path("app_secret").asText();
            String token = vector.path("access_token").asText();
            String proof = vector.path("proof").asText();
            String name = String.format(Locale.ROOT, "#%d appsecret_proof(secret %s, token %s) from %s", i, secret,
                    token, vector.path("source").asText("?"));
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertThat(proof).as("vector proof is lower-case hex SHA-256").matches("[0-9a-f]{64}");
                assertThat(AppSecretProof.of(secret, token)).isEqualTo(proof);
                // the vector agrees with an independent computation too
                assertThat(ConformanceCorpus.hmacSha256Hex(secret, token)).isEqualTo(proof);
            }));
        }
        return tests.stream();
    }

    @Test
    void proofTravelsAsQueryParameterAndTokenStaysOutOfTheUrl() {
        graph.resetRequests();
        String endpoint = uri("appSecret=RAW(" + APP_SECRET + ")&connectTimeout=5000&requestTimeout=10000");
        Exchange exchange = sendTo(endpoint, "Hello!", Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));
        assertThat(exchange.getException()).isNull();

        LoggedRequest sent = onlyRequest();
        String proof = ConformanceCorpus.hmacSha256Hex(APP_SECRET, TOKEN);
        assertThat(sent.getUrl()).isEqualTo("/v24.0/" + PAGE_ID + "/messages?appsecret_proof=" + proof);
        assertThat(sent.queryParameter("appsecret_proof").firstValue()).isEqualTo(proof);
        assertThat(sent.getQueryParams().keySet()).containsExactly("appsecret_proof");
        assertThat(sent.getAbsoluteUrl()).doesNotContain(TOKEN).doesNotContain("access_token")
                .doesNotContain(APP_SECRET);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(bodyOf(sent).toString()).doesNotContain(TOKEN).doesNotContain(APP_SECRET);
        assertThat((Object) bodyOf(sent)).isEqualTo(
                json("{\"recipient\":{\"id\":\"42\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hello!\"}}"));
    }
}
