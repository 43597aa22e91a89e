package io.github.camelmessenger.examples.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commit bookkeeping against a stand-in consumer that records what it was asked to commit, and fails commits on
 * demand; no broker, no timing.
 */
class CompletedPrefixCommitsTest {

    private static final TopicPartition P0 = new TopicPartition(NotificationsProducerRoutes.TOPIC, 0);

    /** What the stand-in consumer was asked, and how it answers. */
    private static final class Broker {
        final List<Map<TopicPartition, OffsetAndMetadata>> syncCommits = new ArrayList<>();
        final List<Map<TopicPartition, OffsetAndMetadata>> asyncCommits = new ArrayList<>();
        /** seek, pause and resume calls, in order, as "seek P0@4", "pause [P0]", "resume [P0]". */
        final List<String> flow = new ArrayList<>();
        ConsumerRebalanceListener listener;
        boolean failSync;
        boolean failAsync;

        @SuppressWarnings("unchecked")
        Consumer<String, String> consumer() {
            return (Consumer<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { Consumer.class }, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "subscribe" -> listener = (ConsumerRebalanceListener) args[1];
                            case "seek" -> flow.add("seek " + args[0] + "@" + args[1]);
                            case "pause", "resume" -> flow.add(method.getName() + " " + args[0]);
                            case "commitSync" -> {
                                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(
                                        (Map<TopicPartition, OffsetAndMetadata>) args[0]);
                                syncCommits.add(offsets);
                                if (failSync) {
                                    throw new TimeoutException("commit timed out");
                                }
                            }
                            case "commitAsync" -> {
                                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(
                                        (Map<TopicPartition, OffsetAndMetadata>) args[0]);
                                asyncCommits.add(offsets);
                                OffsetCommitCallback callback = (OffsetCommitCallback) args[1];
                                if (callback != null) {
                                    callback.onComplete(offsets, failAsync
                                            ? new RetriableCommitFailedException("coordinator moved")
                                            : null);
                                }
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "toString" -> {
                                return "stand-in consumer";
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }

    /** camel-kafka's own listener, as far as this test cares: whether it was told. */
    private static final class CamelListener implements ConsumerRebalanceListener {
        final List<Collection<TopicPartition>> revoked = new ArrayList<>();

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            revoked.add(List.copyOf(partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    private final ByteArrayOutputStream eventBytes = new ByteArrayOutputStream();
    private final CompletedPrefixCommits commits = new CompletedPrefixCommits(128,
            new PrintStream(eventBytes, true, StandardCharsets.UTF_8));
    private final Broker broker = new Broker();
    private final Consumer<String, String> consumer = broker.consumer();
    private final CamelListener camel = new CamelListener();

    /** A record polled and handed on, as camel-kafka and the consuming route do it. */
    private KafkaManualCommit polled(long offset) {
        KafkaManualCommit commit = offered(offset);
        assertThat(commits.admit(P0, offset)).isTrue();
        return commit;
    }

    /** A record polled, before the route decides whether to hand it on. */
    private KafkaManualCommit offered(long offset) {
        return commits.newInstance(new KafkaManualCommitFactory.CamelExchangePayload(null, consumer, "t", null),
                new KafkaManualCommitFactory.KafkaRecordPayload(P0, offset, 10_000), null);
    }

    @Test
    void aPartitionOverItsCapIsSoughtBackAndPausedAndResumedOnceHalfCompleted() {
        CompletedPrefixCommits capped = new CompletedPrefixCommits(4,
                new PrintStream(eventBytes, true, StandardCharsets.UTF_8));
        capped.subscribe(consumer, camel, new TopicInfo(null, NotificationsProducerRoutes.TOPIC));
        List<KafkaManualCommit> handedOn = new ArrayList<>();
        for (long offset = 0; offset < 7; offset++) {
            KafkaManualCommit commit = capped.newInstance(
                    new KafkaManualCommitFactory.CamelExchangePayload(null, consumer, "t", null),
                    new KafkaManualCommitFactory.KafkaRecordPayload(P0, offset, 10_000), null);
            if (capped.admit(P0, offset)) {
                handedOn.add(commit);
            }
        }
        // four handed on; the fifth sought back to and the partition paused; the rest of the poll not handed on
        assertThat(handedOn).hasSize(4);
        assertThat(capped.inFlight(P0)).isEqualTo(4);
        assertThat(broker.flow).containsExactly("seek " + P0 + "@4", "pause [" + P0 + "]");
        assertThat(capped.held()).isEqualTo(1);

        // a poll with one completed: still held; with two (half the cap in flight): resumed
        handedOn.get(0).commit();
        capped.pollListener().afterConsume(consumer);
        assertThat(broker.flow).hasSize(2);
        handedOn.get(1).commit();
        capped.pollListener().afterConsume(consumer);
        assertThat(broker.flow).last().isEqualTo("resume [" + P0 + "]");
        assertThat(capped.held()).isZero();
        // the completed prefix stops where the partition was sought back: 4 comes again
        handedOn.get(2).commit();
        handedOn.get(3).commit();
        capped.commitCompleted(consumer, true);
        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(4)));
        String events = eventBytes.toString(StandardCharsets.UTF_8);
        assertThat(events).contains("HELD ").contains("from=4 inflight=4").contains("RESUMED ");
    }

    @Test
    void aCompletionAfterItsPartitionWasRevokedDoesNotCountForTheNextOwnership() {
        subscribe();
        KafkaManualCommit late = polled(0);
        // lost while its send is still out (another member owns the partition already)
        broker.listener.onPartitionsLost(List.of(P0));
        assertThat(commits.inFlight()).isZero();
        // assigned here again: the same offset polled and handed on anew
        KafkaManualCommit again = polled(0);
        late.commit();
        assertThat(commits.inFlight()).isOne();
        commits.commitCompleted(consumer, true);
        assertThat(broker.syncCommits).isEmpty();
        again.commit();
        assertThat(commits.inFlight()).isZero();
        commits.commitCompleted(consumer, true);
        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aGiveUpAfterItsPartitionWasLostDoesNotCountForTheNextOwnership() {
        subscribe();
        KafkaManualCommit late = polled(0);
        broker.listener.onPartitionsLost(List.of(P0));
        broker.listener.onPartitionsAssigned(List.of(P0));
        KafkaManualCommit again = polled(0);
        // the old ownership's send finally gives up (its dead letter refused): the new one's record still counts
        commits.abandon(late);
        assertThat(commits.inFlight()).isOne();
        again.commit();
        assertThat(commits.inFlight()).isZero();
        commits.commitCompleted(consumer, true);
        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aRecordGivenUpIsNoLongerWaitedForAndItsPartitionIsNotCommittedPastIt() {
        subscribe();
        polled(0).commit();
        KafkaManualCommit given = polled(1);
        polled(2).commit();
        commits.abandon(given);
        assertThat(commits.inFlight()).isZero();
        broker.listener.onPartitionsRevoked(List.of(P0));
        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(1)));
    }

    private void subscribe() {
        commits.subscribe(consumer, camel, new TopicInfo(null, NotificationsProducerRoutes.TOPIC));
    }

    @Test
    void aFailedRevocationCommitStillLetsThePartitionGoAndTellsCamel() {
        subscribe();
        polled(0).commit();
        polled(1).commit();
        broker.failSync = true;

        assertThatThrownBy(() -> broker.listener.onPartitionsRevoked(List.of(P0)))
                .isInstanceOf(TimeoutException.class);

        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));
        assertThat(camel.revoked).containsExactly(List.of(P0));
        // forgotten: nothing of it is waited for or committed any more
        assertThat(commits.inFlight()).isZero();
        broker.failSync = false;
        commits.commitCompleted(consumer, true);
        assertThat(broker.syncCommits).hasSize(1);
        assertThat(eventBytes.toString(StandardCharsets.UTF_8)).startsWith("REVOKED ");
    }

    @Test
    void aFailedAsynchronousCommitIsCommittedAgainOnRevocation() {
        subscribe();
        polled(0).commit();
        polled(1).commit();
        KafkaManualCommit third = polled(2);
        broker.failAsync = true;

        commits.commitCompleted(consumer, false);
        assertThat(broker.asyncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));

        // failed, so not taken as committed: the next periodic commit sends it again
        broker.failAsync = false;
        commits.commitCompleted(consumer, false);
        assertThat(broker.asyncCommits).hasSize(2).last().isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));

        third.commit();
        broker.listener.onPartitionsRevoked(List.of(P0));
        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(camel.revoked).containsExactly(List.of(P0));
    }

    @Test
    void revocationCommitsTheCompletedPrefixEvenWhenAnAsynchronousCommitSucceeded() {
        subscribe();
        polled(0).commit();
        polled(1).commit();
        commits.commitCompleted(consumer, false);
        assertThat(broker.asyncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));

        broker.listener.onPartitionsRevoked(List.of(P0));

        assertThat(broker.syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));
    }
}
