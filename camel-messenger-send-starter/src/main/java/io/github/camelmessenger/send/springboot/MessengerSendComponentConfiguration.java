package io.github.camelmessenger.send.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerSendConfiguration;
import io.github.camelmessenger.send.MessengerTokenProvider;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.Platform;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code messenger-send} component's options as Spring Boot properties, copied onto the component through its
 * generated configurer. Each one becomes the default of every {@code messenger-send} endpoint; an endpoint URI option
 * still overrides it. The initial values are the component's own defaults.
 */
@ConfigurationProperties(prefix = "camel.component.messenger-send")
public class MessengerSendComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to auto-configure the messenger-send component with these properties. This is enabled by default.
     */
    @SuppressWarnings("unused") // documents the inherited property
    private Boolean enabled;

    /**
     * The Page access token (with pages_messaging). Sent as Authorization: Bearer; never in a URL, a log line or an
     * exception message.
     */
    private String accessToken;

    /**
     * The app secret. When set, every request carries appsecret_proof, the HMAC-SHA256 of the access token keyed with
     * this secret.
     */
    private String appSecret;

    /**
     * Access tokens per Page id, for routes that send from many Pages with the CamelMessengerPageId header.
     */
    private Map<String, String> pageTokens;

    /**
     * A MessengerTokenProvider bean that supplies each Page's access token (for vaults and rotation); asked first,
     * before page-tokens and access-token. A reference to a bean: its name or #bean:name. Unset, a single
     * MessengerTokenProvider bean in the application is used.
     */
    private MessengerTokenProvider tokenProvider;

    /**
     * A MessengerErrorClassifier bean asked before the default rules which exception class a Graph error answer
     * gets; where it has no rule, the defaults decide. A reference to a bean: its name or #bean:name.
     */
    private MessengerErrorClassifier errorClassifier;

    /**
     * The Graph API version.
     */
    private String apiVersion = MessengerSendConfiguration.DEFAULT_API_VERSION;

    /**
     * The Graph API base URI; change it for proxies, tests and simulators.
     */
    private String baseUri = MessengerSendConfiguration.DEFAULT_BASE_URI;

    /**
     * The messaging type of message sends. Unset, it is MESSAGE_TAG if a tag is given, UTILITY for a utility
     * template, and RESPONSE otherwise.
     */
    private MessagingType messagingType;

    /**
     * The push notification type; left out of the request when unset (Meta then uses REGULAR).
     */
    private NotificationType notificationType;

    /**
     * The message tag, such as HUMAN_AGENT, CUSTOMER_FEEDBACK or NON_PROMOTIONAL_SUBSCRIPTION. Retired tags are
     * refused.
     */
    private String tag;

    /**
     * Whether to check Meta's documented limits and rules before sending.
     */
    private boolean validate = MessengerSendConfiguration.DEFAULT_VALIDATE;

    /**
     * Where the messages go; INSTAGRAM applies Instagram's rules in validation.
     */
    private Platform platform = Platform.valueOf(MessengerSendConfiguration.DEFAULT_PLATFORM);

    /**
     * The most messages per second to send from one Page; 0 turns pacing off.
     */
    private double rateLimit = MessengerSendConfiguration.DEFAULT_RATE_LIMIT;

    /**
     * How long a Page gets no calls after a rate-limit answer without a suggested delay; 0 turns pausing off.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration rateLimitBackoff = Duration.ofMillis(MessengerSendConfiguration.DEFAULT_RATE_LIMIT_BACKOFF);

    /**
     * How long to wait for a connection to the Graph API.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofMillis(MessengerSendConfiguration.DEFAULT_CONNECT_TIMEOUT);

    /**
     * How long to wait for the whole answer of one request.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration requestTimeout = Duration.ofMillis(MessengerSendConfiguration.DEFAULT_REQUEST_TIMEOUT);

    /**
     * Whether producers start on the first message instead of when their route starts.
     */
    private boolean lazyStartProducer = false;

    /**
     * Whether options marked autowired are looked up in the registry.
     */
    private boolean autowiredEnabled = true;

    /**
     * Whether each producer adds its Page token health check (readiness; a GET /me to the Graph API with the
     * producer's access token and each of its Page tokens). Camel runs producer health checks only with
     * camel.health.producers-enabled=true.
     */
    private boolean healthCheckProducerEnabled = MessengerSendComponent.DEFAULT_HEALTH_CHECK_PRODUCER_ENABLED;

    /**
     * The same switch as health-check-producer-enabled, under the starter's own name; when set, it wins. The check
     * still needs camel.health.producers-enabled=true.
     */
    private Boolean healthCheckEnabled;

    /**
     * How long a token health check result is kept before the Graph API is asked again; 0 asks on every probe.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration healthCheckCacheTime = Duration.ofMillis(MessengerSendComponent.DEFAULT_HEALTH_CHECK_CACHE_TIME);

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public Map<String, String> getPageTokens() {
        return pageTokens;
    }

    public void setPageTokens(Map<String, String> pageTokens) {
        this.pageTokens = pageTokens;
    }

    public MessengerErrorClassifier getErrorClassifier() {
        return errorClassifier;
    }

    public void setErrorClassifier(MessengerErrorClassifier errorClassifier) {
        this.errorClassifier = errorClassifier;
    }

    public MessengerTokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(MessengerTokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public MessagingType getMessagingType() {
        return messagingType;
    }

    public void setMessagingType(MessagingType messagingType) {
        this.messagingType = messagingType;
    }

    public NotificationType getNotificationType() {
        return notificationType;
    }

    public void setNotificationType(NotificationType notificationType) {
        this.notificationType = notificationType;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Duration getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    public void setRateLimitBackoff(Duration rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public boolean isLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public boolean isAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public boolean isHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(Boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Duration getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    public void setHealthCheckCacheTime(Duration healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
