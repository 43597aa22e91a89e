package io.github.camelmessenger.send;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the webhook's path with a {@code platform-http} consumer of the Camel context, so it runs on whatever HTTP
 * server the runtime has (camel-main, Spring Boot, Camel K), and routes each event of a verified call through this
 * consumer's route. While its route is suspended the path stays served and answers 503, so Meta keeps the events and
 * delivers them again when the route is resumed.
 */
public class MessengerWebhookConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhookConsumer.class);

    private Consumer httpConsumer;

    public MessengerWebhookConsumer(MessengerWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MessengerWebhookEndpoint getEndpoint() {
        return (MessengerWebhookEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerWebhookEndpoint endpoint = getEndpoint();
        MessengerWebhookConfiguration c = endpoint.getConfiguration();
        String where = "messenger-webhook:" + endpoint.getPath();
        if (c.isSignatureCheck() && (c.getAppSecret() == null || c.getAppSecret().isBlank())) {
            throw new IllegalArgumentException(where + " needs the option appSecret to verify X-Hub-Signature-256 "
                    + "(signatureCheck=false turns the check off, for local tests only)");
        }
        if (c.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException(where + ": the option maxBodySize must be positive");
        }
        EventTypeFilter filter = EventTypeFilter.of(c.getEvents());
        if (!c.isSignatureCheck()) {
            LOG.warn("{} routes POSTs without verifying X-Hub-Signature-256 (signatureCheck=false): anyone who can "
                    + "reach the URL can inject events. Use this for local tests only.", where);
        }
        if (c.getVerifyToken() == null || c.getVerifyToken().isEmpty()) {
            LOG.info("{} has no verifyToken: Meta's subscription checks are answered with 403", where);
        }
        WebhookRequestHandler handler = new WebhookRequestHandler(new SubscriptionCheck(c.getVerifyToken()),
                new WebhookBodyReader(c.getMaxBodySize()),
                c.isSignatureCheck() ? WebhookSignature.withSecret(c.getAppSecret()) : null,
                new EventRouter(this, filter, endpoint.idempotentRepository()), () -> isSuspending() || isSuspended());
        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + endpoint.httpPath() + "?useStreaming=true");
        httpConsumer = http.createConsumer(handler);
        ServiceHelper.startService(httpConsumer);
        LOG.debug("{} receives on platform-http path {}", where, endpoint.httpPath());
    }

    @Override
    protected void doSuspend() throws Exception {
        // the HTTP consumer keeps serving: the handler answers 503 until resumed
        LOG.info("messenger-webhook:{} is suspended: calls are answered 503 until it is resumed",
                getEndpoint().getPath());
    }

    @Override
    protected void doResume() throws Exception {
        LOG.info("messenger-webhook:{} is resumed", getEndpoint().getPath());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        super.doStop();
    }
}
