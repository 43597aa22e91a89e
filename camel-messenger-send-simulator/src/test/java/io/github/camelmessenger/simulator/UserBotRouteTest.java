package io.github.camelmessenger.simulator;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complete test of a user's bot that the simulator's docs show: the two-line bot on camel-main, the simulator as
 * Meta, the person saying hi, and the reply asserted as Meta received it.
 */
class UserBotRouteTest {

    @RegisterExtension
    static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create();

    static Main app;

    @BeforeAll
    static void startTheBot() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        app = new Main();
        app.addInitialProperty("camel.server.enabled", "true");
        app.addInitialProperty("camel.server.port", String.valueOf(port));
        app.addInitialProperty("messenger.baseUri", messenger.baseUri());
        app.addInitialProperty("messenger.token", messenger.token());
        app.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-webhook:bot?verifyToken=test-verify&appSecret=test-secret&events=message")
                        .setBody(simple("You said: ${header.CamelMessengerEventText}"))
                        .to("messenger-send:me?accessToken={{messenger.token}}&baseUri={{messenger.baseUri}}");
            }
        });
        app.start();
        messenger.webhook(WebhookSubscription.of("http://localhost:" + port + "/bot", "test-verify", "test-secret"));
    }

    @AfterAll
    static void stopTheBot() {
        app.stop();
    }

    @Test
    void theBotAnswersWhatThePersonSaid() throws Exception {
        WebhookCall call = messenger.say("psid-1", "hi");

        assertThat(call.status()).isEqualTo(200);
        List<AcceptedMessage> replies = messenger.awaitSentTo("psid-1", 1, Duration.ofSeconds(10));
        assertThat(replies.get(0).pageId()).isEqualTo(messenger.pageId());
        assertThat(replies.get(0).request()).isEqualTo(new ObjectMapper().readTree(
                "{\"recipient\":{\"id\":\"psid-1\"},\"messaging_type\":\"RESPONSE\","
                        + "\"message\":{\"text\":\"You said: hi\"}}"));
    }

    @Test
    void aForgedCallRoutesNothing() throws Exception {
        String event = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":"
                + "\"psid-2\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":1,\"message\":{\"mid\":\"m_1\","
                + "\"text\":\"hi\"}}]}]}";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest forged = HttpRequest
                .newBuilder(URI.create(messenger.simulator().webhookUrl()))
                .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex("not-the-secret", event))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build();

        assertThat(http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(messenger.sentTo("psid-2")).isEmpty();
    }
}
