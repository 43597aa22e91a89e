package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacer keeps the rate in every second even when its timer wakes late by varying amounts, as on a busy host: a
 * late wake may catch up on the grid, but never past the rate in any one second, and the average rate holds.
 */
class SendPacerWindowTest {

    /** A scheduler whose every other wake comes 95 ms late, just under the 100 ms interval of 10/s. */
    private static final class JitteryScheduler extends ScheduledThreadPoolExecutor {
        private final AtomicInteger wakes = new AtomicInteger();

        JitteryScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            long late = wakes.incrementAndGet() % 2 == 0 ? TimeUnit.MILLISECONDS.toNanos(95) : 0;
            return super.schedule(command, unit.toNanos(delay) + late, TimeUnit.NANOSECONDS);
        }
    }

    @Test
    void lateWakesNeverLetMoreThanTheRateStartInAnySecond() throws Exception {
        JitteryScheduler scheduler = new JitteryScheduler();
        try {
            SendPacer pacer = new SendPacer(scheduler);
            int sends = 40;
            List<Long> starts = Collections.synchronizedList(new ArrayList<>());
            List<Long> slots = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(sends);
            for (int i = 0; i < sends; i++) {
                pacer.submit("1122334455", 10, started -> {
                    slots.add(started);
                    starts.add(System.nanoTime());
                    done.countDown();
                }, failure -> done.countDown());
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(starts).hasSize(sends);

            List<Long> sorted = new ArrayList<>(starts);
            Collections.sort(sorted);
            assertThat(mostInAnySecond(sorted)).as("most sends started in any 1 s").isLessThanOrEqualTo(10);
            // the start each send is handed (what the call timestamp is taken from) holds the bound too
            List<Long> sortedSlots = new ArrayList<>(slots);
            Collections.sort(sortedSlots);
            assertThat(mostInAnySecond(sortedSlots)).as("most slots in any 1 s").isLessThanOrEqualTo(10);
            // a send never runs before its slot
            assertThat(sortedSlots.get(sends - 1)).isLessThanOrEqualTo(sorted.get(sends - 1));
            assertThat(sortedSlots.get(0)).isLessThanOrEqualTo(sorted.get(0));
            // and no drift below the rate: 40 sends at 10/s take about 3.9 s; a pacer that lost every late wake would
            // take 1.9 s more (20 wakes 95 ms late), and the bound leaves a loaded machine's own lateness between
            double seconds = (sorted.get(sends - 1) - sorted.get(0)) / 1e9;
            assertThat(seconds).isBetween(3.85, 5.3);
        } finally {
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int mostInAnySecond(List<Long> sortedNanos) {
        int most = 0;
        for (int i = 0; i < sortedNanos.size(); i++) {
            int j = i;
            while (j < sortedNanos.size() && sortedNanos.get(j) - sortedNanos.get(i) < TimeUnit.SECONDS.toNanos(1)) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }
}
