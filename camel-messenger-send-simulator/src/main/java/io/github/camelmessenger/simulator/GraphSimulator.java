package io.github.camelmessenger.simulator;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local Graph API for Messenger sends, on WireMock: {@code POST /{version}/{page}/messages} (and
 * {@code /me/messages}) checks the Bearer token and, when an app secret is set, {@code appsecret_proof}; answers like
 * Meta, with Meta's error bodies for invalid requests; answers Meta's real errors for the
 * {@link ScenarioRecipients}; rate-limits each Page with 613 and {@code X-Business-Use-Case-Usage}; and records what it
 * accepted. It also takes attachment uploads ({@code POST /{page}/message_attachments}, by URL or file) and keeps
 * personas ({@code POST}/{@code GET /{page}/personas}, {@code DELETE /{persona}}). Embed it in tests and examples,
 * or run it standalone with {@link #main(String[])}.
 */
public final class GraphSimulator implements AutoCloseable {

    /** The token any Page accepts unless {@link Settings#tokens()} says otherwise. */
    public static final String DEFAULT_TOKEN = "simulator-page-token";

    /**
     * @param tokens            accepted token per Page id; {@code "*"} applies to any Page
     * @param appSecret         when set, requests must carry the matching appsecret_proof
     * @param messagesPerSecond per-Page calls allowed in any second; 0 for no limit
     * @param penaltyMinutes    the estimated_time_to_regain_access of a rate-limit answer
     */
    public record Settings(Map<String, String> tokens, String appSecret, int messagesPerSecond, int penaltyMinutes) {

        public static Settings defaults() {
            return new Settings(Map.of("*", DEFAULT_TOKEN), null, 0, 0);
        }

        public Settings withRateLimit(int messagesPerSecond) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes);
        }

        public Settings withAppSecret(String appSecret) {
            return new Settings(tokens, appSecret, messagesPerSecond, penaltyMinutes);
        }

        public Settings withToken(String pageId, String token) {
            Map<String, String> all = new java.util.HashMap<>(tokens);
            all.put(pageId, token);
            return new Settings(Map.copyOf(all), appSecret, messagesPerSecond, penaltyMinutes);
        }

        boolean acceptsToken(String pageId, String token) {
            String expected = tokens.getOrDefault(pageId, tokens.get("*"));
            return token.equals(expected);
        }
    }

    private final WireMockServer server;
    private final SendApiBehaviour behaviour;

    private GraphSimulator(int port, Settings settings) {
        this.behaviour = new SendApiBehaviour(settings);
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour).containerThreads(64));
    }

    /** Starts a simulator on a free port. */
    public static GraphSimulator start(Settings settings) {
        return start(0, settings);
    }

    public static GraphSimulator start(int port, Settings settings) {
        GraphSimulator simulator = new GraphSimulator(port, settings);
        simulator.server.start();
        simulator.server.stubFor(any(urlPathMatching("/v[0-9.]+/.+"))
                .willReturn(aResponse().withTransformers(SendApiBehaviour.NAME)));
        return simulator;
    }

    /** The base URI to give the component as {@code baseUri}. */
    public String baseUri() {
        return server.baseUrl();
    }

    /** Every request accepted so far, in arrival order. */
    public List<AcceptedMessage> accepted() {
        return List.copyOf(behaviour.accepted());
    }

    /** Forgets accepted messages, rate-limit windows and transient attempts. */
    public void reset() {
        behaviour.reset();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Runs standalone: {@code [port] [messagesPerSecond]}; the token is {@value #DEFAULT_TOKEN}, or the
     * {@code SIMULATOR_TOKEN} environment variable.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        String token = System.getenv().getOrDefault("SIMULATOR_TOKEN", DEFAULT_TOKEN);
        GraphSimulator simulator = start(port, new Settings(Map.of("*", token), null, rate, 0));
        System.out.println("Graph API simulator on " + simulator.baseUri() + " (token " + token + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
