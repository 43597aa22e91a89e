package io.github.camelmessenger.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelmessenger.simulator.AcceptedMessage;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Page with a backlog far over its partition's cap, next to a Page with a few notifications: the busy partition is
 * held back (paused) and resumed, never the consumer thread, so the other Page goes out at once and the consumer keeps
 * polling well within a short {@code max.poll.interval.ms} while the backlog takes more than twice that. The sender runs in
 * this JVM against the in-JVM broker and the simulator over HTTP.
 */
class FlowControlTest {

    private static final List<String> PAGES = ScaleOutRun.pagesOnDistinctPartitions(2);
    private static final String BUSY = PAGES.get(0);
    private static final String QUIET = PAGES.get(1);
    private static final TopicPartition BUSY_PARTITION = partition(BUSY);
    private static final TopicPartition QUIET_PARTITION = partition(QUIET);
    private static final String GROUP = "flow-control-test";
    private static final int CAP = 4;
    private static final int RATE = 5;
    private static final int MAX_POLL_INTERVAL_MS = 3_000;

    private InJvmSender sender;

    @BeforeEach
    void start() throws Exception {
        sender = new InJvmSender(GROUP, CAP, RATE, kafka -> kafka.setMaxPollIntervalMs(MAX_POLL_INTERVAL_MS),
                Map.of());
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    @Timeout(120)
    void aBacklogHoldsBackOnlyItsPartitionAndTheConsumerStaysInTheGroup() throws Exception {
        awaitAssigned();
        int busyCount = 40;
        // no more than the cap: the quiet partition is never held
        int quietCount = CAP;
        long busyFirst = Records.produce(sender.brokers(), BUSY, notifications(BUSY, busyCount));
        long quietFirst = Records.produce(sender.brokers(), QUIET, notifications(QUIET, quietCount));

        // the busy partition's exchanges at the send route's messenger-send call (waiting for a slot or for the
        // answer), as Camel sees them, sampled while the backlog drains; each is in flight for the tracker too
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                long busy = sender.context.getInflightRepository().browse().stream()
                        .filter(e -> SenderRoutes.SEND_NODE.equals(e.getNodeId()))
                        .filter(e -> Integer.valueOf(BUSY_PARTITION.partition())
                                .equals(e.getExchange().getMessage().getHeader(KafkaConstants.PARTITION)))
                        .count();
                mostInFlight.accumulateAndGet((int) busy, Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sample-in-flight");
        sampler.setDaemon(true);
        sampler.start();
        try {
            // 40 at 5 a second: 8 s, more than twice the poll interval
            assertThat(sender.simulator.await(sent -> sent.size() >= busyCount + quietCount, Duration.ofSeconds(60)))
                    .isTrue();
        } finally {
            sampling.set(false);
            sampler.join(5_000);
        }

        List<AcceptedMessage> accepted = sender.simulator.accepted();
        List<String> busyIds = accepted.stream().filter(m -> m.pageId().equals(BUSY)).map(FlowControlTest::id)
                .toList();
        List<String> quietIds = accepted.stream().filter(m -> m.pageId().equals(QUIET)).map(FlowControlTest::id)
                .toList();
        // each once (the sends of a Page are concurrent, so not necessarily in the topic's order)
        assertThat(busyIds).containsExactlyInAnyOrderElementsOf(ids(BUSY, busyCount));
        assertThat(quietIds).containsExactlyInAnyOrderElementsOf(ids(QUIET, quietCount));
        // the quiet Page did not wait behind the backlog: all of it went out before half of the busy one had
        int lastQuiet = accepted.indexOf(accepted.stream().filter(m -> m.pageId().equals(QUIET))
                .reduce((a, b) -> b).orElseThrow());
        int halfBusy = accepted.indexOf(accepted.stream().filter(m -> m.pageId().equals(BUSY))
                .skip(busyCount / 2).findFirst().orElseThrow());
        assertThat(lastQuiet).isLessThan(halfBusy);

        // held at the cap: the backlog never had more than CAP sends out at once, and it did reach the cap
        assertThat(mostInFlight.get()).isEqualTo(CAP);
        assertThat(Records.awaitCommitted(sender.brokers(), GROUP, BUSY_PARTITION, busyFirst + busyCount,
                30_000)).isEqualTo(busyFirst + busyCount);
        assertThat(Records.awaitCommitted(sender.brokers(), GROUP, QUIET_PARTITION,
                quietFirst + quietCount, 30_000)).isEqualTo(quietFirst + quietCount);

        List<String> events = events();
        // held back and resumed: the busy partition only, each time at the cap
        List<String> held = events.stream().filter(e -> e.startsWith("HELD ")).toList();
        assertThat(held).isNotEmpty().allSatisfy(e -> assertThat(e)
                .contains("partitions=[" + BUSY_PARTITION.partition() + "]").endsWith(" inflight=" + CAP));
        assertThat(events).anyMatch(e -> e.startsWith("RESUMED ")
                && e.contains("partitions=[" + BUSY_PARTITION.partition() + "]"));
        // and the consumer never left the group: one assignment, nothing revoked or lost
        assertThat(events).filteredOn(e -> e.startsWith("ASSIGNED ")).hasSize(1);
        assertThat(events).noneMatch(e -> e.startsWith("REVOKED ") || e.startsWith("LOST "));
        assertThat(sender.commits.inFlight()).isZero();
    }

    private void awaitAssigned() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (events().stream().noneMatch(e -> e.startsWith("ASSIGNED "))) {
            assertThat(System.currentTimeMillis()).as("assigned within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<String> events() {
        return sender.events();
    }

    private static List<String> notifications(String page, int count) {
        List<String> values = new ArrayList<>();
        for (String id : ids(page, count)) {
            values.add(new Notification(id, page, "psid-" + page, "Update " + id).toJson());
        }
        return values;
    }

    private static List<String> ids(String page, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "n-" + page + "-" + i).toList();
    }

    private static String id(AcceptedMessage m) {
        return m.request().path("message").path("metadata").asText(null);
    }

    private static TopicPartition partition(String page) {
        return new TopicPartition(NotificationsProducerRoutes.TOPIC, ScaleOutRun.partitionOf(page));
    }
}
