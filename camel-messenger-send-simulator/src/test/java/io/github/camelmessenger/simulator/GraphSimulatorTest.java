package io.github.camelmessenger.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers like Meta: accepted sends, token and proof checks, Meta's error bodies, scenario recipients,
 * and the per-Page rate limit.
 */
class GraphSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT_TO = "{\"recipient\":{\"id\":\"%s\"},\"messaging_type\":\"RESPONSE\","
            + "\"message\":{\"text\":\"%s\"}}";
    private final HttpClient http = HttpClient.newHttpClient();
    private GraphSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void acceptsAndRecordsASend() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());

        HttpResponse<String> answer =
                post("/v24.0/me/messages", GraphSimulator.DEFAULT_TOKEN, TEXT_TO.formatted("42", "hi"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("recipient_id").asText()).isEqualTo("42");
        assertThat(body.path("message_id").asText()).startsWith("m_sim");
        assertThat(simulator.accepted()).singleElement().satisfies(m -> {
            assertThat(m.pageId()).isEqualTo("me");
            assertThat(m.text()).isEqualTo("hi");
            assertThat(m.messageId()).isEqualTo(body.path("message_id").asText());
        });
    }

    @Test
    void refusesAWrongTokenAndAWrongProof() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults().withAppSecret("secret"));

        HttpResponse<String> badToken = post("/v24.0/1/messages", "nope", TEXT_TO.formatted("42", "hi"));
        assertThat(badToken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badToken.body()).path("error").path("code").asInt()).isEqualTo(190);

        HttpResponse<String> noProof =
                post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN, TEXT_TO.formatted("42", "hi"));
        assertThat(JSON.readTree(noProof.body()).path("error").path("message").asText()).contains("appsecret_proof");

        String proof = hmac("secret", GraphSimulator.DEFAULT_TOKEN);
        HttpResponse<String> proved = post("/v24.0/1/messages?appsecret_proof=" + proof, GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted("42", "hi"));
        assertThat(proved.statusCode()).isEqualTo(200);
        assertThat(simulator.accepted()).hasSize(1);
    }

    @Test
    void answersMetasErrorsForInvalidRequestsAndScenarioRecipients() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());

        assertError(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN, "{\"message\":{\"text\":\"x\"}}"), 100, 0);
        assertError(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                "{\"recipient\":{\"id\":\"1\"},\"sender_action\":\"typing_on\",\"message\":{\"text\":\"x\"}}"), 100,
                2018014);
        assertError(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted(ScenarioRecipients.BLOCKED, "x")), 551, 1545041);
        assertError(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted(ScenarioRecipients.UNKNOWN, "x")), 100, 2018001);
        assertError(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted(ScenarioRecipients.OUTSIDE_WINDOW, "x")), 10, 2018278);

        HttpResponse<String> firstTry = post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted(ScenarioRecipients.TRANSIENT, "retry me"));
        assertThat(firstTry.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(firstTry.body()).path("error").path("is_transient").asBoolean()).isTrue();
        assertThat(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN,
                TEXT_TO.formatted(ScenarioRecipients.TRANSIENT, "retry me")).statusCode()).isEqualTo(200);
        assertThat(simulator.accepted()).hasSize(1);
    }

    @Test
    void rateLimitsEachPageWithTheUsageHeader() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults().withRateLimit(3));

        for (int i = 0; i < 3; i++) {
            assertThat(post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN, TEXT_TO.formatted("42", "m" + i))
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited =
                post("/v24.0/1/messages", GraphSimulator.DEFAULT_TOKEN, TEXT_TO.formatted("42", "m3"));
        HttpResponse<String> otherPage =
                post("/v24.0/2/messages", GraphSimulator.DEFAULT_TOKEN, TEXT_TO.formatted("42", "m4"));

        assertError(limited, 613, 0);
        assertThat(limited.headers().firstValue("X-Business-Use-Case-Usage")).hasValueSatisfying(
                usage -> assertThat(usage).contains("estimated_time_to_regain_access"));
        assertThat(otherPage.statusCode()).isEqualTo(200);
        // every call that reached the Page's messages edge is timed, the refused one too; the accepted list is not
        assertThat(simulator.sendCallTimes("1")).hasSize(4).isSorted();
        assertThat(simulator.sendCallTimes("2")).hasSize(1);
        assertThat(simulator.accepted()).hasSize(4);
        simulator.reset();
        assertThat(simulator.sendCallTimes("1")).isEmpty();
    }

    @Test
    void acceptsAFileSentAsMultipartAndNeedsItsFilename() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
        Map<String, String> fields = Map.of("recipient", "{\"id\":\"42\"}", "messaging_type", "RESPONSE",
                "message", "{\"attachment\":{\"type\":\"image\",\"payload\":{\"is_reusable\":true}}}");

        HttpResponse<String> sent = multipart("/v24.0/1/messages", fields, "photo.png");
        HttpResponse<String> nameless = multipart("/v24.0/1/messages", fields, null);

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(sent.body());
        assertThat(answer.path("message_id").asText()).startsWith("m_sim");
        assertThat(answer.path("attachment_id").asText()).matches("[0-9]+");
        assertThat(simulator.accepted()).singleElement().satisfies(m -> {
            assertThat(m.recipientId()).isEqualTo("42");
            assertThat(m.request().path("filedata").path("filename").asText()).isEqualTo("photo.png");
            assertThat(m.request().path("filedata").path("bytes").asInt()).isEqualTo(4);
        });
        assertError(nameless, 100, 2018005);
    }

    @Test
    void answersTheTokenCheck() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());

        HttpResponse<String> me = call("GET", "/v24.0/me?fields=id,name");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("name").asText()).isEqualTo("Simulated Page");
    }

    @Test
    void uploadsAnAttachmentByUrlOrFile() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());

        HttpResponse<String> byUrl = post("/v24.0/1/message_attachments", GraphSimulator.DEFAULT_TOKEN,
                "{\"message\":{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"https://x.example/a.png\","
                        + "\"is_reusable\":true}}}}");
        HttpResponse<String> byFile = multipart("/v24.0/1/message_attachments", Map.of("message",
                "{\"attachment\":{\"type\":\"file\",\"payload\":{\"is_reusable\":true}}}"), "terms.pdf");
        HttpResponse<String> neither = post("/v24.0/1/message_attachments", GraphSimulator.DEFAULT_TOKEN,
                "{\"message\":{\"attachment\":{\"type\":\"image\",\"payload\":{}}}}");

        String first = JSON.readTree(byUrl.body()).path("attachment_id").asText();
        String second = JSON.readTree(byFile.body()).path("attachment_id").asText();
        assertThat(first).matches("[0-9]+");
        assertThat(second).matches("[0-9]+").isNotEqualTo(first);
        assertError(neither, 100, 0);
    }

    @Test
    void keepsPersonasPerPage() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());

        String id = JSON.readTree(post("/v24.0/1/personas", GraphSimulator.DEFAULT_TOKEN,
                "{\"name\":\"Ana\",\"profile_picture_url\":\"https://x.example/a.png\"}").body()).path("id").asText();
        JsonNode listed = JSON.readTree(call("GET", "/v24.0/1/personas").body());
        JsonNode otherPage = JSON.readTree(call("GET", "/v24.0/2/personas").body());
        HttpResponse<String> deleted = call("DELETE", "/v24.0/" + id);
        HttpResponse<String> again = call("DELETE", "/v24.0/" + id);

        assertThat(listed).isEqualTo(JSON.readTree("{\"data\":[{\"name\":\"Ana\",\"profile_picture_url\":"
                + "\"https://x.example/a.png\",\"id\":\"" + id + "\"}]}"));
        assertThat(otherPage.path("data")).isEmpty();
        assertThat(JSON.readTree(deleted.body()).path("success").asBoolean()).isTrue();
        assertError(again, 100, 33);
        assertError(post("/v24.0/1/personas", GraphSimulator.DEFAULT_TOKEN, "{}"), 100, 0);
    }

    private static void assertError(HttpResponse<String> answer, int code, int subcode) throws Exception {
        assertThat(answer.statusCode()).isGreaterThanOrEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(code);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(subcode);
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .header("Authorization", "Bearer " + GraphSimulator.DEFAULT_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart POST with text fields and a four-byte filedata part (without a filename when it is null). */
    private HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName) throws Exception {
        String boundary = "simulatorTestBoundary";
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"filedata\"")
                .append(fileName == null ? "" : "; filename=\"" + fileName + "\"").append("\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n").append("abcd\r\n")
                .append("--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .header("Authorization", "Bearer " + GraphSimulator.DEFAULT_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String secret, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }
}
