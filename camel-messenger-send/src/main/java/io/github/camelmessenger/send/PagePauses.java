package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Pages Meta has rate-limited, and until when. Meta's guidance is to stop calling once limited (calls made
 * while limited lengthen the block), so sends for a paused Page fail at once without a call. Shared by every
 * endpoint of the component.
 */
final class PagePauses {

    // how often at most remaining() drops the pauses that ended for Pages not asked about since
    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, Long> pausedUntilNanos = new ConcurrentHashMap<>();
    private volatile LongSupplier nanoClock = System::nanoTime;
    private final SweepSchedule sweeps = new SweepSchedule(SWEEP_INTERVAL, System.nanoTime());

    /** Replaces the clock; for tests that cannot wait out a pause of minutes. */
    void useClock(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        sweeps.restart(nanoClock.getAsLong());
    }

    /** The time left of the Page's pause, or null when it may be called. */
    Duration remaining(String pageId) {
        long now = nanoClock.getAsLong();
        if (!pausedUntilNanos.isEmpty() && sweeps.claimIfDue(now)) {
            // removes an entry only if it still holds the ended pause, so a new pause at the same time stays
            pausedUntilNanos.entrySet().removeIf(e -> e.getValue() - now <= 0);
        }
        Long until = pausedUntilNanos.get(pageId);
        if (until == null) {
            return null;
        }
        long left = until - now;
        if (left <= 0) {
            pausedUntilNanos.remove(pageId, until);
            return null;
        }
        return Duration.ofNanos(left);
    }

    /** How many Pages are paused or were and have not been dropped yet (at most a second after their pause ended). */
    int size() {
        return pausedUntilNanos.size();
    }

    /** Pauses the Page for this long from now; a longer pause already in place is kept. */
    void pause(String pageId, Duration duration) {
        long until = nanoClock.getAsLong() + duration.toNanos();
        pausedUntilNanos.merge(pageId, until, (a, b) -> a - b > 0 ? a : b);
    }
}
