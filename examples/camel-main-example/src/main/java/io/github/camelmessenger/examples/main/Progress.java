package io.github.camelmessenger.examples.main;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;

/**
 * Counts the broadcast as it goes: sent, retried, failed by class, and the rate.
 */
public final class Progress {

    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final CountDownLatch done;

    public Progress(int total) {
        this.total = total;
        this.done = new CountDownLatch(total);
    }

    /** A notification Meta accepted (perhaps after redeliveries). */
    public void sent(Exchange exchange) {
        countRedeliveries(exchange);
        sent.incrementAndGet();
        done.countDown();
    }

    /** A notification that went to the dead letter. */
    public void failed(Exchange exchange) {
        countRedeliveries(exchange);
        String failure = exchange.getMessage().getHeader("CamelMessengerFailureClass", "unknown", String.class);
        failed.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
        done.countDown();
    }

    private void countRedeliveries(Exchange exchange) {
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (redeliveries != null && redeliveries > 0) {
            retried.addAndGet(redeliveries);
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    public int sentCount() {
        return sent.get();
    }

    public int retriedCount() {
        return retried.get();
    }

    public Map<String, Integer> failedByClass() {
        Map<String, Integer> copy = new TreeMap<>();
        failed.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One live line: sent / retried / failed / rate. */
    public void printLine(PrintStream out) {
        int completed = sentCount() + failedCount();
        out.printf(Locale.ROOT, "[%5.1fs] sent %4d | retried %3d | failed %3d | %5.1f msg/s | %d/%d%n", seconds(),
                sentCount(), retriedCount(), failedCount(), sentCount() / Math.max(0.001, seconds()), completed, total);
    }

    /** The final table. */
    public void printSummary(PrintStream out, String target, String deadLetterFile) {
        out.println();
        out.println("Broadcast summary (" + target + ")");
        row(out, "notifications", Integer.toString(total));
        row(out, "sent", Integer.toString(sentCount()));
        row(out, "redeliveries (retried)", Integer.toString(retriedCount()));
        row(out, "failed, dead-lettered", Integer.toString(failedCount()));
        failedByClass().forEach((failure, count) -> row(out, "  " + failure, Integer.toString(count)));
        row(out, "elapsed", String.format(Locale.ROOT, "%.1f s", seconds()));
        row(out, "average rate", String.format(Locale.ROOT, "%.1f msg/s", sentCount() / seconds()));
        row(out, "dead letter file", deadLetterFile);
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "  %-34s %s%n", name, value);
    }
}
