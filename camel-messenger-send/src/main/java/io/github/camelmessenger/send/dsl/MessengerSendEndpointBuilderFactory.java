package io.github.camelmessenger.send.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelmessenger.send.MessengerOperation;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.Platform;
import io.github.camelmessenger.send.model.SenderAction;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.support.ExpressionAdapter;

/**
 * A typed endpoint builder for the Java DSL, shaped like Camel's endpoint DSL:
 * {@code to(messengerSend("1122334455").accessToken("{{page.token}}").messagingType(MessagingType.UPDATE))}. Every
 * option of the component's metadata has a method here, with the same name and description. Values go into the
 * endpoint URI verbatim ({@code RAW(...)}); Camel masks the secret ones whenever it prints an endpoint URI.
 */
public final class MessengerSendEndpointBuilderFactory {

    private MessengerSendEndpointBuilderFactory() {
    }

    /**
     * Messenger Send: send Facebook Messenger messages, templates and sender actions through Meta's Send API.
     *
     * @param pageId the Page ID to send from, or {@code me} for the Page the access token belongs to
     */
    public static MessengerSendEndpointBuilder messengerSend(String pageId) {
        return new Builder(pageId);
    }

    /** The options of a {@code messenger-send} endpoint; see the component docs for each one's default. */
    public interface MessengerSendEndpointBuilder extends EndpointProducerBuilder {

        /** The Page access token (with pages_messaging). Secret. */
        default MessengerSendEndpointBuilder accessToken(String accessToken) {
            doSetProperty("accessToken", accessToken);
            return this;
        }

        /** The access token of one Page, for endpoints that send from many Pages. Secret. */
        default MessengerSendEndpointBuilder pageToken(String pageId, String token) {
            doSetMultiValueProperty("pageTokens", "pageToken." + pageId, token);
            return this;
        }

        /** Access tokens per Page id. Secret. */
        default MessengerSendEndpointBuilder pageTokens(Map<String, Object> tokensByPage) {
            doSetMultiValueProperties("pageTokens", "pageToken.", tokensByPage);
            return this;
        }

        /** A bean that supplies each Page's access token, by reference such as {@code #pageTokens}. */
        default MessengerSendEndpointBuilder tokenProvider(String reference) {
            doSetProperty("tokenProvider", reference);
            return this;
        }

        /** The app secret; when set, every request carries appsecret_proof. Secret. */
        default MessengerSendEndpointBuilder appSecret(String appSecret) {
            doSetProperty("appSecret", appSecret);
            return this;
        }

        /** The Graph API version (default v24.0). */
        default MessengerSendEndpointBuilder apiVersion(String apiVersion) {
            doSetProperty("apiVersion", apiVersion);
            return this;
        }

        /** The Graph API base URI (default https://graph.facebook.com). */
        default MessengerSendEndpointBuilder baseUri(String baseUri) {
            doSetProperty("baseUri", baseUri);
            return this;
        }

        /** The messaging type of message sends. */
        default MessengerSendEndpointBuilder messagingType(MessagingType messagingType) {
            doSetProperty("messagingType", messagingType);
            return this;
        }

        /** The messaging type of message sends, as text or a property placeholder. */
        default MessengerSendEndpointBuilder messagingType(String messagingType) {
            doSetProperty("messagingType", messagingType);
            return this;
        }

        /** The push notification type; left out of the request when unset. */
        default MessengerSendEndpointBuilder notificationType(NotificationType notificationType) {
            doSetProperty("notificationType", notificationType);
            return this;
        }

        /** The push notification type, as text or a property placeholder. */
        default MessengerSendEndpointBuilder notificationType(String notificationType) {
            doSetProperty("notificationType", notificationType);
            return this;
        }

        /** The message tag; retired tags are refused. */
        default MessengerSendEndpointBuilder tag(String tag) {
            doSetProperty("tag", tag);
            return this;
        }

        /** Send this sender action instead of a message. */
        default MessengerSendEndpointBuilder senderAction(SenderAction senderAction) {
            doSetProperty("senderAction", senderAction);
            return this;
        }

        /** Send this sender action instead of a message, as text ({@code typing_on}) or a property placeholder. */
        default MessengerSendEndpointBuilder senderAction(String senderAction) {
            doSetProperty("senderAction", senderAction);
            return this;
        }

        /** The recipient's PSID when no header and no recipient in the body give one. */
        default MessengerSendEndpointBuilder recipientId(String recipientId) {
            doSetProperty("recipientId", recipientId);
            return this;
        }

        /** What to do: send (default), uploadAttachment, createPersona, listPersonas or deletePersona. */
        default MessengerSendEndpointBuilder operation(MessengerOperation operation) {
            doSetProperty("operation", operation);
            return this;
        }

        /** What to do, as text or a property placeholder. */
        default MessengerSendEndpointBuilder operation(String operation) {
            doSetProperty("operation", operation);
            return this;
        }

        /** Send as this persona. */
        default MessengerSendEndpointBuilder personaId(String personaId) {
            doSetProperty("personaId", personaId);
            return this;
        }

        /** Whether to check Meta's limits before sending (default true). */
        default MessengerSendEndpointBuilder validate(boolean validate) {
            doSetProperty("validate", validate);
            return this;
        }

        /** Whether to check Meta's limits before sending, as text or a property placeholder. */
        default MessengerSendEndpointBuilder validate(String validate) {
            doSetProperty("validate", validate);
            return this;
        }

        /** Where the messages go (default MESSENGER); INSTAGRAM applies Instagram's rules in validation. */
        default MessengerSendEndpointBuilder platform(Platform platform) {
            doSetProperty("platform", platform);
            return this;
        }

        /** Where the messages go, as text or a property placeholder. */
        default MessengerSendEndpointBuilder platform(String platform) {
            doSetProperty("platform", platform);
            return this;
        }

        /** The most messages per second to send from one Page (default 0, off). */
        default MessengerSendEndpointBuilder rateLimit(double rateLimit) {
            doSetProperty("rateLimit", rateLimit);
            return this;
        }

        /** The most messages per second to send from one Page, as text or a property placeholder. */
        default MessengerSendEndpointBuilder rateLimit(String rateLimit) {
            doSetProperty("rateLimit", rateLimit);
            return this;
        }

        /** Milliseconds a Page gets no calls after a rate-limit answer without a suggested delay (default 60000). */
        default MessengerSendEndpointBuilder rateLimitBackoff(long rateLimitBackoff) {
            doSetProperty("rateLimitBackoff", rateLimitBackoff);
            return this;
        }

        /** The rate-limit backoff as a duration text such as 1m, or a property placeholder. */
        default MessengerSendEndpointBuilder rateLimitBackoff(String rateLimitBackoff) {
            doSetProperty("rateLimitBackoff", rateLimitBackoff);
            return this;
        }

        /** Connection timeout in milliseconds (default 10000). */
        default MessengerSendEndpointBuilder connectTimeout(long connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /** Connection timeout as a duration text such as 5s, or a property placeholder. */
        default MessengerSendEndpointBuilder connectTimeout(String connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /** Timeout for the whole answer of one request in milliseconds (default 30000). */
        default MessengerSendEndpointBuilder requestTimeout(long requestTimeout) {
            doSetProperty("requestTimeout", requestTimeout);
            return this;
        }

        /** Request timeout as a duration text such as 30s, or a property placeholder. */
        default MessengerSendEndpointBuilder requestTimeout(String requestTimeout) {
            doSetProperty("requestTimeout", requestTimeout);
            return this;
        }

        /** Whether the producer starts on the first message (default false). */
        default MessengerSendEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /** Whether the producer starts on the first message, as text or a property placeholder. */
        default MessengerSendEndpointBuilder lazyStartProducer(String lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }
    }

    private static final class Builder implements MessengerSendEndpointBuilder {

        private static final String SCHEME = "messenger-send";

        private final String pageId;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        Builder(String pageId) {
            this.pageId = pageId;
        }

        @Override
        public String getRawUri() {
            // every value verbatim in RAW(), so the URI is the endpoint's identity and nothing needs escaping;
            // Camel masks the secrets whenever it prints the URI
            String query = properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + raw(String.valueOf(e.getValue())))
                    .collect(Collectors.joining("&"));
            return SCHEME + ":" + pageId + (query.isEmpty() ? "" : "?" + query);
        }

        private static String raw(String value) {
            return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
        }

        @Override
        public void doSetProperty(String name, Object value) {
            properties.put(name, value);
        }

        @Override
        public void doSetMultiValueProperty(String name, String key, Object value) {
            // a multi-value option is a family of prefixed URI parameters, such as pageToken.<pageId>
            properties.put(key, value);
        }

        @Override
        public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
            values.forEach((key, value) -> properties.put(prefix + key, value));
        }

        @Override
        public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
            // options are part of the URI, so endpoints with different options are different endpoints
            Endpoint endpoint = context.getEndpoint(getRawUri());
            if (endpoint == null) {
                throw new NoSuchEndpointException(toString());
            }
            return endpoint;
        }

        @Override
        public <T extends Endpoint> T resolve(CamelContext context, Class<T> endpointType) {
            return endpointType.cast(resolve(context));
        }

        @Override
        public Expression expr(CamelContext context) {
            String uri = getRawUri();
            return new ExpressionAdapter() {
                @Override
                public Object evaluate(org.apache.camel.Exchange exchange) {
                    return uri;
                }
            };
        }

        @Override
        public String toString() {
            return SCHEME + ":" + pageId;
        }

    }
}
