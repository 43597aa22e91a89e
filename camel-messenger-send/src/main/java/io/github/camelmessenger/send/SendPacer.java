package io.github.camelmessenger.send;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Spaces out the sends of each Page to a rate. A send over the rate waits in its Page's queue, and one scheduled task
 * per Page starts the queue's head when its slot comes, so no thread waits for a send and the scheduler holds one
 * task per busy Page however many sends wait; slots are handed out in arrival order. Each Page has its own budget,
 * shared by every endpoint of the component. Slots lie on an even grid, so a late wake may catch up on the grid
 * (the rate holds on average), but never beyond the rate in any one second: a send also waits until the start it
 * would make the rate-plus-first in a second is more than a second old.
 */
final class SendPacer {

    // how often at most a submit looks for idle lanes to drop
    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledExecutorService scheduler;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule(SWEEP_INTERVAL, System.nanoTime());
    // set once, before the scheduler stops; read under each lane's lock
    private volatile boolean stopped;

    SendPacer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code send} now or when the Page's next slot comes, with the {@link System#nanoTime()} the pacer counted
     * the start at. If the pacer is stopped before that, or already is, {@code abort} is called instead, so the caller
     * can complete its exchange.
     */
    void submit(String pageId, double messagesPerSecond, LongConsumer send, Consumer<RuntimeException> abort) {
        long interval = interval(messagesPerSecond);
        long now = System.nanoTime();
        if (sweeps.due(now)) {
            removeIdleLanes(now);
        }
        // a lane removed between the lookup and the submit refuses it: then the Page gets a new lane
        while (!lanes.computeIfAbsent(pageId, k -> new Lane()).submit(interval, send, abort)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Refuses every later submit (its {@code abort} is called at once); sends already waiting stay queued until
     * {@link #abortPending}, called once the scheduler is stopped.
     */
    void stop() {
        stopped = true;
    }

    /** Completes every send still waiting for its slot with an error: nothing is left hanging. */
    void abortPending() {
        for (Lane lane : lanes.values()) {
            lane.abortAll(new IllegalStateException("The messenger-send component stopped before this paced send's "
                    + "turn; it was not sent"));
        }
    }

    /** How many Pages have pacing state: those with sends waiting or started within the last second. */
    int lanes() {
        return lanes.size();
    }

    /** How many sends wait for their slot, over all Pages. */
    int pending() {
        int pending = 0;
        for (Lane lane : lanes.values()) {
            pending += lane.pending();
        }
        return pending;
    }

    /** Drops the lanes of Pages with nothing waiting, nothing scheduled and no start within the window. */
    void removeIdleLanes(long now) {
        if (!sweeps.claim(now)) {
            return;
        }
        for (String pageId : lanes.keySet()) {
            lanes.computeIfPresent(pageId, (k, lane) -> lane.removeIfIdle(now) ? null : lane);
        }
    }

    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);
    // a second and a millisecond: whoever counts the sends a moment after they start still sees the rate
    private static final long WINDOW = ONE_SECOND + TimeUnit.MILLISECONDS.toNanos(1);

    private static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }

    private static long interval(double messagesPerSecond) {
        return (long) (TimeUnit.SECONDS.toNanos(1) / messagesPerSecond);
    }

    private record Waiting(LongConsumer send, Consumer<RuntimeException> abort, long interval) {
    }

    /** One Page's slots and the sends waiting for them. */
    private final class Lane implements Runnable {
        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        private long nextSlot = System.nanoTime();
        private boolean scheduled;
        // set under the lock when the lane leaves the map: a submit that still found it goes to a new lane
        private boolean removed;
        // the start times of the last sends, as many as the highest rate seen for the Page allows in a second;
        // oldest at startsHead, the latest just before it
        private long[] starts = new long[0];
        private int startsHead;

        /** The earliest time a send may start without more than the rate starting in any one second. */
        private long windowFree(long interval) {
            // the rate rounded up (3.5/s allows 4 in a second, not 3), without the nanosecond rounding of the interval
            int permits = (int) Math.max(1, Math.min(100_000, Math.ceil((double) ONE_SECOND / interval - 1e-6)));
            if (starts.length < permits) {
                // a higher rate than seen so far for this Page: keep the starts, so a rate that alternates (two
                // endpoints with their own rateLimit) is held to each rate over the same window
                long[] grown = new long[permits];
                int older = permits - starts.length;
                Arrays.fill(grown, 0, older, System.nanoTime() - 2 * ONE_SECOND);
                for (int i = 0; i < starts.length; i++) {
                    grown[older + i] = starts[(startsHead + i) % starts.length];
                }
                starts = grown;
                startsHead = 0;
            }
            // the permits-th latest start
            return starts[Math.floorMod(startsHead - permits, starts.length)] + WINDOW;
        }

        private void started(long now) {
            starts[startsHead] = now;
            startsHead = (startsHead + 1) % starts.length;
        }

        /** Removes the lane if nothing waits, nothing is scheduled and no slot or window of it is still running. */
        synchronized boolean removeIfIdle(long now) {
            boolean idle = queue.isEmpty() && !scheduled && nextSlot - now <= 0
                    && (starts.length == 0
                            || starts[Math.floorMod(startsHead - 1, starts.length)] + WINDOW - now <= 0);
            if (idle) {
                removed = true;
            }
            return idle;
        }

        synchronized int pending() {
            return queue.size();
        }

        /** False when the lane was removed: the caller submits to the Page's new lane. */
        boolean submit(long interval, LongConsumer send, Consumer<RuntimeException> abort) {
            long delay;
            long startedAt = 0;
            synchronized (this) {
                if (removed) {
                    return false;
                }
                if (stopped) {
                    delay = -2;
                } else {
                    long now = System.nanoTime();
                    long free = windowFree(interval);
                    if (queue.isEmpty() && nextSlot - now <= 0 && free - now <= 0) {
                        nextSlot = now + interval;
                        started(now);
                        startedAt = now;
                        delay = -1;
                    } else {
                        queue.add(new Waiting(send, abort, interval));
                        if (scheduled) {
                            return true;
                        }
                        scheduled = true;
                        delay = Math.max(0, later(nextSlot, free) - now);
                    }
                }
            }
            if (delay == -2) {
                abort.accept(new IllegalStateException("The messenger-send component is stopped; the paced send was "
                        + "not made"));
            } else if (delay == -1) {
                send.accept(startedAt);
            } else {
                schedule(delay);
            }
            return true;
        }

        /** The head's slot came: start it, and wake again at the next slot while sends wait. */
        @Override
        public void run() {
            Waiting head;
            long delay;
            long now;
            synchronized (this) {
                now = System.nanoTime();
                Waiting first = queue.peek();
                long due = first == null ? nextSlot : later(nextSlot, windowFree(first.interval()));
                if (first != null && due - now > 0) {
                    // the last second already holds the rate
                    delay = due - now;
                    head = null;
                } else {
                    head = queue.poll();
                    if (head == null) {
                        scheduled = false;
                        return;
                    }
                    // a late wake keeps the grid (no drift below the rate) unless later than a whole interval;
                    // the window above keeps the catching up within the rate
                    long slot = now - nextSlot > head.interval() ? now : nextSlot;
                    nextSlot = slot + head.interval();
                    started(now);
                    Waiting next = queue.peek();
                    if (next == null) {
                        scheduled = false;
                        delay = -1;
                    } else {
                        delay = Math.max(0, later(nextSlot, windowFree(next.interval())) - now);
                    }
                }
            }
            if (delay >= 0) {
                schedule(delay);
            }
            if (head != null) {
                head.send().accept(now);
            }
        }

        private void schedule(long delayNanos) {
            try {
                scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RuntimeException rejected) {
                abortAll(new IllegalStateException("The messenger-send component is stopping; the paced send was not "
                        + "made", rejected));
            }
        }

        void abortAll(RuntimeException reason) {
            List<Waiting> aborted;
            synchronized (this) {
                aborted = new ArrayList<>(queue);
                queue.clear();
                scheduled = false;
            }
            for (Waiting waiting : aborted) {
                waiting.abort().accept(reason);
            }
        }
    }
}
