package io.github.camelmessenger.send.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Keeps a fixed number of messages in flight for a while and measures the run after a warm-up.
 */
final class LoadDriver {

    private LoadDriver() {
    }

    /** A closed loop of asynchronous sends: each completion starts the next one; no thread per message. */
    static Measurement run(Senders.AsyncSender sender, int inFlight, long warmupMillis, long measureMillis)
            throws InterruptedException {
        loop(sender, inFlight, warmupMillis, null);
        Measurement measurement = new Measurement(4_000_000);
        measurement.start();
        loop(sender, inFlight, measureMillis, measurement);
        measurement.stop();
        return measurement;
    }

    private static void loop(Senders.AsyncSender sender, int inFlight, long millis, Measurement measurement)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        CountDownLatch lanesDone = new CountDownLatch(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int lane = 0; lane < inFlight; lane++) {
            new Object() {
                void next() {
                    if (System.nanoTime() >= deadline || failure.get() != null) {
                        lanesDone.countDown();
                        return;
                    }
                    long start = System.nanoTime();
                    sender.send(error -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        } else if (measurement != null) {
                            measurement.record(System.nanoTime() - start);
                        }
                        next();
                    });
                }
            }.next();
        }
        awaitWhileSampling(lanesDone, millis + 30_000, measurement);
        if (failure.get() != null) {
            throw new IllegalStateException("A send failed", failure.get());
        }
    }

    /** Blocking sends from {@code inFlight} threads: the only way to keep that many in flight on camel-http. */
    static Measurement runBlocking(Senders.SyncSender sender, int inFlight, long warmupMillis, long measureMillis)
            throws InterruptedException {
        blockingLoop(sender, inFlight, warmupMillis, null);
        Measurement measurement = new Measurement(4_000_000);
        measurement.start();
        blockingLoop(sender, inFlight, measureMillis, measurement);
        measurement.stop();
        return measurement;
    }

    private static void blockingLoop(Senders.SyncSender sender, int inFlight, long millis, Measurement measurement)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        CountDownLatch done = new CountDownLatch(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        long start = System.nanoTime();
                        sender.send();
                        if (measurement != null) {
                            measurement.record(System.nanoTime() - start);
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-sender-" + i);
            thread.start();
            threads.add(thread);
        }
        awaitWhileSampling(done, millis + 30_000, measurement);
        if (failure.get() != null) {
            throw new IllegalStateException("A send failed", failure.get());
        }
    }

    /** Starts {@code count} sends at once and waits for all of them, sampling threads and heap meanwhile. */
    static Measurement burst(Senders.AsyncSender sender, int count, long timeoutMillis) throws InterruptedException {
        return burst(sender, count, timeoutMillis, pending -> {
        });
    }

    /** As above; {@code handedOver} is told, once all are started, how many are still pending. */
    static Measurement burst(Senders.AsyncSender sender, int count, long timeoutMillis, LongConsumer handedOver)
            throws InterruptedException {
        Measurement measurement = new Measurement(count);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicBoolean started = new AtomicBoolean();
        measurement.start();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            sender.send(error -> {
                if (error != null) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, error);
                } else {
                    measurement.record(System.nanoTime() - start);
                }
                done.countDown();
            });
            if (i % 500 == 0) {
                measurement.sample();
            }
        }
        started.set(true);
        handedOver.accept(done.getCount());
        boolean all = awaitWhileSampling(done, timeoutMillis, measurement);
        measurement.stop();
        if (!all || failures.get() > 0) {
            throw new IllegalStateException("Burst: " + done.getCount() + " not completed, " + failures.get()
                    + " failed", firstFailure.get());
        }
        return measurement;
    }

    private static boolean awaitWhileSampling(CountDownLatch latch, long timeoutMillis, Measurement measurement)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (latch.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (measurement != null) {
                measurement.sample();
            }
        }
        return false;
    }
}
