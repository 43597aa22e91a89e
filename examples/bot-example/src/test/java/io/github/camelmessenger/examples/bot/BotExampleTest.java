package io.github.camelmessenger.examples.bot;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.AcceptedMessage;
import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import io.github.camelmessenger.simulator.WebhookCall;
import io.github.camelmessenger.simulator.WebhookSubscription;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order bot on camel-main, talked to through the local Messenger: the person says hi, taps "Track my order",
 * presses "Cancel order", and each time the bot marks the message seen, types, and answers.
 */
class BotExampleTest {

    private static final String VERIFY_TOKEN = "test-verify-token";
    private static final String APP_SECRET = "test-app-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create();

    private static Main bot;
    private static int port;

    @BeforeAll
    static void startTheBot() throws Exception {
        port = freePort();
        bot = BotApp.bot(Map.of("camel.server.port", String.valueOf(port), "bot.baseUri", messenger.baseUri(),
                "bot.accessToken", messenger.token(), "bot.verifyToken", VERIFY_TOKEN, "bot.appSecret", APP_SECRET));
        bot.start();
    }

    @AfterAll
    static void stopTheBot() {
        if (bot != null) {
            bot.stop();
        }
    }

    @BeforeEach
    void subscribe() {
        messenger.webhook(WebhookSubscription.of("http://localhost:" + port + "/messenger", VERIFY_TOKEN, APP_SECRET));
    }

    @Test
    void greetsThenShowsTheOrderThenCancelsIt() throws Exception {
        WebhookCall hi = messenger.say("psid-1", "hi");

        assertThat(hi.status()).isEqualTo(200);
        assertRequests(messenger.awaitSentTo("psid-1", 3, WAIT),
                seen("psid-1"),
                typing("psid-1"),
                """
                        {"recipient":{"id":"psid-1"},"messaging_type":"RESPONSE",
                         "message":{"text":"Hi! I am the order bot. What can I do for you?",
                                    "quick_replies":[
                                      {"content_type":"text","title":"Track my order","payload":"ORDER_STATUS"},
                                      {"content_type":"text","title":"Talk to a human","payload":"HUMAN"}]}}""");

        WebhookCall track = messenger.tap("psid-1", "ORDER_STATUS");

        assertThat(track.status()).isEqualTo(200);
        assertRequests(messenger.awaitSentTo("psid-1", 6, WAIT).subList(3, 6),
                seen("psid-1"),
                typing("psid-1"),
                """
                        {"recipient":{"id":"psid-1"},"messaging_type":"RESPONSE",
                         "message":{"attachment":{"type":"template","payload":{
                           "template_type":"button",
                           "text":"Order #1234 has shipped and arrives on Friday.",
                           "buttons":[
                             {"type":"postback","title":"Cancel order","payload":"CANCEL_1234"},
                             {"type":"web_url","title":"Track parcel","url":"https://shop.example.com/orders/1234"}]}}}}""");

        WebhookCall cancel = messenger.press("psid-1", "CANCEL_1234");

        assertThat(cancel.status()).isEqualTo(200);
        assertRequests(messenger.awaitSentTo("psid-1", 9, WAIT).subList(6, 9),
                seen("psid-1"),
                typing("psid-1"),
                """
                        {"recipient":{"id":"psid-1"},"messaging_type":"RESPONSE",
                         "message":{"text":"Order #1234 is cancelled. The refund is on its way."}}""");
    }

    @Test
    void talkToAHuman() throws Exception {
        assertThat(messenger.say("psid-2", "hello").status()).isEqualTo(200);
        messenger.awaitSentTo("psid-2", 3, WAIT);

        assertThat(messenger.tap("psid-2", "HUMAN").status()).isEqualTo(200);

        assertRequests(messenger.awaitSentTo("psid-2", 6, WAIT).subList(3, 6),
                seen("psid-2"),
                typing("psid-2"),
                """
                        {"recipient":{"id":"psid-2"},"messaging_type":"RESPONSE",
                         "message":{"text":"Someone from our team will answer you here shortly."}}""");
    }

    @Test
    void repliesComeFromThePageThatReceivedTheMessage() {
        messenger.say("psid-3", "hi");

        assertThat(messenger.awaitSentTo("psid-3", 3, WAIT)).extracting(AcceptedMessage::pageId)
                .containsOnly(messenger.pageId());
    }

    private static String seen(String psid) {
        return "{\"recipient\":{\"id\":\"" + psid + "\"},\"sender_action\":\"mark_seen\"}";
    }

    private static String typing(String psid) {
        return "{\"recipient\":{\"id\":\"" + psid + "\"},\"sender_action\":\"typing_on\"}";
    }

    private static void assertRequests(List<AcceptedMessage> sent, String... expected) throws IOException {
        assertThat(sent).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            JsonNode want = JSON.readTree(expected[i]);
            assertThat(sent.get(i).request()).as("send %d", i + 1).isEqualTo(want);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
