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
        ConsumerRebalanceListener listener;
        boolean failSync;
        boolean failAsync;

        @SuppressWarnings("unchecked")
        Consumer<String, String> consumer() {
            return (Consumer<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { Consumer.class }, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "subscribe" -> listener = (ConsumerRebalanceListener) args[1];
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

    private KafkaManualCommit polled(long offset) {
        return commits.newInstance(new KafkaManualCommitFactory.CamelExchangePayload(null, consumer, "t", null),
                new KafkaManualCommitFactory.KafkaRecordPayload(P0, offset, 10_000), null);
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
