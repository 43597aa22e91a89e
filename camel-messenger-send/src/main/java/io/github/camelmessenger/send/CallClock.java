package io.github.camelmessenger.send;

import java.util.concurrent.TimeUnit;

/**
 * Wall-clock milliseconds for {@link System#nanoTime()} readings, such as the start of a pacing slot. One anchor pairs
 * the two clocks, so two readings keep their distance to within a millisecond (separate reads of both clocks per
 * stamp would add up to two, and could put a Page's 31st call inside a second its pacer kept at 30). When the wall
 * clock moves away from the anchor by more than {@link #REANCHOR_MILLIS} (a time service's correction, an operator),
 * the anchor follows it.
 */
final class CallClock {

    static final long REANCHOR_MILLIS = 10;
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private record Anchor(long millis, long nanos) {
        long at(long nanoTime) {
            return millis + Math.floorDiv(nanoTime - nanos, NANOS_PER_MILLI);
        }
    }

    private volatile Anchor anchor = new Anchor(System.currentTimeMillis(), System.nanoTime());

    /** The wall-clock time, in milliseconds since the epoch, of a {@link System#nanoTime()} reading. */
    long epochMillis(long nanoTime) {
        Anchor current = anchor;
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        if (Math.abs(nowMillis - current.at(nowNanos)) > REANCHOR_MILLIS) {
            current = new Anchor(nowMillis, nowNanos);
            anchor = current;
        }
        return current.at(nanoTime);
    }
}
