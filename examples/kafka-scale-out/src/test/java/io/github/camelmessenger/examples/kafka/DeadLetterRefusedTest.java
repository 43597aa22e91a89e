package io.github.camelmessenger.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmessenger.simulator.ScenarioRecipients;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification whose failure is final, whose dead letter the broker refuses every time (a record larger than the
 * producer's max.request.size): the dead letter is tried again {@value SenderRoutes#DEAD_LETTER_TRIES} times, then its
 * record is given up: not waited for, and its partition is not committed past it, while the notifications around it
 * go out. The sender runs in this JVM against the in-JVM broker and the simulator over HTTP.
 */
class DeadLetterRefusedTest {

    private static final String PAGE = ScaleOutRun.pagesOnDistinctPartitions(1).get(0);
    private static final TopicPartition PARTITION = new TopicPartition(NotificationsProducerRoutes.TOPIC,
            ScaleOutRun.partitionOf(PAGE));
    private static final String GROUP = "dead-letter-refused-test";

    private final List<Long> deadLetterTries = new CopyOnWriteArrayList<>();
    private InJvmSender sender;

    @BeforeEach
    void start() throws Exception {
        // every record this sender writes is too large: only the dead letters are written by it (the repository
        // of completed ids is in memory here)
        sender = new InJvmSender(GROUP, 64, 30, kafka -> kafka.setMaxRequestSize(64),
                Map.of("sender.deadLetterRedeliveryDelayMs", "20"));
        sender.context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSendingEvent sending
                        && sending.getEndpoint().getEndpointUri().startsWith("kafka://" + SenderRoutes.DLQ)) {
                    deadLetterTries.add(System.nanoTime());
                }
            }
        });
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    @Timeout(120)
    void aRefusedDeadLetterIsTriedAgainThenItsRecordIsGivenUpAndNotCommittedPast() throws Exception {
        List<String> values = new ArrayList<>();
        values.add(new Notification("n-1", PAGE, "psid-1", "before").toJson());
        values.add(new Notification("n-2", PAGE, ScenarioRecipients.BLOCKED, "to a recipient who blocked the Page")
                .toJson());
        values.add(new Notification("n-3", PAGE, "psid-1", "after").toJson());
        long first = Records.produce(sender.brokers(), PAGE, values);

        assertThat(sender.simulator.await(sent -> sent.size() >= 2, Duration.ofSeconds(30))).isTrue();
        long deadline = System.currentTimeMillis() + 30_000;
        while (sender.routes.unfinished.get() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sender.routes.unfinished.get()).isOne();
        // the first try and the redeliveries, backing off from 20 ms: 20 + 40 + 80 + 160 + 320 ms at least
        assertThat(deadLetterTries).hasSize(1 + SenderRoutes.DEAD_LETTER_TRIES);
        long spanMillis = (deadLetterTries.get(SenderRoutes.DEAD_LETTER_TRIES) - deadLetterTries.get(0)) / 1_000_000;
        assertThat(spanMillis).isGreaterThanOrEqualTo(620);
        assertThat(sender.routes.sent.get()).isEqualTo(2);
        assertThat(sender.routes.deadLettered.get()).isZero();
        assertThat(sender.commits.inFlight()).isZero();

        // committed up to the record given up, and, after a few more commit rounds, still not past it
        assertThat(Records.awaitCommitted(sender.brokers(), GROUP, PARTITION, first + 1, 30_000)).isEqualTo(first + 1);
        Thread.sleep(4 * CompletedPrefixCommits.COMMIT_INTERVAL_NANOS / 1_000_000);
        assertThat(Records.awaitCommitted(sender.brokers(), GROUP, PARTITION, first + 1, 1_000)).isEqualTo(first + 1);
    }
}
