package io.github.camelmessenger.examples.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.GraphSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes on camel-main, with the Kamelet and the shipped error routing, against the simulator.
 */
class YamlAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void yamlRoutesSendBothUpdates() throws Exception {
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults())) {
            YamlApp.run(simulator.baseUri(), "me", GraphSimulator.DEFAULT_TOKEN, "1254477777772919");

            assertThat(simulator.accepted()).hasSize(2);
            assertThat(simulator.accepted().get(0).request()).isEqualTo(JSON.readTree(
                    """
                            {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE",
                             "message":{"text":"Your order A-1001 has shipped",
                                        "quick_replies":[{"content_type":"text","title":"Track it","payload":"TRACK_A-1001"}]}}"""));
            assertThat(simulator.accepted().get(1).request()).isEqualTo(JSON.readTree(
                    """
                            {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE",
                             "message":{"attachment":{"type":"template","payload":{"template_type":"button",
                              "text":"Order A-1001 is out for delivery",
                              "buttons":[{"type":"web_url","title":"Track","url":"https://shop.example.com/track/A-1001"}]}}}}"""));
        }
    }
}
