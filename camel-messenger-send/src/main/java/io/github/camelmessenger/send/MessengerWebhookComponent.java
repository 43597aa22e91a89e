package io.github.camelmessenger.send;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.ObjectHelper;

/**
 * Receives Meta's Messenger webhook calls on the Camel runtime's platform-http server: answers the subscription
 * check, verifies each call's signature and routes each of its events as an exchange of its own.
 */
@Component("messenger-webhook")
public class MessengerWebhookComponent extends DefaultComponent {

    @Metadata(description = "The options shared by every endpoint of this component.")
    private MessengerWebhookConfiguration configuration = new MessengerWebhookConfiguration();

    public MessengerWebhookComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("The path is missing: use messenger-webhook:<path>, such as "
                    + "messenger-webhook:messenger for the callback URL https://<host>/messenger");
        }
        MessengerWebhookEndpoint endpoint = new MessengerWebhookEndpoint(uri, this, configuration.copy());
        endpoint.setPath(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MessengerWebhookConfiguration getConfiguration() {
        return configuration;
    }

    /** The options shared by every endpoint of this component. */
    public void setConfiguration(MessengerWebhookConfiguration configuration) {
        this.configuration = configuration;
    }
}
