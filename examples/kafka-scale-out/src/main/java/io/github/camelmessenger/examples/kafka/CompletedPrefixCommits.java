package io.github.camelmessenger.examples.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Commits each partition only up to the last record whose send has completed, with many sends in flight, and holds
 * back a partition that has too many.
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
 * Flow control is per partition and never blocks the consumer thread: a record that would put its partition over
 * {@code maxInFlightPerPartition} is not handed on; the partition is sought back to it and paused, and resumed after a
 * poll once half of its sends have completed. The consumer keeps polling meanwhile (so it stays in the group however
 * long a Page's sends take, a Page paused by Meta for minutes included), and a busy partition holds back only itself.
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
    private final int maxInFlightPerPartition;
    private int inFlight;
    private long completed;
    private volatile Consumer<?, ?> consumer;
    private volatile boolean stopping;
    private long lastCommit = System.nanoTime();
    private long lastCommitFailure = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

    /** One owned partition: offsets polled and not yet committed, mapped to whether their send completed. */
    private static final class Pending {
        final TreeMap<Long, Boolean> offsets = new TreeMap<>();
        /**
         * Offsets polled after the stop began, or whose record could be neither sent nor dead-lettered: not waited for,
         * never committed here; the next owner consumes them again.
         */
        final Set<Long> left = new HashSet<>();
        /** Records admitted (handed on) whose send has neither completed nor been given up. */
        int inFlight;
        /** The offset after the completed prefix taken off {@link #offsets} so far (-1: none yet). */
        long completedUpTo = -1;
        /** The offset the broker confirmed as committed (-1: none yet). */
        long committed = -1;
        /** Paused here (too many in flight) and not resumed yet. */
        boolean held;
        /** The offset the partition was sought back to during the current poll's records (-1: none). */
        long heldFrom = -1;
        /** Revoked or lost: completions of its records no longer count. */
        boolean forgotten;
    }

    /**
     * @param maxInFlightPerPartition the most records of one partition handed on and not yet completed
     * @param events                  where the event lines go ({@code ASSIGNED}, {@code HELD}, ...)
     */
    public CompletedPrefixCommits(int maxInFlightPerPartition, PrintStream events) {
        if (maxInFlightPerPartition < 1) {
            throw new IllegalArgumentException("maxInFlightPerPartition must be at least 1, not "
                    + maxInFlightPerPartition);
        }
        this.maxInFlightPerPartition = maxInFlightPerPartition;
        this.events = events;
    }

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        long offset = record.recordOffset;
        Pending pending;
        synchronized (this) {
            pending = partitions.computeIfAbsent(record.partition, p -> new Pending());
            // polled, not yet admitted: the partition's commits stop here until it completes or is sought back to
            pending.offsets.put(offset, Boolean.FALSE);
        }
        return new Ticket(pending, offset);
    }

    /**
     * One polled record's commit, bound to the ownership of its partition it was polled under: a completion or a
     * give-up after the partition was revoked or lost (and perhaps assigned here again, its record polled anew) does
     * not count for the new ownership.
     */
    private final class Ticket implements KafkaManualCommit {
        private final Pending pending;
        private final long offset;

        Ticket(Pending pending, long offset) {
            this.pending = pending;
            this.offset = offset;
        }

        @Override
        public void commit() {
            complete(pending, offset);
        }

        void abandon() {
            CompletedPrefixCommits.this.abandon(pending, offset);
        }
    }

    /** Marks one record's send complete (sent, dead-lettered or skipped as already sent). */
    private synchronized void complete(Pending pending, long offset) {
        if (!pending.forgotten && !pending.left.contains(offset)
                && pending.offsets.replace(offset, Boolean.TRUE) == Boolean.FALSE) {
            notInFlight(pending);
            completed++;
        }
    }

    private void notInFlight(Pending pending) {
        pending.inFlight--;
        inFlight--;
        notifyAll();
    }

    /**
     * Gives up on one record handed on that could be neither sent nor dead-lettered: it is no longer waited for (in
     * flight, on revocation), and its partition is not committed past it, so the next owner consumes it again. The
     * commit is the one camel-kafka passed with the record (made by {@link #newInstance}).
     */
    public void abandon(KafkaManualCommit commit) {
        if (commit instanceof Ticket ticket) {
            ticket.abandon();
        }
    }

    private synchronized void abandon(Pending pending, long offset) {
        if (!pending.forgotten && pending.offsets.get(offset) == Boolean.FALSE && pending.left.add(offset)) {
            notInFlight(pending);
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Records of the partition handed on and not completed (0 when not owned). */
    synchronized int inFlight(TopicPartition partition) {
        Pending pending = partitions.get(partition);
        return pending == null ? 0 : pending.inFlight;
    }

    /** Owned partitions held back (paused) because too many of their sends are in flight. */
    public synchronized int held() {
        return (int) partitions.values().stream().filter(p -> p.held).count();
    }

    public synchronized long completed() {
        return completed;
    }

    /**
     * On the consumer thread, for each record: whether to hand it on. Once the stop has begun no record is: the ones
     * polled since stay uncommitted (and are no longer waited for), so the partition's next owner sends them. A record
     * that would put its partition over the cap is not either: the partition is sought back to it and paused, so it
     * comes again once the partition is resumed, as do the later records of the partition in the same poll.
     */
    boolean admit(TopicPartition partition, long offset) {
        Pending pending;
        int heldAt;
        synchronized (this) {
            pending = partitions.get(partition);
            if (pending == null || pending.forgotten) {
                return false;
            }
            if (stopping) {
                // not handed on, not waited for, and its partition is not committed past it
                pending.left.add(offset);
                return false;
            }
            boolean behindHold = pending.heldFrom >= 0 && offset >= pending.heldFrom;
            if (!behindHold && pending.inFlight < maxInFlightPerPartition) {
                pending.inFlight++;
                inFlight++;
                return true;
            }
            // polled again once the partition is resumed: not this poll's record any more
            pending.offsets.remove(offset);
            if (behindHold) {
                return false;
            }
            pending.heldFrom = offset;
            pending.held = true;
            heldAt = pending.inFlight;
        }
        Consumer<?, ?> kafka = this.consumer;
        kafka.seek(partition, offset);
        kafka.pause(List.of(partition));
        event("HELD", kafka, List.of(partition), " from=" + offset + " inflight=" + heldAt);
        return false;
    }

    /**
     * After each poll, on the consumer thread: the new poll's records start where the held partitions were sought
     * back to, and a held partition with at most half its cap in flight is resumed.
     */
    private void afterPoll(Consumer<?, ?> kafka) {
        List<TopicPartition> resume = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<TopicPartition, Pending> e : partitions.entrySet()) {
                Pending pending = e.getValue();
                pending.heldFrom = -1;
                if (pending.held && pending.inFlight <= maxInFlightPerPartition / 2) {
                    pending.held = false;
                    resume.add(e.getKey());
                }
            }
        }
        if (!resume.isEmpty()) {
            kafka.resume(resume);
            event("RESUMED", kafka, resume, "");
        }
    }

    /** Called when the instance is told to stop (SIGTERM), before Camel stops: hand nothing more on. */
    public void stopHandingOn() {
        stopping = true;
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
        return pending != null && pending.inFlight > 0;
    }

    private synchronized void forget(Collection<TopicPartition> gone) {
        for (TopicPartition partition : gone) {
            Pending pending = partitions.remove(partition);
            if (pending != null) {
                pending.forgotten = true;
                inFlight -= pending.inFlight;
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
                // newly ours: whatever is known of them is from an ownership that ended without a revocation or a
                // loss reaching here (a consumer that reconnected), so it no longer counts
                forget(assigned);
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
                afterPoll((Consumer<?, ?>) consumer);
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
