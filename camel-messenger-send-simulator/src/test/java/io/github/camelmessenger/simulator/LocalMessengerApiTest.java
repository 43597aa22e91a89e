package io.github.camelmessenger.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the local Messenger page reads: the conversation log at {@code /local/api/updates}, with what the Page sent,
 * failed to send and did, and the person's actions with the app's answer; and the page itself at the root URL.
 */
class LocalMessengerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create();

    @Test
    void theLogHoldsSendsFailuresAndSenderActionsInOrder() throws Exception {
        graph("{\"recipient\":{\"id\":\"p1\"},\"sender_action\":\"typing_on\"}");
        graph("{\"recipient\":{\"id\":\"p1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"attachment\":{\"type\":"
                + "\"template\",\"payload\":{\"template_type\":\"receipt\",\"recipient_name\":\"Ann\"}}}}");
        graph("{\"recipient\":{\"id\":\"p1\"},\"sender_action\":\"mark_seen\"}");
        graph("{\"recipient\":{\"id\":\"sim-blocked\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"x\"}}");

        JsonNode answer = get("/local/api/updates?after=0");

        assertThat(answer.path("seq").asLong()).isEqualTo(4);
        JsonNode updates = answer.path("updates");
        assertThat(updates).hasSize(4);
        assertThat(updates.get(0).path("type").asText()).isEqualTo("typing");
        assertThat(updates.get(0).path("on").asBoolean()).isTrue();
        assertThat(updates.get(0).path("pageId").asText()).isEqualTo(GraphSimulator.DEFAULT_PAGE_ID);
        JsonNode receipt = updates.get(1);
        assertThat(receipt.path("type").asText()).isEqualTo("message");
        assertThat(receipt.path("from").asText()).isEqualTo("page");
        assertThat(receipt.path("kind").asText()).isEqualTo("receipt");
        assertThat(receipt.path("psid").asText()).isEqualTo("p1");
        assertThat(receipt.path("mid").asText()).startsWith("m_sim");
        assertThat(receipt.path("message").path("attachment").path("payload").path("recipient_name").asText())
                .isEqualTo("Ann");
        assertThat(updates.get(2).path("type").asText()).isEqualTo("seen");
        JsonNode failed = updates.get(3);
        assertThat(failed.path("kind").asText()).isEqualTo("error");
        assertThat(failed.path("psid").asText()).isEqualTo("sim-blocked");
        assertThat(failed.path("error").path("code").asInt()).isEqualTo(551);
        assertThat(failed.path("error").path("subcode").asInt()).isEqualTo(1545041);
        assertThat(failed.path("error").path("message").asText())
                .isEqualTo("(#551) This person isn't available right now.");

        JsonNode later = get("/local/api/updates?after=3").path("updates");
        assertThat(later).hasSize(1);
        assertThat(later.get(0).path("seq").asLong()).isEqualTo(4);
    }

    @Test
    void aPersonaAndAnUploadedFileAreResolvedForThePage() throws Exception {
        String persona = graphAt("/v23.0/" + GraphSimulator.DEFAULT_PAGE_ID + "/personas",
                "{\"name\":\"Ana from support\",\"profile_picture_url\":\"https://example.com/ana.png\"}")
                .path("id").asText();
        String attachment = graphAt("/v23.0/me/message_attachments", "{\"message\":{\"attachment\":{\"type\":"
                + "\"image\",\"payload\":{\"url\":\"https://example.com/cat.png\",\"is_reusable\":true}}}}")
                .path("attachment_id").asText();
        graph("{\"recipient\":{\"id\":\"p2\"},\"messaging_type\":\"RESPONSE\",\"persona_id\":\"" + persona + "\","
                + "\"message\":{\"attachment\":{\"type\":\"image\",\"payload\":{\"attachment_id\":\"" + attachment
                + "\"}}}}");

        JsonNode update = get("/local/api/updates?after=0").path("updates").get(0);

        assertThat(update.path("kind").asText()).isEqualTo("image");
        assertThat(update.path("resolvedUrl").asText()).isEqualTo("https://example.com/cat.png");
        assertThat(update.path("persona").path("name").asText()).isEqualTo("Ana from support");
        assertThat(update.path("persona").path("picture").asText()).isEqualTo("https://example.com/ana.png");
    }

    @Test
    void thePersonsActionsAreLoggedWithTheWebhookOutcome() throws Exception {
        HttpResponse<String> said = post("/local/api/say", "{\"psid\":\"p3\",\"text\":\"hello\"}");
        assertThat(said.statusCode()).isEqualTo(202);
        String mid = JSON.readTree(said.body()).path("mid").asText();
        assertThat(mid).startsWith("m_");

        JsonNode updates = awaitUpdates(2);
        assertThat(updates.get(0).path("from").asText()).isEqualTo("person");
        assertThat(updates.get(0).path("mid").asText()).isEqualTo(mid);
        assertThat(updates.get(0).path("message").path("text").asText()).isEqualTo("hello");
        assertThat(updates.get(1).path("type").asText()).isEqualTo("webhook");
        assertThat(updates.get(1).path("mid").asText()).isEqualTo(mid);
        // no webhook is configured in this test: nothing was delivered
        assertThat(updates.get(1).path("status").asInt()).isZero();
        assertThat(updates.get(1).path("error").asText()).isEqualTo("no webhook is configured");
    }

    @Test
    void badActionsAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> noPsid = post("/local/api/say", "{\"text\":\"hello\"}");
        assertThat(noPsid.statusCode()).isEqualTo(400);
        assertThat(noPsid.body()).contains("psid is required");
        HttpResponse<String> noText = post("/local/api/say", "{\"psid\":\"p\"}");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("text is required");
        assertThat(post("/local/api/wave", "{\"psid\":\"p\"}").statusCode()).isEqualTo(404);
        assertThat(post("/local/api/say", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void theRootUrlServesThePage() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(messenger.baseUri() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.body()).contains("/local/app.js");
    }

    private JsonNode awaitUpdates(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode updates = get("/local/api/updates?after=0").path("updates");
        while (updates.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            updates = get("/local/api/updates?after=0").path("updates");
        }
        assertThat(updates).hasSize(count);
        return updates;
    }

    private static void graph(String json) throws Exception {
        graphAt("/v23.0/me/messages", json);
    }

    private static JsonNode graphAt(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(messenger.baseUri() + path))
                .header("Authorization", "Bearer " + messenger.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(messenger.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(messenger.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
