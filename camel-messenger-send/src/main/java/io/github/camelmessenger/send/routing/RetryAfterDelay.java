package io.github.camelmessenger.send.routing;

import java.time.Duration;

import io.github.camelmessenger.send.error.MessengerSendException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Sets the delay of the next redelivery: exponential backoff, but never sooner than the wait the failure names
 * (Meta's {@code estimated_time_to_regain_access}, or the time left of a paused Page). Use it as the
 * {@code onExceptionOccurred} processor of an {@code onException} with redeliveries; Camel then waits that long
 * without holding a thread when {@code asyncDelayedRedelivery} is on.
 */
public class RetryAfterDelay implements Processor {

    private long redeliveryDelay = 1000;
    private double backOffMultiplier = 2.0;
    private long maximumRedeliveryDelay = 300_000;

    public RetryAfterDelay() {
    }

    public RetryAfterDelay(long redeliveryDelay, double backOffMultiplier, long maximumRedeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
        this.backOffMultiplier = backOffMultiplier;
        this.maximumRedeliveryDelay = maximumRedeliveryDelay;
    }

    @Override
    public void process(Exchange exchange) {
        int redeliveriesSoFar = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        long delay = backoff(redeliveriesSoFar);
        Duration suggested = suggestedWait(exchange);
        if (suggested != null) {
            delay = Math.max(delay, suggested.toMillis());
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
    }

    /** The backoff before redelivery number {@code redeliveriesSoFar + 1}, capped. */
    long backoff(int redeliveriesSoFar) {
        double delay = redeliveryDelay * Math.pow(backOffMultiplier, redeliveriesSoFar);
        return (long) Math.min(delay, maximumRedeliveryDelay);
    }

    private static Duration suggestedWait(Exchange exchange) {
        Exception failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return failure instanceof MessengerSendException e ? e.getRetryAfter() : null;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /** The first backoff, in milliseconds. */
    public void setRedeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public double getBackOffMultiplier() {
        return backOffMultiplier;
    }

    public void setBackOffMultiplier(double backOffMultiplier) {
        this.backOffMultiplier = backOffMultiplier;
    }

    public long getMaximumRedeliveryDelay() {
        return maximumRedeliveryDelay;
    }

    /** The longest backoff, in milliseconds; a longer wait suggested by Meta still wins. */
    public void setMaximumRedeliveryDelay(long maximumRedeliveryDelay) {
        this.maximumRedeliveryDelay = maximumRedeliveryDelay;
    }
}
