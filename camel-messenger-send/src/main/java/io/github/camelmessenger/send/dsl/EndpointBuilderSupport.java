package io.github.camelmessenger.send.dsl;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.support.EndpointHelper;

/**
 * The state behind the typed endpoint builders of this jar (the {@code *EndpointBuilderFactory} interfaces, generated
 * from the component metadata): the scheme, the path and the options set so far, and how they become an endpoint.
 * <p>
 * Text values go into the URI verbatim ({@code RAW(...)}), so nothing needs escaping and property placeholders are
 * resolved by Camel as in any URI. Numbers, booleans and enums go in as text. Any other object (a
 * {@code MessengerTokenProvider}, for example) is bound in the registry when the endpoint is resolved, and the URI
 * refers to it as {@code #beanId}. Parameters are sorted by name, so equal options give the same URI and so the same
 * endpoint. {@link #expr(CamelContext)} evaluates the URI with the simple language, which is what makes
 * {@code toD(messengerSend("${header.page}"))} send to a different Page per exchange.
 */
abstract class EndpointBuilderSupport {

    private static final String MASK = "xxxxxx";
    private static final AtomicLong BOUND_OBJECTS = new AtomicLong();

    private final String scheme;
    private final String path;
    private final Set<String> secrets;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<Object, String> beanIds = new IdentityHashMap<>();

    /**
     * @param scheme  the component name
     * @param path    the context path (the path parameters, as in the URI)
     * @param secrets the secret options, by name, and the prefixes of secret multi-value options (ending in a dot);
     *                their values are masked in {@link #toString()}
     */
    protected EndpointBuilderSupport(String scheme, String path, Set<String> secrets) {
        this.scheme = scheme;
        this.path = path;
        this.secrets = secrets;
    }

    public void doSetProperty(String name, Object value) {
        properties.put(name, value);
    }

    public void doSetMultiValueProperty(String name, String key, Object value) {
        // a multi-value option is a family of prefixed URI parameters, such as pageToken.<pageId>
        properties.put(key, value);
    }

    public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> properties.put(prefix + key, value));
    }

    /** The endpoint URI; objects appear as the {@code #beanId} they are bound under when the endpoint is resolved. */
    public String getRawUri() {
        return computeUri(null, false);
    }

    /** The endpoint URI with its objects bound in the registry of this context. */
    public String getUri(CamelContext context) {
        return computeUri(context, false);
    }

    public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
        String uri = getUri(context);
        Endpoint endpoint = context.getEndpoint(uri);
        if (endpoint == null) {
            throw new NoSuchEndpointException(toString());
        }
        return endpoint;
    }

    public <T extends Endpoint> T resolve(CamelContext context, Class<T> endpointType) throws NoSuchEndpointException {
        return endpointType.cast(resolve(context));
    }

    /** The URI as a simple expression, evaluated per exchange by {@code toD}. */
    public Expression expr(CamelContext context) {
        String uri = EndpointHelper.resolveEndpointUriPropertyPlaceholders(context, getUri(context));
        return context.resolveLanguage("simple").createExpression(uri);
    }

    /** The URI with the values of secret options masked. */
    @Override
    public String toString() {
        return computeUri(null, true);
    }

    private String computeUri(CamelContext context, boolean mask) {
        Map<String, String> params = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (value != null) {
                params.put(key, mask && isSecret(key) ? MASK : parameterValue(context, key, value));
            }
        });
        StringBuilder uri = new StringBuilder(scheme).append(':').append(path);
        char separator = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            uri.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = '&';
        }
        return uri.toString();
    }

    private String parameterValue(CamelContext context, String key, Object value) {
        if (value instanceof String text) {
            return text.contains(")") ? "RAW{" + text + "}" : "RAW(" + text + ")";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        // one name per object of this builder, unique across builders: identity hashes can repeat
        String beanId = beanIds.computeIfAbsent(value, v -> key + "-" + BOUND_OBJECTS.incrementAndGet());
        if (context != null) {
            context.getRegistry().bind(beanId, value);
        }
        return "#" + beanId;
    }

    private boolean isSecret(String key) {
        if (secrets.contains(key)) {
            return true;
        }
        for (String secret : secrets) {
            if (secret.endsWith(".") && key.startsWith(secret)) {
                return true;
            }
        }
        return false;
    }
}
