package io.github.camelmessenger.send.routing;

import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerTemporaryException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.util.ObjectHelper;

/**
 * A ready-made route configuration ({@value #ID}) for routes that send with {@code messenger-send}. Routes opt in
 * with {@code .routeConfigurationId("messenger-send-errors")}:
 * <ul>
 * <li>rate-limit and temporary failures are redelivered with exponential backoff, never sooner than the wait Meta
 * suggested, without holding a thread while waiting;</li>
 * <li>every other failure (recipient, policy, authorization, invalid request, refused before sending) goes to the
 * dead-letter endpoint with the {@code CamelMessenger*} failure headers, and so do the retried ones once the
 * redeliveries are spent;</li>
 * <li>transport failures (delivery unknown) are not retried unless {@link #retryTransportFailures(boolean)} is
 * set, since a retry may send the message twice.</li>
 * </ul>
 * The same configuration for YAML routes ships in the jar as {@code messenger-send/error-routing.camel.yaml}.
 */
public class MessengerErrorRouting extends RouteConfigurationBuilder {

    public static final String ID = "messenger-send-errors";

    private final String deadLetterUri;
    private int maximumRedeliveries = 5;
    private long redeliveryDelay = 1000;
    private double backOffMultiplier = 2.0;
    private long maximumRedeliveryDelay = 300_000;
    private boolean retryTransportFailures;

    /** Failures that are not retried, or no longer, go to this endpoint. */
    public MessengerErrorRouting(String deadLetterUri) {
        this.deadLetterUri = ObjectHelper.notNullOrEmpty(deadLetterUri, "deadLetterUri");
    }

    public MessengerErrorRouting maximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
        return this;
    }

    /** The first backoff in milliseconds (default 1000); it grows by the multiplier with each redelivery. */
    public MessengerErrorRouting redeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
        return this;
    }

    public MessengerErrorRouting backOffMultiplier(double backOffMultiplier) {
        this.backOffMultiplier = backOffMultiplier;
        return this;
    }

    /** The longest backoff in milliseconds (default 5 minutes); a longer wait suggested by Meta still wins. */
    public MessengerErrorRouting maximumRedeliveryDelay(long maximumRedeliveryDelay) {
        this.maximumRedeliveryDelay = maximumRedeliveryDelay;
        return this;
    }

    /** Also redeliver transport failures. Off by default: the first attempt may have been delivered. */
    public MessengerErrorRouting retryTransportFailures(boolean retry) {
        this.retryTransportFailures = retry;
        return this;
    }

    @Override
    public void configuration() {
        RetryAfterDelay delay = new RetryAfterDelay(redeliveryDelay, backOffMultiplier, maximumRedeliveryDelay);
        var configuration = routeConfiguration(ID);
        OnExceptionDefinition retried = retryTransportFailures
                ? configuration.onException(MessengerRateLimitException.class, MessengerTemporaryException.class,
                        MessengerTransportException.class)
                : configuration.onException(MessengerRateLimitException.class, MessengerTemporaryException.class);
        retried.maximumRedeliveries(maximumRedeliveries)
                .asyncDelayedRedelivery()
                .onExceptionOccurred(delay)
                .onRedelivery(new RedeliveryDelayCleanup())
                .handled(true)
                .to(deadLetterUri);
        configuration.onException(MessengerSendException.class)
                .handled(true)
                .to(deadLetterUri);
    }
}
