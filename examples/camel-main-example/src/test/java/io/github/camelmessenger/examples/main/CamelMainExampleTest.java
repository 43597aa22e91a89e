package io.github.camelmessenger.examples.main;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.AcceptedMessage;
import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.Latency;
import io.github.camelmessenger.simulator.ScenarioRecipients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The camel-main examples against the Graph API simulator: the notify route, and the whole broadcast demo job with
 * its bundled data.
 */
class CamelMainExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void notifyRouteSendsTheOrderNotification() throws Exception {
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults())) {
            NotifyApp.send(simulator.baseUri(), "1122334455", GraphSimulator.DEFAULT_TOKEN, "1254477777772919");

            assertThat(simulator.accepted()).singleElement().satisfies(m -> {
                assertThat(m.pageId()).isEqualTo("1122334455");
                assertThat(m.request()).isEqualTo(JSON.readTree(
                        """
                                {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE",
                                 "message":{"text":"Your order A-1001 has shipped",
                                            "quick_replies":[{"content_type":"text","title":"Track it","payload":"TRACK"}]}}"""));
            });
        }
    }

    @Test
    void broadcastDemoDeliversPacesRetriesAndDeadLetters() throws Exception {
        String notifications;
        try (InputStream in = getClass().getResourceAsStream("/notifications.jsonl")) {
            notifications = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = notifications.lines().filter(l -> !l.isBlank()).toList();
        long failing = lines.stream().filter(l -> l.contains(ScenarioRecipients.BLOCKED)
                || l.contains(ScenarioRecipients.UNKNOWN)
                || l.contains(ScenarioRecipients.OUTSIDE_WINDOW)).count();
        long transientOnes = lines.stream().filter(l -> l.contains(ScenarioRecipients.TRANSIENT)).count();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // as the demo runs: Meta's latency, which a broadcast sending one at a time could not pace through
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults().withRateLimit(40)
                .withLatency(Latency.fixed(Duration.ofMillis(250))))) {
            Progress progress = BroadcastDemo.run(simulator.baseUri(), "1122334455", GraphSimulator.DEFAULT_TOKEN,
                    notifications, output, new PrintStream(printed, true, StandardCharsets.UTF_8), simulator);

            assertThat(progress.sentCount()).isEqualTo(lines.size() - failing);
            assertThat(progress.failedCount()).isEqualTo(failing);
            assertThat(progress.failedByClass()).containsOnlyKeys("MessengerRecipientException",
                    "MessengerPolicyException");
            assertThat(progress.retriedCount()).isGreaterThanOrEqualTo((int) transientOnes);
            List<AcceptedMessage> accepted = simulator.accepted();
            assertThat(accepted).hasSize(progress.sentCount());
            assertThat(accepted.stream().map(m -> m.request().path("messaging_type").asText()).distinct())
                    .containsExactly("UPDATE");
            // paced at 25/s: the rate is reached despite the latency, and no second comes near the simulator's limit
            // of 40. Both are measured where the calls arrive (every call, retries and refusals included). The pacer
            // starts at most 25 in any second, 40 ms apart, so a call and the 25th after it start just over 1 s
            // apart: a millisecond of jitter on the way shows 26 in a window (seen in quiet runs), and an I/O thread
            // stalled for a pacing interval on a loaded machine one more
            List<Instant> calls = simulator.sendCallTimes("1122334455");
            assertThat(mostInAnySecond(calls)).isLessThanOrEqualTo((int) BroadcastDemo.RATE + 2);
            double arrivalRate = (calls.size() - 1)
                    / (Duration.between(calls.get(0), calls.get(calls.size() - 1)).toNanos() / 1e9);
            assertThat(arrivalRate).isBetween(Progress.RATE_TARGET * BroadcastDemo.RATE, 1.02 * BroadcastDemo.RATE);
            assertThat(progress.callRate()).isGreaterThanOrEqualTo(Progress.RATE_TARGET * BroadcastDemo.RATE);
        }
        List<String> deadLetters = Files.readAllLines(output.resolve("dead-letter.jsonl"));
        assertThat(deadLetters).hasSize((int) failing);
        assertThat(deadLetters).allSatisfy(line -> {
            Map<?, ?> entry = JSON.readValue(line, Map.class);
            assertThat(entry.get("failure")).isIn("MessengerRecipientException", "MessengerPolicyException");
            assertThat(entry.get("reason").toString()).contains("fbtrace_id");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sent").contains("msg/s");
    }

    private static int mostInAnySecond(List<Instant> arrivals) {
        List<Long> times = arrivals.stream().map(Instant::toEpochMilli).sorted().toList();
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }
}
