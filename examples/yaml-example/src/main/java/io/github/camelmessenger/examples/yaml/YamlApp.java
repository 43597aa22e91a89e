package io.github.camelmessenger.examples.yaml;

import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.main.Main;

/**
 * camel-main running the YAML route files of this example (configured in application.properties). Sends two order
 * updates to the local Graph API simulator, or to Meta when {@code MESSENGER_PAGE_ID}, {@code MESSENGER_ACCESS_TOKEN}
 * and {@code MESSENGER_RECIPIENT_ID} are set.
 */
public final class YamlApp {

    private YamlApp() {
    }

    public static void main(String[] args) throws Exception {
        String pageId = System.getenv("MESSENGER_PAGE_ID");
        String token = System.getenv("MESSENGER_ACCESS_TOKEN");
        String psid = System.getenv("MESSENGER_RECIPIENT_ID");
        if (pageId != null && token != null && psid != null) {
            run("https://graph.facebook.com", pageId, token, psid);
            return;
        }
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults())) {
            run(simulator.baseUri(), "me", GraphSimulator.DEFAULT_TOKEN, "1254477777772919");
            simulator.accepted().forEach(m -> System.out.println("The simulator accepted: " + m.request()));
        }
    }

    /** Starts camel-main with the YAML routes, sends a shipped and an out-for-delivery update, and stops. */
    public static void run(String baseUri, String pageId, String token, String psid) throws Exception {
        Main main = new Main();
        main.addInitialProperty("graph.baseUri", baseUri);
        main.addInitialProperty("page.id", pageId);
        main.addInitialProperty("page.token", token);
        main.start();
        try {
            var template = main.getCamelContext().createProducerTemplate();
            template.sendBodyAndHeaders("direct:order-shipped", null,
                    java.util.Map.of("orderId", "A-1001", "CamelMessengerRecipientId", psid));
            template.sendBodyAndHeaders("direct:out-for-delivery", null,
                    java.util.Map.of("orderId", "A-1001", "recipient-id", psid));
        } finally {
            main.stop();
        }
    }
}
