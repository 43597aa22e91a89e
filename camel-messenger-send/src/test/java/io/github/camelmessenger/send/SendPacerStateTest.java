package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-Page state stays as large as the Pages in use: idle pacer lanes and ended pauses go, a stopped pacer refuses
 * at once, and a Page sent to at two rates keeps each rate over one window.
 */
class SendPacerStateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final SendPacer pacer = new SendPacer(scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void theLaneOfAnIdlePageGoesOnceItsWindowHasPassed() throws Exception {
        // every start below is after this: as seen from it, each lane's slot and window are still running
        long beforeTheSends = System.nanoTime();
        CountDownLatch sent = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            pacer.submit("page-" + i, 10, started -> sent.countDown(), failure -> {
            });
        }
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        // a Page that has sends waiting keeps its lane (four sends 2 s apart: some still wait after the loop below)
        CountDownLatch busy = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            pacer.submit("busy", 0.5, started -> busy.countDown(), failure -> {
            });
        }

        // within the window the lanes stay: a send now would still count against the last second
        pacer.removeIdleLanes(beforeTheSends);
        assertThat(pacer.lanes()).isEqualTo(51);

        long deadline = System.nanoTime() + 10 * SECOND;
        while (pacer.lanes() > 1 && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            pacer.removeIdleLanes(System.nanoTime());
        }
        assertThat(pacer.lanes()).isEqualTo(1);
        assertThat(pacer.pending()).isPositive();

        // a Page whose lane went gets a new one and sends as before
        CountDownLatch again = new CountDownLatch(1);
        pacer.submit("page-7", 10, started -> again.countDown(), failure -> {
        });
        assertThat(again.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(busy.await(15, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void concurrentSubmitsWhileLanesAreRemovedAllRunOnce() throws Exception {
        int threads = 4;
        int perThread = 200;
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger aborted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads * perThread);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread remover = new Thread(() -> {
            while (done.getCount() > 0) {
                pacer.removeIdleLanes(System.nanoTime());
            }
        });
        remover.start();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        pacer.submit("page-" + (thread * perThread + i), 1000, started -> {
                            ran.incrementAndGet();
                            done.countDown();
                        }, failure -> {
                            aborted.incrementAndGet();
                            done.countDown();
                        });
                    }
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        remover.join(10_000);
        assertThat(error.get()).isNull();
        assertThat(ran.get()).isEqualTo(threads * perThread);
        assertThat(aborted.get()).isZero();
    }

    @Test
    void aStoppedPacerRefusesAtOnceAndWhatWaitedIsAbortedAfterTheScheduler() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        List<RuntimeException> aborted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pacer.submit("page", 1, started -> ran.incrementAndGet(), aborted::add);
        }
        assertThat(ran.get()).isEqualTo(1);

        pacer.stop();
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        pacer.submit("page", 1, started -> ran.incrementAndGet(), refused::set);
        pacer.submit("another-page", 1, started -> ran.incrementAndGet(), refused::set);
        // refused in the call itself, not left to a scheduler that is about to stop
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        assertThat(ran.get()).isEqualTo(1);

        scheduler.shutdownNow();
        pacer.abortPending();
        assertThat(aborted).hasSize(2).allMatch(e -> e.getMessage().contains("stopped before this paced send"));
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void aPageSentToAtTwoRatesKeepsEachRateOverOneWindow() throws Exception {
        int sends = 12;
        List<long[]> starts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(sends);
        for (int i = 0; i < sends; i++) {
            int rate = i % 2 == 0 ? 5 : 50;
            pacer.submit("page", rate, started -> {
                synchronized (starts) {
                    starts.add(new long[] { System.nanoTime(), rate });
                }
                done.countDown();
            }, failure -> done.countDown());
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(starts).hasSize(sends);
        // a send at 5/s never starts when 5 others started within the second before it
        for (long[] start : starts) {
            if (start[1] != 5) {
                continue;
            }
            long before = starts.stream()
                    .filter(other -> other != start && other[0] - start[0] <= 0 && start[0] - other[0] < SECOND)
                    .count();
            assertThat(before).as("starts in the second before a 5/s send").isLessThan(5);
        }
    }

    @Test
    void endedPausesGoEvenForPagesNotAskedAboutAgain() {
        PagePauses pauses = new PagePauses();
        AtomicLong now = new AtomicLong(1_000);
        pauses.useClock(now::get);
        for (int i = 0; i < 100; i++) {
            pauses.pause("page-" + i, Duration.ofSeconds(1));
        }
        pauses.pause("long", Duration.ofMinutes(10));
        assertThat(pauses.size()).isEqualTo(101);

        now.addAndGet(3 * SECOND);
        assertThat(pauses.remaining("another-page")).isNull();
        assertThat(pauses.size()).isEqualTo(1);
        assertThat(pauses.remaining("long")).isPositive();
    }
}
