package io.github.camelmessenger.send.springboot;

import java.time.Duration;

import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code messenger-send} component's options as Spring Boot properties. Each one set here becomes the default of
 * every {@code messenger-send} endpoint; an endpoint URI option still overrides it.
 */
@ConfigurationProperties(prefix = "camel.component.messenger-send")
public class MessengerSendComponentConfiguration {

    /**
     * Whether to auto-configure the messenger-send component with these properties.
     */
    private boolean enabled = true;

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
    private java.util.Map<String, String> pageTokens;

    /**
     * The Graph API version.
     */
    private String apiVersion = "v24.0";

    /**
     * The Graph API base URI; change it for proxies, tests and simulators.
     */
    private String baseUri = "https://graph.facebook.com";

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
    private boolean validate = true;

    /**
     * Where the messages go; INSTAGRAM applies Instagram's rules in validation.
     */
    private Platform platform = Platform.MESSENGER;

    /**
     * The most messages per second to send from one Page; 0 turns pacing off.
     */
    private double rateLimit = 0;

    /**
     * How long a Page gets no calls after a rate-limit answer without a suggested delay; 0 turns pausing off.
     */
    @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
    private Duration rateLimitBackoff = Duration.ofSeconds(60);

    /**
     * How long to wait for a connection to the Graph API.
     */
    @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * How long to wait for the whole answer of one request.
     */
    @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * Whether producers start on the first message instead of when their route starts.
     */
    private boolean lazyStartProducer = false;

    /**
     * Whether options marked autowired are looked up in the registry.
     */
    private boolean autowiredEnabled = true;

    /**
     * Whether to add the Page token health check (readiness; a GET /me to the Graph API with the component's token).
     */
    private boolean healthCheckEnabled = false;

    /**
     * How long a token health check result is kept before the Graph API is asked again.
     */
    private Duration healthCheckCacheTime = Duration.ofMinutes(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

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

    public java.util.Map<String, String> getPageTokens() {
        return pageTokens;
    }

    public void setPageTokens(java.util.Map<String, String> pageTokens) {
        this.pageTokens = pageTokens;
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

    public boolean isHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Duration getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    public void setHealthCheckCacheTime(Duration healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
