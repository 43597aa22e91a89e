package io.github.camelmessenger.send;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.camelmessenger.send.model.event.WebhookEnvelopeException;
import io.github.camelmessenger.send.model.event.WebhookEvent;
import io.github.camelmessenger.send.model.event.WebhookEvents;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Answers the HTTP requests to a webhook's path: GET is the subscription check; POST is a call with events, whose
 * size, signature and envelope are checked in that order before any event is routed; other methods get 405. While
 * the route is suspended every request gets 503 and nothing is read. The answer replaces the request on the HTTP
 * exchange.
 */
final class WebhookRequestHandler implements Processor {

    private final SubscriptionCheck subscriptionCheck;
    private final WebhookBodyReader bodyReader;
    private final WebhookSignature signature;
    private final EventRouter router;
    private final BooleanSupplier suspended;

    /** {@code signature} is null when signatures are not checked. */
    WebhookRequestHandler(SubscriptionCheck subscriptionCheck, WebhookBodyReader bodyReader,
                          WebhookSignature signature, EventRouter router, BooleanSupplier suspended) {
        this.subscriptionCheck = subscriptionCheck;
        this.bodyReader = bodyReader;
        this.signature = signature;
        this.router = router;
        this.suspended = suspended;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message request = exchange.getMessage();
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        HttpAnswer answer;
        if (suspended.getAsBoolean()) {
            answer = HttpAnswer.SUSPENDED;
        } else if ("GET".equalsIgnoreCase(method)) {
            answer = subscription(request);
        } else if ("POST".equalsIgnoreCase(method)) {
            answer = notification(request);
        } else {
            answer = HttpAnswer.METHOD_NOT_ALLOWED;
        }
        answer.writeTo(request);
    }

    private HttpAnswer subscription(Message request) {
        Map<String, String> query;
        try {
            query = QueryParameters.parse(rawQuery(request));
        } catch (IllegalArgumentException e) {
            return HttpAnswer.text(400, "The query string is not URL-encoded");
        }
        return subscriptionCheck.answer(query);
    }

    private HttpAnswer notification(Message request) throws Exception {
        if (bodyReader.declaredTooLarge(request)) {
            return HttpAnswer.text(413, "The body is larger than this webhook accepts");
        }
        byte[] body = bodyReader.read(request);
        if (body == null) {
            return HttpAnswer.text(413, "The body is larger than this webhook accepts");
        }
        if (signature != null) {
            String header = request.getHeader(WebhookSignature.HEADER, String.class);
            if (header == null) {
                return HttpAnswer.text(403, "The X-Hub-Signature-256 header is missing");
            }
            if (!signature.matches(body, header)) {
                return HttpAnswer.text(403, "The X-Hub-Signature-256 signature does not match the body");
            }
        }
        List<WebhookEvent> events;
        try {
            events = WebhookEvents.parse(body);
        } catch (WebhookEnvelopeException e) {
            return HttpAnswer.text(400, "Not a Messenger webhook call: " + e.reason());
        }
        return router.route(events) ? HttpAnswer.RECEIVED : HttpAnswer.FAILED;
    }

    private static String rawQuery(Message request) {
        String query = request.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null) {
            String uri = request.getHeader(Exchange.HTTP_URI, String.class);
            int mark = uri == null ? -1 : uri.indexOf('?');
            query = mark < 0 ? null : uri.substring(mark + 1);
        }
        return query;
    }
}
