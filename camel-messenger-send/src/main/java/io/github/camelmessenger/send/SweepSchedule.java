package io.github.camelmessenger.send;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When to drop idle per-Page or per-token state: at most once an interval, by whichever of the threads that ask
 * claims the sweep first, so the sweep costs the hot path one read of a clock and one of this field.
 */
final class SweepSchedule {

    private final long intervalNanos;
    private final AtomicLong lastSweep;

    SweepSchedule(long intervalNanos, long nowNanos) {
        this.intervalNanos = intervalNanos;
        this.lastSweep = new AtomicLong(nowNanos);
    }

    /** Whether the interval has passed since the last sweep. */
    boolean due(long nowNanos) {
        return nowNanos - lastSweep.get() > intervalNanos;
    }

    /** Claims a sweep now, due or not; false when another thread claimed one meanwhile. */
    boolean claim(long nowNanos) {
        long last = lastSweep.get();
        return lastSweep.compareAndSet(last, nowNanos);
    }

    /** Claims a sweep now if it is due; false when it is not, or when another thread claimed it. */
    boolean claimIfDue(long nowNanos) {
        long last = lastSweep.get();
        return nowNanos - last > intervalNanos && lastSweep.compareAndSet(last, nowNanos);
    }

    /** Counts the interval from now (after a change of clock). */
    void restart(long nowNanos) {
        lastSweep.set(nowNanos);
    }
}
