package io.github.camelmessenger.send;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Receive Facebook Messenger (and Instagram messaging) webhook events: messages, postbacks, reactions, reads,
 * deliveries, opt-ins, referrals and handover events, one exchange each.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "messenger-webhook", title = "Messenger Webhook",
             syntax = "messenger-webhook:path", consumerOnly = true,
             category = { Category.CHAT, Category.CLOUD, Category.API },
             headersClass = MessengerWebhookConstants.class)
public class MessengerWebhookEndpoint extends DefaultEndpoint {

    @UriPath(description = "The path of the callback URL on the runtime's HTTP server, such as messenger for "
            + "https://example.com/messenger.")
    @Metadata(required = true)
    private String path;

    @UriParam
    private MessengerWebhookConfiguration configuration;

    private IdempotentRepository defaultRepository;

    public MessengerWebhookEndpoint(String uri, MessengerWebhookComponent component,
                                    MessengerWebhookConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MessengerWebhookComponent getComponent() {
        return (MessengerWebhookComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("messenger-webhook only receives; send with messenger-send");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MessengerWebhookConsumer consumer = new MessengerWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The repository of event ids already routed: the configured one, or this endpoint's in-memory one. */
    synchronized IdempotentRepository idempotentRepository() {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        if (defaultRepository == null) {
            defaultRepository = new RecentEventIds(MessengerWebhookConfiguration.DEFAULT_IDEMPOTENT_CACHE_SIZE);
            ServiceHelper.startService(defaultRepository);
        }
        return defaultRepository;
    }

    @Override
    protected void doStop() throws Exception {
        IdempotentRepository repository;
        synchronized (this) {
            repository = defaultRepository;
            defaultRepository = null;
        }
        ServiceHelper.stopService(repository);
        super.doStop();
    }

    /** The path as the HTTP server serves it, with a leading slash. */
    String httpPath() {
        return path.startsWith("/") ? path : "/" + path;
    }

    public String getPath() {
        return path;
    }

    /** The path of the callback URL on the runtime's HTTP server. */
    public void setPath(String path) {
        this.path = path;
    }

    public MessengerWebhookConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerWebhookConfiguration configuration) {
        this.configuration = configuration;
    }
}
