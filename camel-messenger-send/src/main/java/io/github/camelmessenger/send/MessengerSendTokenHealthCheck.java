package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.MessengerJson;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A readiness check that the component's Page access token works: a cheap {@code GET /me?fields=id,name} to the
 * Graph API. The result is kept for a while, so that frequent health probes do not turn into Graph API calls.
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
        if (configuration.getAccessToken() == null || configuration.getAccessToken().isBlank()) {
            return builder.unknown().message("No component-level accessToken to check").build();
        }
        SendApiClient api = new SendApiClient(component.httpClient(Duration.ofMillis(configuration.getConnectTimeout())),
                configuration.getBaseUri(), configuration.getApiVersion(), configuration.getAccessToken(),
                configuration.getAppSecret(), Duration.ofMillis(configuration.getRequestTimeout()),
                MessengerJson.mapper());
        try {
            JsonNode page = api.checkToken().get(configuration.getRequestTimeout() + 1000, TimeUnit.MILLISECONDS);
            builder.up().detail("page.id", page.path("id").asText());
            if (page.hasNonNull("name")) {
                builder.detail("page.name", page.get("name").asText());
            }
            return builder.build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            builder.down().message(cause.getMessage());
            if (cause instanceof MessengerSendException failure) {
                builder.detail("failure", failure.getClass().getSimpleName());
                if (failure.getCode() != null) {
                    builder.detail("error.code", failure.getCode());
                }
                if (failure.getHttpResponseCode() > 0) {
                    builder.detail(HTTP_RESPONSE_CODE, failure.getHttpResponseCode());
                }
            }
            return builder.build();
        } catch (TimeoutException e) {
            return builder.down().message("The Graph API did not answer the token check in time").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.unknown().message("Interrupted").build();
        }
    }
}
