package io.github.camelmessenger.examples.bot;

import java.util.Map;

import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.WebhookSubscription;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the order bot ({@link BotRoutes}) on camel-main, its webhook on {@code http://localhost:8080/messenger}.
 * <p>
 * Unless {@code MESSENGER_ACCESS_TOKEN} is set (or {@code -Dbot.withSimulator=false}), it first starts the local
 * Messenger on port 8089 ({@code -Dbot.simulatorPort}), sends the replies there, and once the bot listens subscribes
 * the local Messenger to its webhook: open {@code http://localhost:8089/} and say hi. Otherwise the bot answers
 * whoever {@code MESSENGER_BASE_URI} (e.g. {@code https://graph.facebook.com}) delivers, with
 * {@code MESSENGER_VERIFY_TOKEN} and {@code MESSENGER_APP_SECRET} as set in the App Dashboard. Stops on Ctrl-C.
 */
public final class BotApp {

    private BotApp() {
    }

    public static void main(String[] args) throws Exception {
        boolean withSimulator = Boolean.parseBoolean(System.getProperty("bot.withSimulator",
                String.valueOf(System.getenv("MESSENGER_ACCESS_TOKEN") == null)));
        if (!withSimulator) {
            Main main = bot(Map.of());
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    System.out
                            .println("The bot listens on " + webhookUrl(started.getCamelContext()) + " (Ctrl-C stops)");
                }
            });
            main.run(args);
            return;
        }
        int port = Integer.getInteger("bot.simulatorPort", 8089);
        try (GraphSimulator simulator = GraphSimulator.start(port, GraphSimulator.Settings.defaults())) {
            Main main = bot(Map.of("bot.baseUri", simulator.baseUri(), "bot.accessToken", simulator.token()));
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    CamelContext context = started.getCamelContext();
                    simulator.webhook(WebhookSubscription.of(webhookUrl(context),
                            context.resolvePropertyPlaceholders("{{bot.verifyToken}}"),
                            context.resolvePropertyPlaceholders("{{bot.appSecret}}")));
                    System.out.println("The bot listens on " + webhookUrl(context));
                    System.out.println("Open the local Messenger at " + simulator.baseUri() + "/ and say hi"
                            + " (Ctrl-C stops)");
                }
            });
            main.run(args);
        }
    }

    /** The bot on camel-main, configured by application.properties and these overrides; not started. */
    public static Main bot(Map<String, String> properties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new BotRoutes());
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /** The URL of the bot's webhook on camel-main's HTTP server. */
    static String webhookUrl(CamelContext context) {
        return "http://localhost:" + context.resolvePropertyPlaceholders("{{camel.server.port}}") + "/messenger";
    }
}
