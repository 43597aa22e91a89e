package io.github.camelmessenger.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that is not a notification, between good ones on one Page's partition: it goes to the dead-letter topic
 * as it came, and the partition's committed offset moves past it. The sender runs in this JVM against the in-JVM
 * broker and the simulator over HTTP.
 */
class MalformedRecordTest {

    private static final String PAGE = ScaleOutRun.pagesOnDistinctPartitions(1).get(0);
    private static final TopicPartition PARTITION = new TopicPartition(NotificationsProducerRoutes.TOPIC,
            ScaleOutRun.partitionOf(PAGE));
    private static final String GROUP = "malformed-test";

    private InJvmSender sender;

    @BeforeEach
    void start() throws Exception {
        sender = new InJvmSender(GROUP, 128, 30, kafka -> {
        }, Map.of());
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    @Timeout(120)
    void aMalformedRecordIsDeadLetteredAsItCameAndThePartitionCommitsPastIt() throws Exception {
        List<String> values = new ArrayList<>();
        values.add(new Notification("n-1", PAGE, "psid-1", "first").toJson());
        values.add("{not a notification");
        for (int i = 2; i <= 4; i++) {
            values.add(new Notification("n-" + i, PAGE, "psid-1", "after " + i).toJson());
        }
        long first = Records.produce(sender.brokers(), PAGE, values);
        long end = first + values.size();

        Map<String, String> headers = new LinkedHashMap<>();
        String deadLetter = awaitDeadLetter(headers, 30_000);
        assertThat(deadLetter).isEqualTo("{not a notification");
        assertThat(headers).containsEntry("messenger.failure.class", IllegalArgumentException.class.getName())
                .containsKey("messenger.failure.reason");
        assertThat(headers.get("messenger.failure.reason")).startsWith("Not a notification");

        assertThat(sender.simulator.await(sent -> sent.size() >= 4, Duration.ofSeconds(30))).isTrue();
        // committed as the sends complete (after each poll), not only when the partition is revoked
        assertThat(((org.apache.camel.component.kafka.KafkaConsumer) sender.context.getRoute("notifications-in")
                .getConsumer()).getConsumerListener()).isNotNull();
        // the records after the malformed one are committed: the prefix did not stop at it
        assertThat(Records.awaitCommitted(sender.brokers(), GROUP, PARTITION, end, 30_000)).isEqualTo(end);
        assertThat(sender.commits.inFlight()).isZero();
    }

    private String awaitDeadLetter(Map<String, String> headers, long timeoutMs) {
        try (KafkaConsumer<String, String> dlq = ScaleOutRun.deadLetterReader(sender.brokers())) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo(PAGE);
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    return r.value();
                }
            }
            return null;
        }
    }
}
