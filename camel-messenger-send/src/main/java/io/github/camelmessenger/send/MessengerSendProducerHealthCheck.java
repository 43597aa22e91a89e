package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.error.MessengerSendException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A producer's readiness check that its Page access tokens work: a cheap {@code GET /me?fields=id,name} to the Graph
 * API for the endpoint's {@code accessToken} and for each {@code pageToken.*} entry (which must answer for its own
 * Page). Tokens from a token provider are not checked: the provider is asked per Page, and the check cannot know the
 * Pages.
 * <p>
 * Each producer adds its check to Camel's {@code producers} health check repository when it starts and removes it when
 * it stops; producers that call with the same tokens share one check. Camel runs producer checks only with {@code camel.health.producersEnabled=true}; the component's
 * {@code healthCheckProducerEnabled} switches this one off. The result is kept for the component's
 * {@code healthCheckCacheTime}, so that frequent probes do not turn into Graph API calls. Meta being down or a token
 * being revoked is no reason to restart the application, so this is not a liveness check. No token, secret or proof
 * appears in a detail or message.
 */
public class MessengerSendProducerHealthCheck extends AbstractHealthCheck {

    /** The check's id is this prefix and the endpoint's id. */
    public static final String ID_PREFIX = "producer:messenger-send-";

    private static final String REPOSITORY_ID = "producers";

    private final MessengerSendEndpoint endpoint;
    // guarded by the component's shared checks map
    private WritableHealthCheckRepository repository;
    private String sharedKey;
    private int producers;
    private volatile Outcome cached;
    private volatile long cachedAtNanos;

    public MessengerSendProducerHealthCheck(MessengerSendEndpoint endpoint) {
        super("camel", ID_PREFIX + endpoint.getId());
        this.endpoint = endpoint;
    }

    /**
     * Adds a check of the endpoint's tokens to Camel's producers repository, enabled as the component's
     * {@code healthCheckProducerEnabled} says; null when the Camel context has no health checks. Producers whose
     * endpoints call the Graph API with the same tokens share one check (two routes to one URI, or {@code toD} to
     * many Pages with one token): one probe, one {@code GET /me} per token.
     */
    static MessengerSendProducerHealthCheck register(MessengerSendEndpoint endpoint) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), REPOSITORY_ID, WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        Map<String, MessengerSendProducerHealthCheck> shared = endpoint.getComponent().sharedHealthChecks();
        synchronized (shared) {
            String tokens = tokenSet(endpoint.getConfiguration());
            MessengerSendProducerHealthCheck check = shared.get(tokens);
            if (check == null) {
                check = new MessengerSendProducerHealthCheck(endpoint);
                check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
                check.repository = repository;
                check.sharedKey = tokens;
                shared.put(tokens, check);
                repository.addHealthCheck(check);
            }
            check.producers++;
            return check;
        }
    }

    /** The producer no longer uses the check; the last one to stop removes it from the repository. */
    void unregister() {
        Map<String, MessengerSendProducerHealthCheck> shared = endpoint.getComponent().sharedHealthChecks();
        synchronized (shared) {
            if (--producers > 0) {
                return;
            }
            shared.remove(sharedKey, this);
            WritableHealthCheckRepository from = repository;
            repository = null;
            if (from != null) {
                from.removeHealthCheck(this);
            }
        }
    }

    /** What the check calls with: a digest, so that no token is kept as a map key. */
    private static String tokenSet(MessengerSendConfiguration c) {
        StringBuilder text = new StringBuilder().append(c.getBaseUri()).append('\0').append(c.getApiVersion())
                .append('\0').append(c.getAppSecret()).append('\0').append(c.getAccessToken());
        new TreeMap<>(pageTokens(c)).forEach((page, token) -> text.append('\0').append(page).append('=').append(token));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long cacheTimeNanos = TimeUnit.MILLISECONDS.toNanos(endpoint.getComponent().getHealthCheckCacheTime());
        Outcome outcome = cached;
        if (outcome == null || System.nanoTime() - cachedAtNanos >= cacheTimeNanos) {
            outcome = check();
            if (outcome.keep()) {
                cached = outcome;
                cachedAtNanos = System.nanoTime();
            }
        }
        outcome.applyTo(builder);
    }

    private Outcome check() {
        MessengerSendConfiguration configuration = endpoint.getConfiguration();
        Map<String, String> pageTokens = pageTokens(configuration);
        String accessToken = configuration.getAccessToken();
        boolean hasAccessToken = accessToken != null && !accessToken.isBlank();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!hasAccessToken && pageTokens.isEmpty()) {
            return new Outcome(State.UNKNOWN, "No accessToken or pageTokens to check", details, true);
        }
        // all tokens are checked at once; the probe waits for the slowest
        CompletableFuture<JsonNode> main;
        Map<String, CompletableFuture<JsonNode>> perPage = new TreeMap<>();
        try {
            main = hasAccessToken ? endpoint.createSendApiClient(accessToken).checkToken() : null;
            pageTokens
                    .forEach((pageId, token) -> perPage.put(pageId, endpoint.createSendApiClient(token).checkToken()));
        } catch (RuntimeException e) {
            // the component is not started (or no longer)
            return new Outcome(State.DOWN, "The token check could not be made (" + e.getClass().getSimpleName() + ")",
                    details, false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getRequestTimeout() + 1000);
        String problem = null;
        try {
            if (main != null) {
                JsonNode page = main.get(left(deadline), TimeUnit.NANOSECONDS);
                details.put("page.id", page.path("id").asText());
                if (page.hasNonNull("name")) {
                    details.put("page.name", page.get("name").asText());
                }
            }
        } catch (ExecutionException e) {
            problem = "accessToken: " + describe(details, "", e.getCause());
        } catch (TimeoutException e) {
            problem = "accessToken: the Graph API did not answer the token check in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(State.UNKNOWN, "Interrupted", details, false);
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
                failure = describe(details, key + ".", e.getCause());
            } catch (TimeoutException e) {
                failure = "the Graph API did not answer the token check in time";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(State.UNKNOWN, "Interrupted", details, false);
            }
            details.put(key, failure == null ? "UP" : "DOWN");
            if (failure != null && problem == null) {
                problem = key + ": " + failure;
            }
        }
        return problem == null
                ? new Outcome(State.UP, null, details, true)
                : new Outcome(State.DOWN, problem, details, true);
    }

    /** The failure's (redacted) message, with its class and Meta's code as details under the prefix. */
    private static String describe(Map<String, Object> details, String prefix, Throwable cause) {
        if (cause instanceof MessengerSendException failure) {
            details.put(prefix + "failure", failure.getClass().getSimpleName());
            if (failure.getCode() != null) {
                details.put(prefix + "error.code", failure.getCode());
            }
            if (failure.getHttpResponseCode() > 0) {
                details.put(prefix.isEmpty() ? HTTP_RESPONSE_CODE : prefix + HTTP_RESPONSE_CODE,
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

    /** What one round of token checks found; kept for the cache time unless {@code keep} is false. */
    private record Outcome(HealthCheck.State state, String message, Map<String, Object> details, boolean keep) {

        void applyTo(HealthCheckResultBuilder builder) {
            builder.state(state);
            if (message != null) {
                builder.message(message);
            }
            details.forEach(builder::detail);
        }
    }
}
