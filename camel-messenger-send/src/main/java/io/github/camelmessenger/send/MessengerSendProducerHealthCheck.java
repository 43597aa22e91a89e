package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.error.MessengerSendException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A readiness check that the component's Page access tokens work: a cheap {@code GET /me?fields=id,name} to the
 * Graph API for {@code accessToken} and for each {@code pageTokens} entry (which must answer for its own Page). Tokens
 * from a token provider are not checked: the provider is asked per Page, and the check cannot know the Pages. The result is kept for a while, so that frequent health probes do not turn into Graph API calls.
 * Meta being down or the token being revoked is no reason to restart the application, so this is not a liveness
 * check.
 */
public class MessengerSendTokenHealthCheck implements HealthCheck, CamelContextAware {

    public static final String ID = "messenger-send-token";

    private final Duration cacheTime;
    private CamelContext camelContext;
    private boolean enabled = true;
    private volatile Result cached;
    private volatile long cachedAtNanos;

    /** Keeps each result for {@code cacheTime} before calling the Graph API again. */
    public MessengerSendTokenHealthCheck(Duration cacheTime) {
        this.cacheTime = cacheTime;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result last = cached;
        if (last != null && System.nanoTime() - cachedAtNanos < cacheTime.toNanos()) {
            return last;
        }
        Result result = check();
        cached = result;
        cachedAtNanos = System.nanoTime();
        return result;
    }

    private Result check() {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        MessengerSendComponent component = camelContext.getComponent("messenger-send", MessengerSendComponent.class);
        MessengerSendConfiguration configuration = component.getConfiguration();
        Map<String, String> pageTokens = pageTokens(configuration);
        String accessToken = configuration.getAccessToken();
        boolean hasAccessToken = accessToken != null && !accessToken.isBlank();
        if (!hasAccessToken && pageTokens.isEmpty()) {
            return builder.unknown().message("No component-level accessToken or pageTokens to check").build();
        }
        // all tokens are checked at once; the probe waits for the slowest
        CompletableFuture<JsonNode> main = hasAccessToken ? component.sendApiClient(configuration, accessToken).checkToken() : null;
        Map<String, CompletableFuture<JsonNode>> perPage = new TreeMap<>();
        pageTokens.forEach((pageId, token) -> perPage.put(pageId, component.sendApiClient(configuration, token).checkToken()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getRequestTimeout() + 1000);
        String problem = null;
        try {
            if (main != null) {
                JsonNode page = main.get(left(deadline), TimeUnit.NANOSECONDS);
                builder.detail("page.id", page.path("id").asText());
                if (page.hasNonNull("name")) {
                    builder.detail("page.name", page.get("name").asText());
                }
            }
        } catch (ExecutionException e) {
            problem = "accessToken: " + describe(builder, "", e.getCause());
        } catch (TimeoutException e) {
            problem = "accessToken: the Graph API did not answer the token check in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.unknown().message("Interrupted").build();
        }
        for (Map.Entry<String, CompletableFuture<JsonNode>> entry : perPage.entrySet()) {
            String pageId = entry.getKey();
            String key = "pageToken." + pageId;
            String failure;
            try {
                String owner = entry.getValue().get(left(deadline), TimeUnit.NANOSECONDS).path("id").asText();
                // a Page token answers for its own Page: another id means the token was filed under the wrong Page
                failure = owner.equals(pageId) ? null : "belongs to Page " + owner + ", not " + pageId;
            } catch (ExecutionException e) {
                failure = describe(builder, key + ".", e.getCause());
            } catch (TimeoutException e) {
                failure = "the Graph API did not answer the token check in time";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return builder.unknown().message("Interrupted").build();
            }
            builder.detail(key, failure == null ? "UP" : "DOWN");
            if (failure != null && problem == null) {
                problem = key + ": " + failure;
            }
        }
        return problem == null ? builder.up().build() : builder.down().message(problem).build();
    }

    /** The failure's (redacted) message, with its class and Meta's code as details under the prefix. */
    private static String describe(HealthCheckResultBuilder builder, String prefix, Throwable cause) {
        if (cause instanceof MessengerSendException failure) {
            builder.detail(prefix + "failure", failure.getClass().getSimpleName());
            if (failure.getCode() != null) {
                builder.detail(prefix + "error.code", failure.getCode());
            }
            if (failure.getHttpResponseCode() > 0) {
                builder.detail(prefix.isEmpty() ? HTTP_RESPONSE_CODE : prefix + HTTP_RESPONSE_CODE,
                        failure.getHttpResponseCode());
            }
            return failure.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    private static Map<String, String> pageTokens(MessengerSendConfiguration configuration) {
        Map<String, String> tokens = new TreeMap<>();
        if (configuration.getPageTokens() != null) {
            configuration.getPageTokens().forEach((pageId, token) -> {
                if (token != null && !token.toString().isBlank()) {
                    tokens.put(pageId, token.toString());
                }
            });
        }
        return tokens;
    }

    private static long left(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
