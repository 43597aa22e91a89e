package io.github.camelmessenger.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit as a user's test meets it: a simulator per class, the app's webhook subscribed, the person's actions
 * arriving signed at the app exactly as Meta sends them, sends recorded per recipient with awaits, latency.
 */
class MessengerSimulatorExtensionTest {

    private static final String VERIFY_TOKEN = "verify-me";
    private static final String APP_SECRET = "app-secret-of-the-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create();

    private static RecordingApp app;

    @BeforeAll
    static void startApp() throws Exception {
        app = new RecordingApp(VERIFY_TOKEN);
        messenger.webhook(WebhookSubscription.of(app.url(), VERIFY_TOKEN, APP_SECRET));
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void subscribingPerformsMetasCheckFirst() {
        RecordingApp.Received check = app.received().get(0);
        assertThat(check.method()).isEqualTo("GET");
        assertThat(check.query()).containsEntry("hub.mode", "subscribe").containsEntry("hub.verify_token", VERIFY_TOKEN)
                .containsKey("hub.challenge");
    }

    @Test
    void aWrongVerifyTokenFailsTheSubscription() {
        assertThatThrownBy(() -> messenger.webhook(WebhookSubscription.of(app.url(), "not-it", APP_SECRET)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed the subscription check")
                .hasMessageContaining("403").hasMessageNotContaining("not-it");
    }

    @Test
    void sayDeliversASignedMessageEvent() throws Exception {
        int before = app.received().size();

        WebhookCall call = messenger.say("psid-7", "hi there");

        assertThat(call.status()).isEqualTo(200);
        RecordingApp.Received post = app.received().get(before);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.body()).isEqualTo(call.requestBody());
        assertThat(post.signature()).isEqualTo("sha256=" + Signatures.hmacSha256Hex(APP_SECRET, post.body()));
        JsonNode root = JSON.readTree(post.body());
        assertThat(root.path("object").asText()).isEqualTo("page");
        JsonNode entry = root.path("entry").get(0);
        assertThat(entry.path("id").asText()).isEqualTo(GraphSimulator.DEFAULT_PAGE_ID);
        assertThat(entry.path("time").asLong()).isPositive();
        JsonNode event = entry.path("messaging").get(0);
        assertThat(event.path("sender").path("id").asText()).isEqualTo("psid-7");
        assertThat(event.path("recipient").path("id").asText()).isEqualTo(GraphSimulator.DEFAULT_PAGE_ID);
        assertThat(event.path("timestamp").asLong()).isPositive();
        assertThat(event.path("message").path("mid").asText()).startsWith("m_").hasSizeGreaterThan(20);
        assertThat(event.path("message").path("text").asText()).isEqualTo("hi there");
        assertThat(event.path("message").size()).isEqualTo(2);
    }

    @Test
    void tapAndPressCarryThePayloadWithTheTitleThePageOffered() throws Exception {
        send("{\"recipient\":{\"id\":\"psid-8\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Pick\","
                + "\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Track my order\",\"payload\":\"TRACK\"}]}}");
        send("{\"recipient\":{\"id\":\"psid-8\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"attachment\":"
                + "{\"type\":\"template\",\"payload\":{\"template_type\":\"button\",\"text\":\"Order 1\",\"buttons\":"
                + "[{\"type\":\"postback\",\"title\":\"Cancel order\",\"payload\":\"CANCEL_1\"}]}}}}");

        JsonNode tap = event(messenger.tap("psid-8", "TRACK"));
        JsonNode press = event(messenger.press("psid-8", "CANCEL_1"));

        assertThat(tap.path("message").path("text").asText()).isEqualTo("Track my order");
        assertThat(tap.path("message").path("quick_reply").path("payload").asText()).isEqualTo("TRACK");
        assertThat(press.path("postback").path("title").asText()).isEqualTo("Cancel order");
        assertThat(press.path("postback").path("payload").asText()).isEqualTo("CANCEL_1");
        assertThat(press.path("postback").path("mid").asText()).startsWith("m_");
        assertThat(press.has("message")).isFalse();
    }

    @Test
    void reactNamesTheMessageAndMetasReactionName() throws Exception {
        String mid = send("{\"recipient\":{\"id\":\"psid-9\"},\"messaging_type\":\"RESPONSE\","
                + "\"message\":{\"text\":\"Your order shipped\"}}");

        JsonNode reaction = event(messenger.react("psid-9", mid, "\u2764")).path("reaction");

        assertThat(reaction.path("mid").asText()).isEqualTo(mid);
        assertThat(reaction.path("action").asText()).isEqualTo("react");
        assertThat(reaction.path("reaction").asText()).isEqualTo("love");
        assertThat(reaction.path("emoji").asText()).isEqualTo("\u2764");
    }

    @Test
    void anAppThatFailsIsReportedWithItsStatus() {
        app.answer(500);
        try {
            WebhookCall call = messenger.say("psid-10", "anyone?");
            assertThat(call.status()).isEqualTo(500);
            assertThat(call.accepted()).isFalse();
        } finally {
            app.answer(200);
        }
    }

    @Test
    void sendsAreRecordedPerRecipientInOrderAndAwaited() throws Exception {
        send("{\"recipient\":{\"id\":\"a\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"1\"}}");
        send("{\"recipient\":{\"id\":\"b\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"x\"}}");
        send("{\"recipient\":{\"id\":\"a\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"2\"}}");

        List<AcceptedMessage> toA = messenger.awaitSentTo("a", 2, Duration.ofSeconds(5));

        assertThat(toA).extracting(AcceptedMessage::text).containsExactly("1", "2");
        assertThat(messenger.sentTo("b")).extracting(AcceptedMessage::text).containsExactly("x");
        assertThatThrownBy(() -> messenger.awaitSentTo("b", 2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected 2 sends to b").hasMessageContaining(
                        "got 1");
    }

    @Test
    void eachTestStartsFromNothing() {
        assertThat(messenger.sentTo("a")).isEmpty();
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        messenger.latency(Latency.fixed(Duration.ofMillis(300)));
        long start = System.nanoTime();
        send("{\"recipient\":{\"id\":\"slow\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"1\"}}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void rateLimitAnswers613() throws Exception {
        messenger.rateLimit(1);
        String body = "{\"recipient\":{\"id\":\"r\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"1\"}}";
        assertThat(post(body).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = post(body);
        assertThat(limited.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(limited.body()).path("error").path("code").asInt()).isEqualTo(613);
    }

    private static JsonNode event(WebhookCall call) throws Exception {
        assertThat(call.status()).isEqualTo(200);
        return JSON.readTree(call.requestBody()).path("entry").get(0).path("messaging").get(0);
    }

    private static String send(String json) throws Exception {
        HttpResponse<String> answer = post(json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("message_id").asText();
    }

    private static HttpResponse<String> post(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(messenger.baseUri() + "/v23.0/me/messages"))
                .header("Authorization", "Bearer " + messenger.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
