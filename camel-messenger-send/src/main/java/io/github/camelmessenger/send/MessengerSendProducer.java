package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.MessengerJson;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request per exchange without blocking: the exchange continues when Meta's answer arrives, on the HTTP
 * client's I/O thread. Every exchange completes exactly once, with the decoded answer or a
 * {@link io.github.camelmessenger.send.error.MessengerSendException}.
 */
public class MessengerSendProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerSendProducer.class);
    // clients of tokens no send used for this long are dropped (rotated tokens); one of any token is built again
    private static final long IDLE_EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_CLIENTS = 10_000;

    private final ObjectMapper mapper = MessengerJson.mapper();
    private ExchangeReader reader;
    // one client per access token: usually one, one per Page with pageToken.* or a token provider
    private Clients<SendApiClient> clientsByToken;
    private MessengerSendProducerHealthCheck healthCheck;

    public MessengerSendProducer(MessengerSendEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MessengerSendEndpoint getEndpoint() {
        return (MessengerSendEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        reader = new ExchangeReader(mapper, getEndpoint());
        getEndpoint().checkOptions();
        clientsByToken = new Clients<>(getEndpoint()::createSendApiClient, IDLE_EXPIRY_NANOS, MAX_CLIENTS,
                System::nanoTime);
        String accessToken = getEndpoint().getConfiguration().getAccessToken();
        if (accessToken != null && !accessToken.isBlank()) {
            // built now so that a bad option fails the route's start, not its first exchange
            clientsByToken.release(clientsByToken.acquire(accessToken));
        }
        // in Camel's producers health check repository while this producer runs
        healthCheck = MessengerSendProducerHealthCheck.register(getEndpoint());
    }

    @Override
    protected void doStop() throws Exception {
        if (clientsByToken != null) {
            clientsByToken.clear();
        }
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        super.doStop();
    }

    /**
     * The client for the Page's token, held for one exchange until {@link Clients#release}; null when no token is
     * known for the Page.
     */
    private Clients.Lease<SendApiClient> clientFor(String pageId) {
        String token = getEndpoint().getConfiguration().accessTokenFor(pageId);
        if (token == null || token.isBlank()) {
            return null;
        }
        return clientsByToken.acquire(token);
    }

    /** The clients this producer holds, by token; for monitoring and tests. */
    Clients<SendApiClient> clients() {
        return clientsByToken;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback done) {
        MessengerHeaders.sendStarted(exchange.getMessage());
        MessengerCall<?> call;
        try {
            call = reader.read(exchange);
        } catch (MessengerSendException e) {
            return failSynchronously(exchange, done, e);
        } catch (Exception e) {
            // a body or header Camel could not convert: refused before sending, like any other bad input
            return failSynchronously(exchange, done, new MessengerValidationException("request",
                    "could not be built (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e));
        }
        String pageId = call.pageId();
        Clients.Lease<SendApiClient> lease;
        try {
            lease = clientFor(pageId);
        } catch (RuntimeException e) {
            // a token provider that failed (a vault that is down): nothing was sent, an operator should look
            return failSynchronously(exchange, done, FailureKind.AUTHORIZATION.newException("The token provider "
                    + "failed for Page " + pageId + " (" + e.getClass().getSimpleName() + "); no call was made",
                    FailureDetails.NONE, e));
        }
        if (lease == null) {
            return failSynchronously(exchange, done, new MessengerValidationException(
                    MessengerSendConstants.PAGE_ID, "no access token for Page " + pageId + ": set accessToken, "
                            + "pageToken." + pageId + " or a tokenProvider that knows it"));
        }
        // the client is in use until the exchange completes, however it completes: only idle ones are dropped
        SendApiClient client = lease.client();
        AsyncCallback callback = doneSync -> {
            clientsByToken.release(lease);
            done.done(doneSync);
        };
        MessengerSendException paused = pausedFailure(pageId);
        if (paused != null) {
            return failSynchronously(exchange, callback, paused);
        }
        double rateLimit = getEndpoint().getConfiguration().getRateLimit();
        if (call.paced() && rateLimit > 0) {
            component().pacer().submit(pageId, rateLimit,
                    startedAt -> runUnlessPaused(exchange, callback, call, client, startedAt),
                    reason -> fail(exchange, callback, FailureKind.TRANSPORT.newException(reason.getMessage(),
                            FailureDetails.NONE, reason)));
        } else {
            run(exchange, callback, call, client, System.nanoTime());
        }
        return false;
    }

    private boolean failSynchronously(Exchange exchange, AsyncCallback callback, MessengerSendException failure) {
        MessengerHeaders.failed(exchange, failure);
        callback.done(true);
        return true;
    }

    private void fail(Exchange exchange, AsyncCallback callback, MessengerSendException failure) {
        MessengerHeaders.failed(exchange, failure);
        callback.done(false);
    }

    /** A paced call whose slot came: the Page may have been paused while it waited. */
    private void runUnlessPaused(Exchange exchange, AsyncCallback callback, MessengerCall<?> call,
                                 SendApiClient client, long startedAt) {
        MessengerSendException paused = pausedFailure(call.pageId());
        if (paused != null) {
            fail(exchange, callback, paused);
        } else {
            run(exchange, callback, call, client, startedAt);
        }
    }

    private MessengerSendException pausedFailure(String pageId) {
        Duration left = component().pauses().remaining(pageId);
        if (left == null) {
            return null;
        }
        return FailureKind.RATE_LIMIT.newException("Page " + pageId + " is paused after a rate-limit answer from Meta "
                + "for another " + left.toMillis() + " ms; no call was made",
                new FailureDetails(0, null, null, left, null), null);
    }

    /** Makes the call; {@code startedAt} is the {@link System#nanoTime()} its slot began (now, when not paced). */
    private <T> void run(Exchange exchange, AsyncCallback callback, MessengerCall<T> call,
                         SendApiClient client, long startedAt) {
        String pageId = call.pageId();
        MessengerHeaders.callMade(exchange.getMessage(), startedAt);
        CompletableFuture<T> answer;
        try {
            answer = call.request().apply(client);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    MessengerSendException e = asSendException(failure);
                    if (e instanceof MessengerRateLimitException) {
                        pauseAfterRateLimit(pageId, e.getRetryAfter());
                    }
                    MessengerHeaders.failed(exchange, e);
                } else {
                    succeed(exchange, call, response);
                    LOG.debug("Call for page {} done", pageId);
                }
            } finally {
                callback.done(false);
            }
        });
    }

    private static <T> void succeed(Exchange exchange, MessengerCall<T> call, T response) {
        Message message = exchange.getMessage();
        MessengerHeaders.clearFailure(message);
        try {
            call.onSuccess().accept(message, response);
        } catch (RuntimeException e) {
            // Meta accepted the call but its answer did not have the expected shape
            MessengerHeaders.failed(exchange,
                    FailureKind.TRANSPORT.newException("Meta's answer for page " + call.pageId()
                            + " could not be read (" + e.getClass().getSimpleName() + "); the call itself succeeded",
                            FailureDetails.NONE, e));
        }
    }

    /** Meta: once limited, stop calling. The Page waits the suggested delay, or the backoff when none was given. */
    private void pauseAfterRateLimit(String pageId, Duration suggested) {
        Duration pause = suggested != null && !suggested.isZero()
                ? suggested
                : Duration.ofMillis(getEndpoint().getConfiguration().getRateLimitBackoff());
        if (!pause.isZero()) {
            component().pauses().pause(pageId, pause);
            LOG.warn("Meta rate-limited page {}; no calls for it for {} ms", pageId, pause.toMillis());
        }
    }

    private MessengerSendComponent component() {
        return getEndpoint().getComponent();
    }

    /**
     * Clients by token, each counted while exchanges use it. Idle clients (no exchange in flight) are dropped once
     * unused for the idle expiry, and the least recently used idle ones when more than the maximum are kept; a
     * client in use is never dropped.
     */
    static final class Clients<C> {

        // how often at most acquire() looks for idle clients to drop
        private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

        private final Map<String, Lease<C>> byToken = new ConcurrentHashMap<>();
        private final Function<String, C> factory;
        private final long idleExpiryNanos;
        private final int max;
        private final LongSupplier nanoClock;
        private final SweepSchedule sweeps;

        Clients(Function<String, C> factory, long idleExpiryNanos, int max, LongSupplier nanoClock) {
            this.factory = factory;
            this.idleExpiryNanos = idleExpiryNanos;
            this.max = max;
            this.nanoClock = nanoClock;
            this.sweeps = new SweepSchedule(SWEEP_INTERVAL_NANOS, nanoClock.getAsLong());
        }

        /** One token's client and how many exchanges use it; both counters change under the map entry's lock. */
        static final class Lease<C> {
            private final String token;
            private final C client;
            private int users;
            private long lastUsed;

            private Lease(String token, C client) {
                this.token = token;
                this.client = client;
            }

            C client() {
                return client;
            }
        }

        /** The token's client, built on first use, counted as used until {@link #release}. */
        Lease<C> acquire(String token) {
            long now = nanoClock.getAsLong();
            Lease<C> lease = byToken.compute(token, (t, known) -> {
                Lease<C> l = known != null ? known : new Lease<>(t, factory.apply(t));
                l.users++;
                l.lastUsed = now;
                return l;
            });
            if (sweeps.due(now) || byToken.size() > max) {
                sweep(now);
            }
            return lease;
        }

        /** The exchange that acquired the lease completed. */
        void release(Lease<C> lease) {
            long now = nanoClock.getAsLong();
            byToken.computeIfPresent(lease.token, (t, known) -> {
                if (known == lease && known.users > 0) {
                    known.users--;
                    known.lastUsed = now;
                }
                return known;
            });
        }

        private void sweep(long now) {
            if (!sweeps.claim(now)) {
                // another thread sweeps
                return;
            }
            for (String token : byToken.keySet()) {
                byToken.computeIfPresent(token,
                        (t, l) -> l.users == 0 && now - l.lastUsed > idleExpiryNanos ? null : l);
            }
            int excess = byToken.size() - max;
            if (excess > 0) {
                // least recently used idle clients first; a client in use stays whatever the count
                byToken.values().stream().filter(l -> l.users == 0)
                        .sorted((a, b) -> Long.compare(a.lastUsed - now, b.lastUsed - now))
                        .limit(excess)
                        .forEach(idle -> byToken.computeIfPresent(idle.token, (t, l) -> l.users == 0 ? null : l));
            }
        }

        /** How many clients are kept. */
        int size() {
            return byToken.size();
        }

        /** How many exchanges use the token's client now; -1 when no client is kept for it. */
        int users(String token) {
            Lease<C> lease = byToken.get(token);
            return lease == null ? -1 : lease.users;
        }

        void clear() {
            byToken.clear();
        }
    }

    private static MessengerSendException asSendException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof MessengerSendException e
                ? e
                : FailureKind.TRANSPORT.newException("Send API call failed: " + cause.getClass().getSimpleName()
                        + ". Delivery is unknown", FailureDetails.NONE, cause);
    }
}
