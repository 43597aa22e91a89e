package io.github.camelmessenger.examples.main;

import java.util.Map;

import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.main.Main;

/**
 * Runs {@link NotifyRoutes} on camel-main and sends one notification: to the local Graph API simulator, or to Meta
 * when {@code MESSENGER_PAGE_ID}, {@code MESSENGER_ACCESS_TOKEN} and {@code MESSENGER_RECIPIENT_ID} are set.
 */
public final class NotifyApp {

    private NotifyApp() {
    }

    public static void main(String[] args) throws Exception {
        String pageId = System.getenv("MESSENGER_PAGE_ID");
        String token = System.getenv("MESSENGER_ACCESS_TOKEN");
        String psid = System.getenv("MESSENGER_RECIPIENT_ID");
        if (pageId != null && token != null && psid != null) {
            send("https://graph.facebook.com", pageId, token, psid);
            return;
        }
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults())) {
            send(simulator.baseUri(), "1122334455", GraphSimulator.DEFAULT_TOKEN, "1254477777772919");
            System.out.println("The simulator accepted: " + simulator.accepted().get(0).request());
        }
    }

    /** Starts camel-main with the route, sends one order event, and stops. */
    static Object send(String baseUri, String pageId, String token, String psid) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new NotifyRoutes());
        main.addInitialProperty("page.id", pageId);
        main.addInitialProperty("page.token", token);
        main.addInitialProperty("graph.baseUri", baseUri);
        main.start();
        try {
            return main.getCamelContext().createProducerTemplate()
                    .requestBody("direct:order-shipped", Map.of("psid", psid, "orderId", "A-1001"));
        } finally {
            main.stop();
        }
    }
}
