package io.github.camelmessenger.simulator;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * How long the simulator takes to answer a Graph API call: none, a fixed delay, or a log-normal spread given by its
 * median (p50) and 99th percentile, as Meta's answer times are spread. The delay is scheduled, so a waiting answer
 * holds no thread.
 */
public final class Latency {

    /** z of the 99th percentile of the standard normal distribution. */
    private static final double Z_99 = 2.326_347_874;

    private static final Latency NONE = new Latency(0, 0);

    private final long p50Millis;
    private final long p99Millis;

    private Latency(long p50Millis, long p99Millis) {
        this.p50Millis = p50Millis;
        this.p99Millis = p99Millis;
    }

    /** Answers at once. */
    public static Latency none() {
        return NONE;
    }

    /** Answers every call after {@code delay}. */
    public static Latency fixed(Duration delay) {
        long millis = requireNonNegative(delay, "delay");
        return new Latency(millis, millis);
    }

    /** Answers half the calls within {@code p50} and 99 in 100 within {@code p99}. */
    public static Latency percentiles(Duration p50, Duration p99) {
        long median = requireNonNegative(p50, "p50");
        long tail = requireNonNegative(p99, "p99");
        if (tail < median) {
            throw new IllegalArgumentException("p99 (" + tail + " ms) must be at least p50 (" + median + " ms)");
        }
        return new Latency(median, tail);
    }

    /**
     * Reads {@code 250ms}, {@code 250} (milliseconds), {@code 1s} or a pair {@code 200ms/800ms} (p50/p99).
     */
    public static Latency parse(String text) {
        String[] parts = text.trim().split("/", 2);
        Duration p50 = duration(parts[0]);
        return parts.length == 1 ? fixed(p50) : percentiles(p50, duration(parts[1]));
    }

    public Duration p50() {
        return Duration.ofMillis(p50Millis);
    }

    public Duration p99() {
        return Duration.ofMillis(p99Millis);
    }

    ResponseDefinition applyTo(ResponseDefinition answer) {
        if (p99Millis == 0) {
            return answer;
        }
        ResponseDefinitionBuilder delayed = ResponseDefinitionBuilder.like(answer);
        if (p50Millis == p99Millis) {
            return delayed.withFixedDelay((int) p50Millis).build();
        }
        // log-normal with median p50: p99 = p50 * exp(Z_99 * sigma)
        double sigma = p50Millis == 0 ? 1.0 : Math.log((double) p99Millis / p50Millis) / Z_99;
        return delayed.withLogNormalRandomDelay(Math.max(1, p50Millis), sigma).build();
    }

    @Override
    public String toString() {
        if (p99Millis == 0) {
            return "none";
        }
        return p50Millis == p99Millis ? p50Millis + "ms" : p50Millis + "ms/" + p99Millis + "ms";
    }

    private static Duration duration(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "latency '" + text + "' is not a duration like 250ms, 1s or 200ms/800ms");
        }
    }

    private static long requireNonNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
        return duration.toMillis();
    }
}
