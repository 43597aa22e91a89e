package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local Messenger: the Graph API a Page's app calls, the person at the other end, and a browser page showing both.
 * <p>
 * {@code POST /{version}/{page}/messages} (and {@code /me/messages}) checks the Bearer token and, when an app secret
 * is set, {@code appsecret_proof}; answers like Meta, with Meta's error bodies for invalid requests; answers Meta's
 * real errors for the {@link ScenarioRecipients}; rate-limits each Page with 613 and
 * {@code X-Business-Use-Case-Usage}; and records what it accepted. It takes attachment uploads ({@code POST
 * /{page}/message_attachments}, by URL or file) and keeps personas ({@code POST}/{@code GET /{page}/personas},
 * {@code DELETE /{persona}}). Answers can be delayed ({@link Latency}) without holding a thread.
 * <p>
 * With a {@link WebhookSubscription} it is the whole of Meta for a local app: {@link #say}, {@link #tap},
 * {@link #press} and {@link #react} become signed webhook calls, after the subscription check. The root URL serves
 * the local Messenger page, where each conversation shows as Messenger shows it and the person can type, tap, press
 * and react. Embed it in tests (see {@code MessengerSimulatorExtension}), or run it with {@link SimulatorCommand}.
 */
public final class GraphSimulator implements AutoCloseable {

    /** The token any Page accepts unless {@link Settings#tokens()} says otherwise. */
    public static final String DEFAULT_TOKEN = "simulator-page-token";
    /** The Page a token belongs to ({@code GET /me}) and the Page the person writes to unless told otherwise. */
    public static final String DEFAULT_PAGE_ID = "1122334455";

    /** How long the person-side methods wait for the app to answer a webhook call. */
    private static final Duration WEBHOOK_WAIT = WebhookClient.TIMEOUT.plusSeconds(5);

    /**
     * @param tokens            accepted token per Page id; {@code "*"} applies to any Page
     * @param appSecret         when set, requests must carry the matching appsecret_proof
     * @param messagesPerSecond per-Page calls allowed in any second; 0 for no limit
     * @param penaltyMinutes    the estimated_time_to_regain_access of a rate-limit answer
     * @param pageId            the Page of {@code GET /me}, of sends to {@code /me/messages}, and the person writes to
     * @param latency           how long each Graph API answer takes
     * @param webhook           where the person's actions are delivered; null for nowhere
     */
    public record Settings(Map<String, String> tokens, String appSecret, int messagesPerSecond, int penaltyMinutes,
            String pageId, Latency latency, WebhookSubscription webhook) {

        public static Settings defaults() {
            return new Settings(Map.of("*", DEFAULT_TOKEN), null, 0, 0, DEFAULT_PAGE_ID, Latency.none(), null);
        }

        public Settings withRateLimit(int messagesPerSecond) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes, pageId, latency, webhook);
        }

        public Settings withAppSecret(String appSecret) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes, pageId, latency, webhook);
        }

        public Settings withToken(String pageId, String token) {
            Map<String, String> all = new java.util.HashMap<>(tokens);
            all.put(pageId, token);
            return new Settings(Map.copyOf(all), appSecret, messagesPerSecond, penaltyMinutes, this.pageId, latency,
                    webhook);
        }

        public Settings withPageId(String pageId) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes, pageId, latency, webhook);
        }

        public Settings withLatency(Latency latency) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes, pageId, latency, webhook);
        }

        /** Delivers the person's actions to the app at this subscription (checked when the simulator starts). */
        public Settings withWebhook(WebhookSubscription webhook) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes, pageId, latency, webhook);
        }

        boolean acceptsToken(String pageId, String token) {
            String expected = tokens.getOrDefault(pageId, tokens.get("*"));
            return token.equals(expected);
        }

        /** The token the Page's app uses. */
        String tokenOf(String pageId) {
            return tokens.getOrDefault(pageId, tokens.get("*"));
        }
    }

    private final WireMockServer server;
    private final Settings settings;
    private final ConversationLog log = new ConversationLog();
    private final SendApiBehaviour behaviour;
    private final PersonSide person;
    private volatile WebhookClient webhook;

    private GraphSimulator(int port, Settings settings) {
        this.settings = settings;
        this.behaviour = new SendApiBehaviour(settings, log);
        this.person = new PersonSide(log, settings.pageId(), () -> webhook);
        LocalMessenger page = new LocalMessenger(log, person, new LocalMessenger.Info() {
            @Override
            public String pageName() {
                return "Simulated Page";
            }

            @Override
            public String webhookUrl() {
                return GraphSimulator.this.webhookUrl();
            }
        });
        // asynchronous answers: a delayed answer is scheduled rather than slept on a server thread
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour, page).containerThreads(64)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(4));
    }

    /** Starts a simulator on a free port. */
    public static GraphSimulator start(Settings settings) {
        return start(0, settings);
    }

    /** Starts a simulator on the port (0 for a free one); with a webhook, performs the subscription check first. */
    public static GraphSimulator start(int port, Settings settings) {
        GraphSimulator simulator = new GraphSimulator(port, settings);
        simulator.server.start();
        simulator.server.stubFor(any(urlPathMatching("/v[0-9.]+/.+"))
                .willReturn(aResponse().withTransformers(SendApiBehaviour.NAME)));
        simulator.server.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withTransformers(LocalMessenger.NAME)));
        simulator.server.stubFor(any(urlPathMatching("/local/.*"))
                .willReturn(aResponse().withTransformers(LocalMessenger.NAME)));
        if (settings.webhook() != null) {
            try {
                simulator.webhook(settings.webhook());
            } catch (RuntimeException e) {
                simulator.close();
                throw e;
            }
        }
        return simulator;
    }

    /** The base URI to give the component as {@code baseUri}; the local Messenger page is at this URL too. */
    public String baseUri() {
        return server.baseUrl();
    }

    /** The token the Page's app must use. */
    public String token() {
        return settings.tokenOf(settings.pageId());
    }

    /** The Page the person writes to unless told otherwise. */
    public String pageId() {
        return settings.pageId();
    }

    /**
     * Subscribes the app's webhook: performs Meta's subscription check ({@code GET} with {@code hub.challenge}) and,
     * when the app passes it, delivers the person's actions there from now on.
     *
     * @throws IllegalStateException when the app cannot be reached or does not answer the challenge
     */
    public void webhook(WebhookSubscription subscription) {
        WebhookClient client = new WebhookClient(subscription);
        client.verify();
        this.webhook = client;
    }

    /** The callback URL the person's actions are delivered to, or null when no webhook is subscribed. */
    public String webhookUrl() {
        WebhookClient client = webhook;
        return client == null ? null : client.subscription().callbackUrl().toString();
    }

    /** Delays every Graph API answer from now on. */
    public void latency(Latency latency) {
        behaviour.latency(latency);
    }

    /** Limits each Page to this many calls in any second from now on (0: no limit). */
    public void rateLimit(int messagesPerSecond) {
        behaviour.messagesPerSecond(messagesPerSecond);
    }

    /** Every request accepted so far, in arrival order. */
    public List<AcceptedMessage> accepted() {
        return List.copyOf(behaviour.accepted());
    }

    /**
     * When each Send API call for the Page arrived, accepted or refused (rate limit, scenario failure, transient
     * error), in arrival order: what a sender's pacing put on the wire.
     */
    public List<Instant> sendCallTimes(String pageId) {
        return List.copyOf(behaviour.sendCallTimes(pageId));
    }

    /** What was accepted for one person (recipient id), in arrival order. */
    public List<AcceptedMessage> sentTo(String psid) {
        return behaviour.accepted().stream().filter(m -> psid.equals(m.recipientId())).toList();
    }

    /**
     * Waits until at least {@code count} requests for the person were accepted and answers them, in order.
     *
     * @throws AssertionError when fewer arrived within the timeout
     */
    public List<AcceptedMessage> awaitSentTo(String psid, int count, Duration timeout) {
        if (!await(all -> all.stream().filter(m -> psid.equals(m.recipientId())).count() >= count, timeout)) {
            throw new AssertionError("Expected " + count + " sends to " + psid + " within " + timeout + ", got "
                    + sentTo(psid).size() + ": " + sentTo(psid).stream().map(m -> m.request().toString()).toList());
        }
        return sentTo(psid);
    }

    /** Waits until what was accepted satisfies {@code done}; false when the timeout passed first. */
    public boolean await(Predicate<List<AcceptedMessage>> done, Duration timeout) {
        try {
            return behaviour.awaitAccepted(done, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The person types {@code text} to the Page; answers the webhook call that carried it, once the app answered. */
    public WebhookCall say(String psid, String text) {
        return await(person.say(null, psid, text));
    }

    /** The person taps the quick reply with this payload (its title is taken from the Page's message). */
    public WebhookCall tap(String psid, String quickReplyPayload) {
        return await(person.tap(null, psid, quickReplyPayload));
    }

    /** The person presses the postback button with this payload (its title is taken from the Page's message). */
    public WebhookCall press(String psid, String postbackPayload) {
        return await(person.press(null, psid, postbackPayload));
    }

    /** The person reacts with {@code emoji} to the Page's message {@code mid}. */
    public WebhookCall react(String psid, String mid, String emoji) {
        return await(person.react(null, psid, mid, emoji));
    }

    /** Forgets accepted messages, conversations, rate-limit windows and transient attempts. */
    public void reset() {
        behaviour.reset();
        log.reset();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static WebhookCall await(PersonSide.Action action) {
        try {
            return action.call().get(WEBHOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the app answered " + action.mid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The app did not answer the webhook call for " + action.mid(), e);
        }
    }

    /** Runs stand-alone; see {@link SimulatorCommand}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorCommand.main(args);
    }
}
