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

/**
 * Spaces out the sends of each Page to a rate. A send over the rate waits in its Page's queue, and one scheduled task
 * per Page starts the queue's head when its slot comes, so no thread waits for a send and the scheduler holds one
 * task per busy Page however many sends wait; slots are handed out in arrival order. Each Page has its own budget,
 * shared by every endpoint of the component. Slots lie on an even grid, so a late wake may catch up on the grid
 * (the rate holds on average), but never beyond the rate in any one second: a send also waits until the start it
 * would make the rate-plus-first in a second is more than a second old.
 */
final class SendPacer {

    private final ScheduledExecutorService scheduler;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    SendPacer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code send} now or when the Page's next slot comes. If the pacer is stopped before that, {@code abort}
     * is called instead, so the caller can complete its exchange.
     */
    void submit(String pageId, double messagesPerSecond, Runnable send, Consumer<RuntimeException> abort) {
        lane(pageId).submit(interval(messagesPerSecond), send, abort);
    }

    /** Reserves the Page's next slot and answers how many nanoseconds from now it starts. */
    long reserve(String pageId, double messagesPerSecond) {
        return lane(pageId).reserve(interval(messagesPerSecond));
    }

    /** Completes every send still waiting for its slot with an error: nothing is left hanging. */
    void abortPending() {
        for (Lane lane : lanes.values()) {
            lane.abortAll(new IllegalStateException("The messenger-send component stopped before this paced send's "
                    + "turn; it was not sent"));
        }
    }

    private Lane lane(String pageId) {
        return lanes.computeIfAbsent(pageId, k -> new Lane());
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

    private record Waiting(Runnable send, Consumer<RuntimeException> abort, long interval) {
    }

    /** One Page's slots and the sends waiting for them. */
    private final class Lane implements Runnable {
        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        private long nextSlot = System.nanoTime();
        private boolean scheduled;
        // the start times of the last sends, as many as the rate allows in a second; oldest at startsHead
        private long[] starts = new long[0];
        private int startsHead;

        /** The earliest time a send may start without more than the rate starting in any one second. */
        private long windowFree(long interval) {
            // the rate rounded up (3.5/s allows 4 in a second, not 3), without the nanosecond rounding of the interval
            int permits = (int) Math.max(1, Math.min(100_000, Math.ceil((double) ONE_SECOND / interval - 1e-6)));
            if (starts.length != permits) {
                // a new rate for this Page: forget the old window rather than mix two budgets
                starts = new long[permits];
                Arrays.fill(starts, System.nanoTime() - 2 * ONE_SECOND);
                startsHead = 0;
            }
            return starts[startsHead] + WINDOW;
        }

        private void started(long now) {
            starts[startsHead] = now;
            startsHead = (startsHead + 1) % starts.length;
        }

        synchronized long reserve(long interval) {
            long now = System.nanoTime();
            long slot = nextSlot - now > 0 ? nextSlot : now;
            nextSlot = slot + interval;
            return slot - now;
        }

        void submit(long interval, Runnable send, Consumer<RuntimeException> abort) {
            long delay;
            synchronized (this) {
                long now = System.nanoTime();
                long free = windowFree(interval);
                if (queue.isEmpty() && nextSlot - now <= 0 && free - now <= 0) {
                    nextSlot = now + interval;
                    started(now);
                    delay = -1;
                } else {
                    queue.add(new Waiting(send, abort, interval));
                    if (scheduled) {
                        return;
                    }
                    scheduled = true;
                    delay = Math.max(0, later(nextSlot, free) - now);
                }
            }
            if (delay < 0) {
                send.run();
            } else {
                schedule(delay);
            }
        }

        /** The head's slot came: start it, and wake again at the next slot while sends wait. */
        @Override
        public void run() {
            Waiting head;
            long delay;
            synchronized (this) {
                long now = System.nanoTime();
                Waiting first = queue.peek();
                long due = first == null ? nextSlot : later(nextSlot, windowFree(first.interval()));
                if (first != null && due - now > 0) {
                    // reserve() took the slot meanwhile, or the last second already holds the rate
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
                head.send().run();
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
