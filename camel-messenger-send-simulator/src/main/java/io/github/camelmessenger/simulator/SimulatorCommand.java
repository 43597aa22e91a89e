package io.github.camelmessenger.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator stand-alone until stopped:
 *
 * <pre>
 * --port 8089                 the port (0 for a free one)
 * --latency 250ms             each Graph API answer's delay, or p50/p99 as 200ms/800ms
 * --rate 0                    per-Page calls allowed in any second (0: no limit)
 * --page-id 1122334455        the Page the person writes to
 * --webhook URL               the app's webhook; the person's actions are delivered there
 * --verify-token TOKEN        the verify token of the subscription check (or MESSENGER_VERIFY_TOKEN)
 * --app-secret SECRET         signs each webhook call and checks appsecret_proof (or MESSENGER_APP_SECRET)
 * </pre>
 *
 * The token the app must use is {@value GraphSimulator#DEFAULT_TOKEN}, or the {@code SIMULATOR_TOKEN} environment
 * variable. The secrets are best given by environment variable, which keeps them out of the process list.
 */
public final class SimulatorCommand {

    private SimulatorCommand() {
    }

    /** Starts the simulator with these arguments, prints its URL and waits until the JVM stops. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        GraphSimulator simulator = GraphSimulator.start(port(options), settings(options, System.getenv()));
        System.out.println("Local Messenger:  " + simulator.baseUri() + "/");
        System.out.println("Graph API:        baseUri=" + simulator.baseUri() + " accessToken=<SIMULATOR_TOKEN or "
                + GraphSimulator.DEFAULT_TOKEN + ">");
        System.out.println("Latency:          " + options.getOrDefault("latency", "none"));
        System.out.println("Webhook:          " + options.getOrDefault("webhook", "none (the person's actions are"
                + " shown, not delivered)"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static int port(Map<String, String> options) {
        return Integer.parseInt(options.getOrDefault("port", "8089"));
    }

    static GraphSimulator.Settings settings(Map<String, String> options, Map<String, String> env) {
        String token = env.getOrDefault("SIMULATOR_TOKEN", GraphSimulator.DEFAULT_TOKEN);
        GraphSimulator.Settings settings = GraphSimulator.Settings.defaults().withToken("*", token)
                .withRateLimit(Integer.parseInt(options.getOrDefault("rate", "0")))
                .withPageId(options.getOrDefault("page-id", GraphSimulator.DEFAULT_PAGE_ID));
        if (options.containsKey("latency")) {
            settings = settings.withLatency(Latency.parse(options.get("latency")));
        }
        String appSecret = options.getOrDefault("app-secret", env.get("MESSENGER_APP_SECRET"));
        if (options.containsKey("webhook")) {
            String verifyToken = options.getOrDefault("verify-token", env.get("MESSENGER_VERIFY_TOKEN"));
            if (verifyToken == null || appSecret == null) {
                throw new IllegalArgumentException("--webhook needs --verify-token (or MESSENGER_VERIFY_TOKEN) and "
                        + "--app-secret (or MESSENGER_APP_SECRET)");
            }
            settings = settings.withWebhook(WebhookSubscription.of(options.get("webhook"), verifyToken, appSecret));
        }
        return settings;
    }

    /** {@code --name value} pairs; the older positional form {@code [port] [messagesPerSecond]} still works. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                int equals = name.indexOf('=');
                if (equals > 0) {
                    options.put(name.substring(0, equals), name.substring(equals + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            } else {
                options.put(positional++ == 0 ? "port" : "rate", args[i]);
            }
        }
        return options;
    }
}
