package io.github.camelmessenger.send;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Spaces out the sends of each Page to a rate. A send over the rate reserves the next free slot and is started by a
 * scheduler when its slot comes, so no thread waits for it; slots are handed out in arrival order. Each Page has
 * its own budget, shared by every endpoint of the component.
 */
final class SendPacer {

    private final ScheduledExecutorService scheduler;
    private final Map<String, AtomicLong> nextSlotByPage = new ConcurrentHashMap<>();
    private final Set<PendingSend> pending = ConcurrentHashMap.newKeySet();

    SendPacer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code send} now or when the Page's next slot comes. If the pacer is stopped before that, {@code abort}
     * is called instead, so the caller can complete its exchange.
     */
    void submit(String pageId, double messagesPerSecond, Runnable send, Consumer<RuntimeException> abort) {
        long delay = reserve(pageId, messagesPerSecond);
        if (delay <= 0) {
            send.run();
            return;
        }
        PendingSend task = new PendingSend(send, abort);
        pending.add(task);
        try {
            scheduler.schedule(task, delay, TimeUnit.NANOSECONDS);
        } catch (RuntimeException rejected) {
            task.abort(new IllegalStateException("The messenger-send component is stopping; the paced send was not "
                    + "made",
                    rejected));
        }
    }

    /** Reserves the Page's next slot and answers how many nanoseconds from now it starts. */
    long reserve(String pageId, double messagesPerSecond) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / messagesPerSecond);
        AtomicLong nextSlot = nextSlotByPage.computeIfAbsent(pageId, k -> new AtomicLong(System.nanoTime()));
        while (true) {
            long now = System.nanoTime();
            long previous = nextSlot.get();
            long slot = previous - now > 0 ? previous : now;
            if (nextSlot.compareAndSet(previous, slot + interval)) {
                return slot - now;
            }
        }
    }

    /** Completes every send still waiting for its slot with an error: nothing is left hanging. */
    void abortPending() {
        for (PendingSend task : pending) {
            task.abort(new IllegalStateException("The messenger-send component stopped before this paced send's "
                    + "turn; it was not sent"));
        }
    }

    private final class PendingSend implements Runnable {
        private final Runnable send;
        private final Consumer<RuntimeException> abort;
        private final java.util.concurrent.atomic.AtomicBoolean claimed =
                new java.util.concurrent.atomic.AtomicBoolean();

        PendingSend(Runnable send, Consumer<RuntimeException> abort) {
            this.send = send;
            this.abort = abort;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                pending.remove(this);
                send.run();
            }
        }

        void abort(RuntimeException reason) {
            if (claimed.compareAndSet(false, true)) {
                pending.remove(this);
                abort.accept(reason);
            }
        }
    }
}
