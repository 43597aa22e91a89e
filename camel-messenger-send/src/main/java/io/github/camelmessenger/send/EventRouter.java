package io.github.camelmessenger.send;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmessenger.send.model.event.WebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * Routes the events of one webhook call, one exchange each, in Meta's order. An event whose id the repository
 * already holds, or whose type the endpoint does not route, is skipped and counts as completed. As in Camel's
 * idempotent consumer, an id is added before its event is routed, confirmed when the exchange completes, and
 * removed when it fails, so that Meta's retry of the call routes that event again. A retry that arrives while the
 * same event is still being routed is answered as not done (500), so that Meta retries once the outcome is known.
 * A failed event does not stop the ones after it.
 */
final class EventRouter {

    private final DefaultConsumer consumer;
    private final EventTypeFilter filter;
    private final IdempotentRepository repository;
    // ids being routed now, in this consumer
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    EventRouter(DefaultConsumer consumer, EventTypeFilter filter, IdempotentRepository repository) {
        this.consumer = consumer;
        this.filter = filter;
        this.repository = repository;
    }

    /** Routes every event; true when each completed (or was skipped), false when any failed. */
    boolean route(List<WebhookEvent> events) {
        boolean allCompleted = true;
        for (WebhookEvent event : events) {
            if (!route(event)) {
                allCompleted = false;
            }
        }
        return allCompleted;
    }

    private boolean route(WebhookEvent event) {
        if (!filter.routes(event.type())) {
            return true;
        }
        String id = event.eventId();
        if (id == null) {
            return process(event, null);
        }
        if (!inFlight.add(id)) {
            // Meta retried while the first copy is still routed: not done yet, so not 200, or a failure would be lost
            return false;
        }
        try {
            if (!repository.add(id)) {
                return true;
            }
            return process(event, id);
        } catch (RuntimeException e) {
            // the repository failed (a shared store that is down): the event is not known to be done
            consumer.getExceptionHandler().handleException("The idempotent repository failed for the Messenger "
                    + "webhook event " + id + "; the call is answered with 500", e);
            return false;
        } finally {
            inFlight.remove(id);
        }
    }

    private boolean process(WebhookEvent event, String id) {
        Exchange exchange = consumer.createExchange(false);
        try {
            fill(exchange.getIn(), event);
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            boolean failed = exchange.isFailed() || exchange.isRollbackOnly();
            if (id != null) {
                if (failed) {
                    repository.remove(id);
                } else {
                    repository.confirm(id);
                }
            }
            if (exchange.getException() != null) {
                consumer.getExceptionHandler().handleException("Routing the Messenger webhook event " + id
                        + " failed; the call is answered with 500 and the event is routed again when Meta retries",
                        exchange, exchange.getException());
            }
            return !failed;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private static void fill(Message message, WebhookEvent event) {
        message.setBody(event.event());
        message.setHeader(MessengerWebhookConstants.EVENT_TYPE, event.type().wireName());
        setIfPresent(message, MessengerWebhookConstants.EVENT_ID, event.eventId());
        setIfPresent(message, MessengerWebhookConstants.PAGE_ID, event.pageId());
        setIfPresent(message, MessengerWebhookConstants.RECIPIENT_ID, event.replyTargetId());
        setIfPresent(message, MessengerWebhookConstants.SENDER_ID, event.senderId());
        setIfPresent(message, MessengerWebhookConstants.EVENT_MESSAGE_ID, event.messageId());
        setIfPresent(message, MessengerWebhookConstants.EVENT_TEXT, event.text());
        setIfPresent(message, MessengerWebhookConstants.PAYLOAD, event.payload());
        setIfPresent(message, MessengerWebhookConstants.EVENT_TIMESTAMP, event.timestamp());
        setIfPresent(message, MessengerWebhookConstants.PLATFORM,
                event.platform() == null ? null : event.platform().name());
    }

    private static void setIfPresent(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
