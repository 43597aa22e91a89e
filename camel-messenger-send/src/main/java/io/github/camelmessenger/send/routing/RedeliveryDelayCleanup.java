package io.github.camelmessenger.send.routing;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Removes the redelivery delay {@link RetryAfterDelay} set, once the redelivery starts, so that it cannot steer a
 * later, unrelated redelivery of the same exchange. Use it as the {@code onRedelivery} processor.
 */
public class RedeliveryDelayCleanup implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
    }
}
