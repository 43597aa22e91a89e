package io.github.camelmessenger.send;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camel K manifests under examples/camel-k run here as Camel K would run them: the Integration's flows, and the
 * Pipe bound to the Kamelet from the component jar, under camel-main against the Graph API stand-in. What is
 * deployed is what is tested.
 */
class CamelKManifestsTest extends MessengerSendTestSupport {

    private static final Path MANIFESTS = Path.of("../examples/camel-k");

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("unchecked")
    void integrationFlowsSendAsDeployed() throws Exception {
        Map<String, Object> integration = load("messenger-send-integration.yaml");
        assertThat(integration).containsEntry("kind", "Integration");
        Map<String, Object> spec = (Map<String, Object>) integration.get("spec");
        assertThat((List<String>) spec.get("dependencies"))
                .contains("mvn:io.github.camelmessenger:camel-messenger-send:1.0.0-SNAPSHOT");
        Map<String, String> properties = traitProperties(spec);

        runUntilOneRequest(spec.get("flows"), properties);

        assertSent("/v24.0/me/messages",
                """
                        {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE","message":{"text":"Your order has shipped",
                         "quick_replies":[{"content_type":"text","title":"Track it","payload":"TRACK"}]}}""");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pipeToTheKameletSendsAsDeployed() throws Exception {
        Map<String, Object> pipe = load("messenger-send-pipe.yaml");
        assertThat(pipe).containsEntry("kind", "Pipe");
        Map<String, Object> spec = (Map<String, Object>) pipe.get("spec");
        Map<String, Object> sink = (Map<String, Object>) spec.get("sink");
        assertThat((Map<String, Object>) sink.get("ref")).containsEntry("kind", "Kamelet")
                .containsEntry("name", "messenger-send-sink");

        // a Pipe is a route: source, then each step, then the sink Kamelet with the Pipe's properties
        List<Object> steps = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) spec.getOrDefault("steps", List.of())) {
            steps.add(Map.of("to", Map.of("uri", step.get("uri"))));
        }
        steps.add(Map.of("to", Map.of("uri", "kamelet:messenger-send-sink", "parameters", sink.get("properties"))));
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("uri", ((Map<String, Object>) spec.get("source")).get("uri"));
        from.put("steps", steps);
        runUntilOneRequest(List.of(Map.of("route", Map.of("id", "pipe", "from", from))), Map.of());

        assertSent("/v24.0/me/messages",
                """
                        {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE","message":{"text":"Your order has shipped"}}""");
    }

    /** Runs the routes under camel-main, with the secret Camel K would mount, until the stand-in got a request. */
    private void runUntilOneRequest(Object routes, Map<String, String> properties) throws Exception {
        Path routesFile = work.resolve("routes.camel.yaml");
        Files.writeString(routesFile, new Dump(DumpSettings.builder().build()).dumpToString(routes));
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + routesFile.toAbsolutePath());
        properties.forEach(main::addInitialProperty);
        main.addInitialProperty("page.token", TOKEN);
        main.addInitialProperty("messenger.baseUri", baseUri());
        main.start();
        try {
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (received().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            main.stop();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> traitProperties(Map<String, Object> spec) {
        Map<String, Object> traits = (Map<String, Object>) spec.get("traits");
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : (List<String>) ((Map<String, Object>) traits.get("camel")).get("properties")) {
            String[] keyValue = line.split("=", 2);
            properties.put(keyValue[0], keyValue[1]);
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(MANIFESTS.resolve(file)));
    }
}
