package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelmessenger.send.graph.AsyncHttpClientPool;
import io.github.camelmessenger.send.graph.GraphHttpClient;
import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.MessengerJson;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.PropertiesHelper;

/**
 * Sends Facebook Messenger messages through Meta's Send API. Owns the HTTP client and the per-Page pacing shared by
 * all its endpoints: both are created when the component starts and closed when it stops.
 */
@Component("messenger-send")
public class MessengerSendComponent extends DefaultComponent {

    public static final boolean DEFAULT_HEALTH_CHECK_PRODUCER_ENABLED = true;
    public static final long DEFAULT_HEALTH_CHECK_CACHE_TIME = 300_000;

    @Metadata(description = "The options shared by every endpoint of this component.")
    private MessengerSendConfiguration configuration = new MessengerSendConfiguration();

    @Metadata(label = "health", defaultValue = "" + DEFAULT_HEALTH_CHECK_PRODUCER_ENABLED,
              description = "Whether each producer adds its token health check: a readiness check that asks the "
                      + "Graph API (GET /me, fields id and name) with the producer's accessToken and with each "
                      + "of its Page tokens. Camel runs producer health checks only when "
                      + "camel.health.producersEnabled is true.")
    private boolean healthCheckProducerEnabled = DEFAULT_HEALTH_CHECK_PRODUCER_ENABLED;

    @Metadata(label = "health", defaultValue = "" + DEFAULT_HEALTH_CHECK_CACHE_TIME, javaType = "java.time.Duration",
              description = "How long a token health check result is kept before the Graph API is asked again, in "
                      + "milliseconds (or a duration such as 5m), so that frequent probes do not turn into "
                      + "Graph API calls. 0 asks on every probe.")
    private long healthCheckCacheTime = DEFAULT_HEALTH_CHECK_CACHE_TIME;

    private AsyncHttpClientPool httpClients;
    private ScheduledExecutorService pacingScheduler;
    private SendPacer pacer;
    private final PagePauses pauses = new PagePauses();
    private final Map<String, MessengerSendProducerHealthCheck> sharedHealthChecks = new HashMap<>();

    public MessengerSendComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException(
                    "The Page id is missing: use messenger-send:<pageId> or messenger-send:me");
        }
        MessengerSendEndpoint endpoint = new MessengerSendEndpoint(uri, this, configuration.copy());
        endpoint.setPageId(remaining);
        if (parameters.containsKey("accessToken")) {
            // a token given on the endpoint is meant for it: the component's per-Page tokens do not override it
            endpoint.getConfiguration().setTokenProvider(null);
            endpoint.getConfiguration().setPageTokens(null);
        }
        // pageToken.<pageId>=<token> entries add to (and override) the component's
        Map<String, Object> pageTokens = PropertiesHelper.extractProperties(parameters, "pageToken.");
        if (!pageTokens.isEmpty()) {
            Map<String, Object> merged = new HashMap<>();
            if (endpoint.getConfiguration().getPageTokens() != null) {
                merged.putAll(endpoint.getConfiguration().getPageTokens());
            }
            merged.putAll(pageTokens);
            endpoint.getConfiguration().setPageTokens(merged);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        httpClients = new AsyncHttpClientPool(0);
        httpClients.client(Duration.ofMillis(configuration.getConnectTimeout()));
        // one thread, and no queue limit: Camel's default of 1000 tasks would refuse paced sends of busy Pages
        pacingScheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                "MessengerSendPacer", new ThreadPoolProfileBuilder("MessengerSendPacer").poolSize(1).maxPoolSize(1)
                        .maxQueueSize(-1).build());
        pacer = new SendPacer(pacingScheduler);
    }

    @Override
    protected void doStop() throws Exception {
        // refuse new paced sends first, then stop the scheduler, then fail what still waits: a send submitted at any
        // point of the stop is either refused at once or found waiting, never left without its callback
        if (pacer != null) {
            pacer.stop();
        }
        if (pacingScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(pacingScheduler);
            pacingScheduler = null;
        }
        if (pacer != null) {
            pacer.abortPending();
        }
        if (httpClients != null) {
            httpClients.close();
            httpClients = null;
        }
        super.doStop();
    }

    /** The HTTP client for a connect timeout; one for the whole component unless endpoints set other timeouts. */
    GraphHttpClient httpClient(Duration connectTimeout) {
        AsyncHttpClientPool clients = httpClients;
        if (clients == null) {
            throw new IllegalStateException("The messenger-send component is not started");
        }
        return clients.client(connectTimeout);
    }

    /** The Send API client for one access token, with the options of an endpoint (or of the component). */
    SendApiClient sendApiClient(MessengerSendConfiguration c, String accessToken) {
        return new SendApiClient(httpClient(Duration.ofMillis(c.getConnectTimeout())), c.getBaseUri(),
                c.getApiVersion(),
                accessToken, c.getAppSecret(), Duration.ofMillis(c.getRequestTimeout()), MessengerJson.mapper(),
                c.getErrorClassifier());
    }

    SendPacer pacer() {
        return pacer;
    }

    /** The producers' token checks by the tokens they check, each shared by the producers calling with them. */
    Map<String, MessengerSendProducerHealthCheck> sharedHealthChecks() {
        return sharedHealthChecks;
    }

    PagePauses pauses() {
        return pauses;
    }

    public MessengerSendConfiguration getConfiguration() {
        return configuration;
    }

    /** The options shared by every endpoint of this component. */
    public void setConfiguration(MessengerSendConfiguration configuration) {
        this.configuration = configuration;
    }

    public boolean isHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
