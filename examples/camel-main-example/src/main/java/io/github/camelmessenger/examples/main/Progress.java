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
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts the broadcast as it goes: sent, retried, failed by class, and the rate.
 */
public final class Progress {

    /** The share of the configured rate the broadcast should reach. */
    public static final double RATE_TARGET = 0.98;

    private final int total;
    private final double configuredRate;
    /** The NotificationId of the warm-up sends, which are not counted. */
    public static final String WARM_UP = "warm-up";

    private volatile long startNanos = System.nanoTime();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile long firstCallNanos;
    private volatile long lastCallNanos;
    private volatile int peakThreads;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final CountDownLatch done;

    public Progress(int total, double configuredRate) {
        this.total = total;
        this.configuredRate = configuredRate;
        this.done = new CountDownLatch(total);
    }

    /** Counts each answered (or failed) call to a {@code messenger-send} endpoint, redeliveries included. */
    public EventNotifier callCounter() {
        EventNotifierSupport counter = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                        && sent.getEndpoint().getEndpointUri().startsWith("messenger-send:")
                        && !warmUp(sent.getExchange())) {
                    long now = System.nanoTime();
                    synchronized (Progress.this) {
                        if (calls.getAndIncrement() == 0) {
                            firstCallNanos = now;
                        }
                        lastCallNanos = now;
                    }
                }
            }
        };
        counter.setIgnoreExchangeEvents(false);
        counter.setIgnoreExchangeSentEvents(false);
        return counter;
    }

    /** Send API calls per second, first to last: what the pacer let through. */
    public synchronized double callRate() {
        int n = calls.get();
        double span = (lastCallNanos - firstCallNanos) / 1e9;
        return n < 2 || span <= 0 ? 0 : (n - 1) / span;
    }

    public double configuredRate() {
        return configuredRate;
    }

    public int peakThreads() {
        return peakThreads;
    }

    /** The broadcast starts now (after the warm-up). */
    public void start() {
        startNanos = System.nanoTime();
    }

    private static boolean warmUp(Exchange exchange) {
        return WARM_UP.equals(exchange.getMessage().getHeader("NotificationId"));
    }

    /** A notification Meta accepted (perhaps after redeliveries). */
    public void sent(Exchange exchange) {
        if (warmUp(exchange)) {
            return;
        }
        countRedeliveries(exchange);
        sent.incrementAndGet();
        done.countDown();
    }

    /** A notification that went to the dead letter. */
    public void failed(Exchange exchange) {
        if (warmUp(exchange)) {
            return;
        }
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
        peakThreads = Math.max(peakThreads, Thread.activeCount());
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
        double rate = callRate();
        row(out, "Send API calls, first to last", String.format(Locale.ROOT, "%.2f/s of %.1f/s configured (%.1f %%)",
                rate, configuredRate, rate / configuredRate * 100));
        row(out, "configured rate reached", rate >= RATE_TARGET * configuredRate
                ? String.format(Locale.ROOT, "yes (at least %.0f %%)", RATE_TARGET * 100)
                : String.format(Locale.ROOT, "NO (under %.0f %%)", RATE_TARGET * 100));
        row(out, "live threads, at most", Integer.toString(peakThreads));
        row(out, "dead letter file", deadLetterFile);
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "  %-34s %s%n", name, value);
    }
}
