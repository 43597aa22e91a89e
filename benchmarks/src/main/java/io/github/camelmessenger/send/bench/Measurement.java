package io.github.camelmessenger.send.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one load run measured: messages, wall time, the process's CPU time, latencies, threads and heap.
 */
final class Measurement {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long[] latenciesNanos;
    private final AtomicInteger count = new AtomicInteger();
    private long startNanos;
    private long startCpuNanos;
    private long endNanos;
    private long endCpuNanos;
    private volatile int peakThreads;
    private volatile long peakHeapBytes;

    Measurement(int capacity) {
        latenciesNanos = new long[capacity];
    }

    void start() {
        startCpuNanos = OS.getProcessCpuTime();
        startNanos = System.nanoTime();
    }

    void record(long latencyNanos) {
        int i = count.getAndIncrement();
        if (i < latenciesNanos.length) {
            latenciesNanos[i] = latencyNanos;
        }
    }

    /** Samples live threads and heap; the peak is kept. */
    void sample() {
        peakThreads = Math.max(peakThreads, THREADS.getThreadCount());
        peakHeapBytes = Math.max(peakHeapBytes, MEMORY.getHeapMemoryUsage().getUsed());
    }

    void stop() {
        endNanos = System.nanoTime();
        endCpuNanos = OS.getProcessCpuTime();
        sample();
    }

    int messages() {
        return Math.min(count.get(), latenciesNanos.length);
    }

    double messagesPerSecond() {
        return messages() / ((endNanos - startNanos) / 1e9);
    }

    double cpuMicrosPerMessage() {
        return (endCpuNanos - startCpuNanos) / 1e3 / Math.max(1, messages());
    }

    double latencyPercentileMicros(double percentile) {
        long[] sorted = Arrays.copyOf(latenciesNanos, messages());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e3;
    }

    int peakThreads() {
        return peakThreads;
    }

    double peakHeapMegabytes() {
        return peakHeapBytes / (1024.0 * 1024.0);
    }
}
