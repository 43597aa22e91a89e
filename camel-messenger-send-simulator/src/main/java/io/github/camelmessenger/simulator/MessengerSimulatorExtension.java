package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The simulator as a JUnit 5 extension: Meta's Graph API and the person at the other end, on a free port, for the
 * tests of a Messenger app.
 *
 * <pre>
 * &#64;RegisterExtension
 * static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create().latency(Latency.fixed(ms(50)));
 *
 * // point the app at messenger.baseUri() with messenger.token(); then, once the app listens:
 * messenger.webhook(WebhookSubscription.of(appUrl + "/webhook", verifyToken, appSecret));
 * messenger.say("psid-1", "hi");
 * List&lt;AcceptedMessage&gt; replies = messenger.awaitSentTo("psid-1", 2, Duration.ofSeconds(5));
 * </pre>
 *
 * Registered on a static field it starts once for the class and is reset (sends, conversations, latency and rate
 * limit back to what was configured) before each test; on an instance field it starts and stops around each test.
 * Test methods may also take the {@link GraphSimulator} as a parameter.
 */
public final class MessengerSimulatorExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            ParameterResolver {

    private GraphSimulator.Settings settings = GraphSimulator.Settings.defaults();
    private GraphSimulator simulator;
    private boolean perClass;

    private MessengerSimulatorExtension() {
    }

    /** An extension whose simulator accepts {@link GraphSimulator#DEFAULT_TOKEN}, answers at once and has no limit. */
    public static MessengerSimulatorExtension create() {
        return new MessengerSimulatorExtension();
    }

    /**
     * Delays every Graph API answer (without holding a thread). Set before the simulator starts, it holds for every
     * test; set in a test, it holds for the rest of that test.
     */
    public MessengerSimulatorExtension latency(Latency latency) {
        if (simulator != null) {
            simulator.latency(latency);
        } else {
            settings = settings.withLatency(latency);
        }
        return this;
    }

    /**
     * Answers 613 once a Page made this many calls in a second (0: no limit). Set before the simulator starts, it
     * holds for every test; set in a test, it holds for the rest of that test.
     */
    public MessengerSimulatorExtension rateLimit(int messagesPerSecond) {
        if (simulator != null) {
            simulator.rateLimit(messagesPerSecond);
        } else {
            settings = settings.withRateLimit(messagesPerSecond);
        }
        return this;
    }

    /** Requires {@code appsecret_proof} made with this secret on every Graph API call. */
    public MessengerSimulatorExtension appSecret(String appSecret) {
        settings = settings.withAppSecret(requireNotStarted(appSecret));
        return this;
    }

    /** The token every Page accepts. */
    public MessengerSimulatorExtension token(String token) {
        settings = settings.withToken("*", requireNotStarted(token));
        return this;
    }

    /** The Page the person writes to. */
    public MessengerSimulatorExtension pageId(String pageId) {
        settings = settings.withPageId(requireNotStarted(pageId));
        return this;
    }

    /** The running simulator. */
    public GraphSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs only while a test runs");
        }
        return simulator;
    }

    /** The base URI to give the component as {@code baseUri}; the local Messenger page is there too. */
    public String baseUri() {
        return simulator().baseUri();
    }

    /** The token the app must send. */
    public String token() {
        return simulator().token();
    }

    /** The Page the person writes to. */
    public String pageId() {
        return simulator().pageId();
    }

    /** Performs the subscription check against the app and delivers the person's actions there. */
    public void webhook(WebhookSubscription subscription) {
        simulator().webhook(subscription);
    }

    /** What was accepted for the person, in order. */
    public List<AcceptedMessage> sentTo(String psid) {
        return simulator().sentTo(psid);
    }

    /** Waits for at least {@code count} sends to the person; fails the test when they do not come in time. */
    public List<AcceptedMessage> awaitSentTo(String psid, int count, Duration timeout) {
        return simulator().awaitSentTo(psid, count, timeout);
    }

    /** The person types {@code text}; answers the webhook call once the app answered it. */
    public WebhookCall say(String psid, String text) {
        return simulator().say(psid, text);
    }

    /** The person taps the quick reply with this payload. */
    public WebhookCall tap(String psid, String quickReplyPayload) {
        return simulator().tap(psid, quickReplyPayload);
    }

    /** The person presses the postback button with this payload. */
    public WebhookCall press(String psid, String postbackPayload) {
        return simulator().press(psid, postbackPayload);
    }

    /** The person reacts to the Page's message {@code mid}. */
    public WebhookCall react(String psid, String mid, String emoji) {
        return simulator().react(psid, mid, emoji);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = GraphSimulator.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = GraphSimulator.start(settings);
            return;
        }
        simulator.reset();
        simulator.latency(settings.latency());
        simulator.rateLimit(settings.messagesPerSecond());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GraphSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    private <T> T requireNotStarted(T value) {
        if (simulator != null) {
            throw new IllegalStateException("Set this before the simulator starts");
        }
        return value;
    }
}
