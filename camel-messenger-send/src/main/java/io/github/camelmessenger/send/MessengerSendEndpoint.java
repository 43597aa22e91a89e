package io.github.camelmessenger.send;

import java.util.regex.Pattern;

import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.SenderAction;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Send Facebook Messenger messages, templates and sender actions through Meta's Send API.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "messenger-send", title = "Messenger Send",
             syntax = "messenger-send:pageId", producerOnly = true,
             category = { Category.CHAT, Category.CLOUD, Category.API },
             headersClass = MessengerSendConstants.class)
public class MessengerSendEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Pattern API_VERSION = Pattern.compile("v\\d+\\.\\d+");

    @UriPath(description = "The Page ID to send from, or me for the Page the access token belongs to.")
    @Metadata(required = true)
    private String pageId;

    @UriParam
    private MessengerSendConfiguration configuration;

    @UriParam(label = "producer",
              description = "The recipient's Page-scoped id (PSID), used when no recipient header (CamelMessengerRecipientId "
                      + "and its siblings) and "
                      + "no recipient in the body is given.")
    private String recipientId;

    @UriParam(label = "producer", enums = "typing_on,typing_off,mark_seen,react,unreact",
              description = "Send this sender action instead of a message; the body is then ignored.")
    private SenderAction senderAction;

    @UriParam(label = "producer", description = "Send as this persona (persona_id).")
    private String personaId;

    @UriParam(label = "producer", defaultValue = "send",
              enums = "send,uploadAttachment,createPersona,listPersonas,deletePersona,passThreadControl,"
                      + "takeThreadControl,requestThreadControl",
              description = "What to do: send a message (default), upload an attachment for reuse, create, list or "
                      + "delete the Page's personas, or pass, take or request control of a conversation (handover "
                      + "protocol). The CamelMessengerOperation header overrides it.")
    private MessengerOperation operation = MessengerOperation.send;

    public MessengerSendEndpoint(String uri, MessengerSendComponent component,
                                 MessengerSendConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MessengerSendComponent getComponent() {
        return (MessengerSendComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new MessengerSendProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("messenger-send only sends; receive Messenger webhooks with an HTTP "
                + "consumer such as platform-http");
    }

    /** Checks the options a producer needs; a failure here fails the route's start. */
    void checkOptions() {
        MessengerSendConfiguration c = configuration;
        boolean perPage = c.getTokenProvider() != null || (c.getPageTokens() != null && !c.getPageTokens().isEmpty());
        if (!perPage && (c.getAccessToken() == null || c.getAccessToken().isBlank())) {
            throw new IllegalArgumentException("The option accessToken is required: set it on the endpoint or the "
                    + "messenger-send component (or pageToken.<pageId>, or a tokenProvider)");
        }
        if (c.getApiVersion() == null || !API_VERSION.matcher(c.getApiVersion()).matches()) {
            throw new IllegalArgumentException("The option apiVersion must look like v24.0, not '" + c.getApiVersion()
                    + "'");
        }
        if (c.getBaseUri() == null
                || !(c.getBaseUri().startsWith("https://") || c.getBaseUri().startsWith("http://"))) {
            throw new IllegalArgumentException(
                    "The option baseUri must be an http(s) URI, not '" + c.getBaseUri() + "'");
        }
        if (c.getRateLimit() < 0 || Double.isNaN(c.getRateLimit()) || Double.isInfinite(c.getRateLimit())) {
            throw new IllegalArgumentException("The option rateLimit must be 0 (off) or a positive number of messages "
                    + "per second, not " + c.getRateLimit());
        }
        if (c.getRateLimitBackoff() < 0) {
            throw new IllegalArgumentException("The option rateLimitBackoff must be 0 (no pause) or positive");
        }
        if (c.getConnectTimeout() <= 0 || c.getRequestTimeout() <= 0) {
            throw new IllegalArgumentException("The options connectTimeout and requestTimeout must be positive");
        }
    }

    /** The Send API client for one access token. */
    SendApiClient createSendApiClient(String accessToken) {
        return getComponent().sendApiClient(configuration, accessToken);
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUri();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public String getPageId() {
        return pageId;
    }

    /** The Page ID to send from, or me for the Page the access token belongs to. */
    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public MessengerSendConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerSendConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    public SenderAction getSenderAction() {
        return senderAction;
    }

    public void setSenderAction(SenderAction senderAction) {
        this.senderAction = senderAction;
    }

    public MessengerOperation getOperation() {
        return operation;
    }

    public void setOperation(MessengerOperation operation) {
        this.operation = operation;
    }

    public String getPersonaId() {
        return personaId;
    }

    public void setPersonaId(String personaId) {
        this.personaId = personaId;
    }
}
