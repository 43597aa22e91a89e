package io.github.camelmessenger.examples.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.errorhandler.KafkaConsumerListener;
import org.apache.camel.component.kafka.consumer.support.ProcessingResult;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits each partition only up to the last record whose send has completed, with many sends in flight.
 * <p>
 * camel-kafka hands every record to the route with a {@link KafkaManualCommit}; this factory makes that object, so
 * each record is registered here when it is polled, and {@code commit()} only marks it complete. Because the factory
 * is none of camel-kafka's own, camel-kafka picks its no-op commit manager and never commits by itself (not after each
 * record, not on revocation, not on stop). The offsets are committed here instead, on the consumer's own thread (a
 * Kafka consumer must not be used from two threads): after each poll ({@link #pollListener()}), and synchronously when
 * partitions are revoked, after waiting for their sends in flight to finish. The revocation wait is what makes a
 * rebalance, and a graceful stop (which revokes everything), exact: the next owner starts at the first record that was
 * not sent.
 * <p>
 * One instance serves one consumer thread ({@code consumersCount=1}).
 */
public final class CompletedPrefixCommits implements KafkaManualCommitFactory, SubscribeAdapter {

    /** How long a revocation waits for the sends in flight on the revoked partitions. */
    static final Duration REVOKE_WAIT = Duration.ofSeconds(30);
    /** The shortest time between two periodic commits: a commit per poll would keep the broker busy for nothing. */
    static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Map<TopicPartition, Pending> partitions = new HashMap<>();
    private final PrintStream events;
    private final int maxInFlight;
    private int inFlight;
    private long completed;
    private volatile Consumer<?, ?> consumer;
    private volatile boolean stopping;
    private long lastCommit = System.nanoTime();
    private long lastCommitFailure = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

    /** Per partition: offsets polled and not yet committed, mapped to whether their send completed. */
    private static final class Pending {
        final TreeMap<Long, Boolean> offsets = new TreeMap<>();
        /**
         * Offsets polled after the stop began, or whose record could be neither sent nor dead-lettered: not waited for,
         * never committed here; the next owner consumes them again.
         */
        final java.util.Set<Long> left = new java.util.HashSet<>();
        /** The offset after the completed prefix taken off {@link #offsets} so far (-1: none yet). */
        long completedUpTo = -1;
        /** The offset the broker confirmed as committed (-1: none yet). */
        long committed = -1;
    }

    public CompletedPrefixCommits(int maxInFlight, PrintStream events) {
        this.maxInFlight = maxInFlight;
        this.events = events;
    }

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        TopicPartition partition = record.partition;
        long offset = record.recordOffset;
        synchronized (this) {
            partitions.computeIfAbsent(partition, p -> new Pending()).offsets.put(offset, Boolean.FALSE);
            inFlight++;
        }
        return () -> complete(partition, offset);
    }

    /** Marks one record's send complete (sent, dead-lettered or skipped as already sent). */
    synchronized void complete(TopicPartition partition, long offset) {
        Pending pending = partitions.get(partition);
        if (pending != null && pending.offsets.replace(offset, Boolean.TRUE) == Boolean.FALSE) {
            inFlight--;
            completed++;
            notifyAll();
        }
    }

    /**
     * Gives up on one record that could be neither sent nor dead-lettered: it is no longer waited for (in flight, on
     * revocation), and its partition is not committed past it, so the next owner consumes it again.
     */
    synchronized void abandon(TopicPartition partition, long offset) {
        Pending pending = partitions.get(partition);
        if (pending != null && pending.offsets.get(offset) == Boolean.FALSE && pending.left.add(offset)) {
            inFlight--;
            notifyAll();
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized long completed() {
        return completed;
    }

    /**
     * On the consumer thread, before a record is handed off: holds the consumer while too many sends are in flight,
     * committing what completes meanwhile, so a backlog does not pile up in memory nor widen the duplicate bound.
     */
    void awaitCapacity() throws InterruptedException {
        Consumer<?, ?> consumer = this.consumer;
        long deadline = System.nanoTime() + REVOKE_WAIT.toNanos();
        while (true) {
            synchronized (this) {
                if (inFlight < maxInFlight || stopping || System.nanoTime() > deadline) {
                    break;
                }
                wait(20);
            }
            if (consumer != null) {
                commitCompleted(consumer, false);
            }
        }
    }

    /**
     * On the consumer thread, for each record: whether to hand it on. Once the stop has begun no record is: the ones
     * polled since stay uncommitted (and are no longer waited for), so the partition's next owner sends them.
     */
    boolean admit(TopicPartition partition, long offset) {
        try {
            awaitCapacity();
        } catch (InterruptedException e) {
            // the consumer is being stopped: the record is left for the partition's next owner, like one polled after
            // the stop began
            Thread.currentThread().interrupt();
            return leave(partition, offset);
        }
        if (!stopping) {
            return true;
        }
        return leave(partition, offset);
    }

    /** The record is not handed on: not waited for, and its partition is not committed past it. */
    private boolean leave(TopicPartition partition, long offset) {
        synchronized (this) {
            Pending pending = partitions.get(partition);
            if (pending != null && pending.offsets.get(offset) == Boolean.FALSE && pending.left.add(offset)) {
                inFlight--;
                notifyAll();
            }
        }
        return false;
    }

    /** Called when the instance is told to stop (SIGTERM), before Camel stops: hand nothing more on. */
    public void stopHandingOn() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Commits the completed prefix of each partition, asynchronously where it is past the last confirmed commit; on
     * the consumer thread only. A partition counts as committed only once the broker confirmed it, so a failed
     * asynchronous commit is sent again, at the latest on revocation.
     */
    void commitCompleted(Consumer<?, ?> consumer, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = completedPrefixes(null);
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            confirmed(offsets);
        } else {
            consumer.commitAsync(offsets, (done, failure) -> {
                if (failure == null) {
                    confirmed(done);
                } else if (System.nanoTime() - lastCommitFailure > TimeUnit.SECONDS.toNanos(1)) {
                    // sent again with the next commit; during a rebalance every try fails, so one line a second
                    lastCommitFailure = System.nanoTime();
                    event("COMMIT-FAILED", consumer, done.keySet(), " " + failure.getClass().getSimpleName());
                }
            });
        }
    }

    /**
     * Commits the completed prefix of the revoked partitions synchronously, whether or not it was committed before
     * (an asynchronous commit may still be unconfirmed, or have failed), and those of the others that moved on.
     */
    void commitRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        Map<TopicPartition, OffsetAndMetadata> offsets = completedPrefixes(revoked);
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            confirmed(offsets);
        }
    }

    /** The offsets to commit: past the last confirmed commit, and every known prefix of the partitions listed. */
    private synchronized Map<TopicPartition, OffsetAndMetadata> completedPrefixes(
                                                                                  Collection<TopicPartition> unconditionally) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, Pending> e : partitions.entrySet()) {
            Pending pending = e.getValue();
            long next = takeCompletedPrefix(pending);
            boolean always = unconditionally != null && unconditionally.contains(e.getKey());
            if (next > pending.committed || always && next >= 0) {
                offsets.put(e.getKey(), new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    private synchronized void confirmed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            Pending pending = partitions.get(e.getKey());
            if (pending != null) {
                pending.committed = Math.max(pending.committed, e.getValue().offset());
            }
        }
    }

    /** Drops the leading completed offsets and answers the offset after them (the first one not completed). */
    private static long takeCompletedPrefix(Pending pending) {
        while (!pending.offsets.isEmpty() && pending.offsets.firstEntry().getValue()) {
            pending.completedUpTo = pending.offsets.pollFirstEntry().getKey() + 1;
        }
        return pending.completedUpTo;
    }

    /** The confirmed commit of a partition this instance owns (-1: none, or not owned). */
    synchronized long committed(TopicPartition partition) {
        Pending pending = partitions.get(partition);
        return pending == null ? -1 : pending.committed;
    }

    private boolean awaitCompleted(Collection<TopicPartition> revoked) throws InterruptedException {
        long deadline = System.nanoTime() + REVOKE_WAIT.toNanos();
        synchronized (this) {
            while (revoked.stream().anyMatch(this::hasPending)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        }
    }

    private boolean hasPending(TopicPartition partition) {
        Pending pending = partitions.get(partition);
        return pending != null && pending.offsets.entrySet().stream()
                .anyMatch(e -> !e.getValue() && !pending.left.contains(e.getKey()));
    }

    private synchronized void forget(Collection<TopicPartition> gone) {
        for (TopicPartition partition : gone) {
            Pending pending = partitions.remove(partition);
            if (pending != null) {
                for (Map.Entry<Long, Boolean> e : pending.offsets.entrySet()) {
                    if (!e.getValue() && !pending.left.contains(e.getKey())) {
                        inFlight--;
                    }
                }
            }
        }
        notifyAll();
    }

    /** camel-kafka looks this up as the {@code subscribeAdapter} bean: it wraps camel-kafka's rebalance listener. */
    @Override
    public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camelListener, TopicInfo topicInfo) {
        this.consumer = consumer;
        ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                try {
                    if (!revoked.isEmpty()) {
                        revoke(consumer, revoked);
                    }
                } finally {
                    camelListener.onPartitionsRevoked(revoked);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                // another member owns them already: committing is refused, the idempotent repository covers them
                try {
                    event("LOST", consumer, lost, "");
                    forget(lost);
                } finally {
                    camelListener.onPartitionsLost(lost);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                event("ASSIGNED", consumer, assigned, "");
                camelListener.onPartitionsAssigned(assigned);
            }
        };
        if (topicInfo.isPattern()) {
            consumer.subscribe(topicInfo.getPattern(), listener);
        } else {
            consumer.subscribe(topicInfo.getTopics(), listener);
        }
    }

    /**
     * Waits for the revoked partitions' sends in flight, commits their completed prefix, and forgets them: also when
     * the commit fails (the next owner then starts at the last commit that succeeded; the repository skips the rest).
     */
    void revoke(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        boolean finished = false;
        String note = "";
        try {
            try {
                finished = awaitCompleted(revoked);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commitRevoked(consumer, revoked);
        } catch (RuntimeException e) {
            note = " commit-failed=" + e.getClass().getSimpleName();
            throw e;
        } finally {
            event("REVOKED", consumer, revoked, (finished ? "" : " unfinished") + note);
            forget(revoked);
        }
    }

    private void event(String what, Consumer<?, ?> consumer, Collection<TopicPartition> parts, String note) {
        List<Integer> numbers = new ArrayList<>();
        parts.forEach(p -> numbers.add(p.partition()));
        numbers.sort(null);
        int generation;
        try {
            generation = consumer.groupMetadata().generationId();
        } catch (RuntimeException e) {
            generation = -1;
        }
        events.println(what + " " + System.currentTimeMillis() + " generation=" + generation + " owned="
                + ownedCount(what, consumer) + " partitions=" + numbers + note);
    }

    private static int ownedCount(String what, Consumer<?, ?> consumer) {
        try {
            return consumer.assignment().size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The consumer listener camel-kafka calls after every poll, on the consumer thread: commits what completed. */
    public KafkaConsumerListener pollListener() {
        return new KafkaConsumerListener() {
            @Override
            public boolean afterConsume(Object consumer) {
                long now = System.nanoTime();
                if (now - lastCommit >= COMMIT_INTERVAL_NANOS) {
                    lastCommit = now;
                    commitCompleted((Consumer<?, ?>) consumer, false);
                }
                return true;
            }

            @Override
            public boolean afterProcess(ProcessingResult result) {
                // camel-kafka's own answer to a failed record is to pause every assigned partition until a later
                // poll resumes them; here no record fails in the consuming route (admitting one that cannot be
                // handed on leaves it), and its sends complete or fail on their own, so the partitions keep going
                return true;
            }
        };
    }
}
