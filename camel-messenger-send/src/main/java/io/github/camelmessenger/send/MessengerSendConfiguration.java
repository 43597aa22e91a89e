package io.github.camelmessenger.send;

import java.util.Map;

import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.Platform;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options an endpoint shares with its component: set on the component, they are the defaults of every
 * {@code messenger-send} endpoint.
 */
@UriParams
public class MessengerSendConfiguration implements Cloneable {

    public static final String DEFAULT_API_VERSION = "v24.0";
    public static final String DEFAULT_BASE_URI = "https://graph.facebook.com";
    public static final String DEFAULT_PLATFORM = "MESSENGER";
    public static final boolean DEFAULT_VALIDATE = true;
    public static final int DEFAULT_RATE_LIMIT = 0;
    public static final long DEFAULT_RATE_LIMIT_BACKOFF = 60_000;
    public static final long DEFAULT_CONNECT_TIMEOUT = 10_000;
    public static final long DEFAULT_REQUEST_TIMEOUT = 30_000;

    @UriParam(label = "security", secret = true,
              description = "The Page access token (with pages_messaging). Sent as Authorization: Bearer; never in a "
                      + "URL, a log line or an exception message. Required unless pageToken entries (such as "
                      + "pageToken.1122334455) or a tokenProvider give the Page's token: a producer without any of them fails to start.")
    private String accessToken;

    @UriParam(label = "security", secret = true, prefix = "pageToken.", multiValue = true,
              description = "Access tokens per Page, for routes that send from many Pages with the CamelMessengerPageId "
                      + "header, such as pageToken.1122334455=EAAG... A Page without an entry uses accessToken.")
    private Map<String, Object> pageTokens;

    @UriParam(label = "security",
              description = "A MessengerTokenProvider bean that supplies each Page's access token (for vaults and "
                      + "rotation); asked first, before the pageToken entries and accessToken.")
    private MessengerTokenProvider tokenProvider;

    @UriParam(label = "security", secret = true,
              description = "The app secret. When set, every request carries appsecret_proof, the HMAC-SHA256 of the "
                      + "access token keyed with this secret.")
    private String appSecret;

    @UriParam(label = "advanced", defaultValue = DEFAULT_API_VERSION,
              description = "The Graph API version, such as v24.0.")
    private String apiVersion = DEFAULT_API_VERSION;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URI,
              description = "The Graph API base URI; change it for proxies, tests and simulators.")
    private String baseUri = DEFAULT_BASE_URI;

    @UriParam(label = "producer", enums = "RESPONSE,UPDATE,MESSAGE_TAG,UTILITY",
              description = "The messaging type of message sends. Unset by default: when neither this option nor a "
                      + "header nor the body sets one, it is MESSAGE_TAG if a tag is given, UTILITY for a utility "
                      + "template (message.template), and RESPONSE otherwise.")
    private MessagingType messagingType;

    @UriParam(label = "producer", enums = "REGULAR,SILENT_PUSH,NO_PUSH",
              description = "The push notification type; left out of the request when unset (Meta then uses "
                      + "REGULAR).")
    private NotificationType notificationType;

    @UriParam(label = "producer",
              description = "The message tag, such as HUMAN_AGENT, CUSTOMER_FEEDBACK or NON_PROMOTIONAL_SUBSCRIPTION. "
                      + "Any tag is passed on except the ones Meta retired, which are refused.")
    private String tag;

    @UriParam(label = "producer", defaultValue = DEFAULT_PLATFORM, enums = "MESSENGER,INSTAGRAM",
              description = "Where the messages go. INSTAGRAM applies Instagram's rules in validation: text at most "
                      + "1000 bytes, HUMAN_AGENT the only tag, at most 10 images, and the like_heart and "
                      + "MEDIA_SHARE attachment types. Set baseUri to graph.instagram.com for Instagram Login tokens.")
    private Platform platform = Platform.valueOf(DEFAULT_PLATFORM);

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_VALIDATE,
              description = "Whether to check Meta's documented limits and rules before sending. A refused message "
                      + "raises MessengerValidationException and is not sent.")
    private boolean validate = DEFAULT_VALIDATE;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RATE_LIMIT,
              description = "The most messages per second to send from one Page (0 for no pacing). Sends over the "
                      + "rate wait their turn without holding a thread.")
    private double rateLimit = DEFAULT_RATE_LIMIT;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RATE_LIMIT_BACKOFF, javaType = "java.time.Duration",
              description = "How long to stop calling for a Page after Meta answers a rate-limit error without "
                      + "suggesting a delay, in milliseconds (or a duration such as 1m). With a suggested delay "
                      + "(estimated_time_to_regain_access) that delay is used. Sends for a paused Page fail at "
                      + "once with MessengerRateLimitException; 0 turns pausing off.")
    private long rateLimitBackoff = DEFAULT_RATE_LIMIT_BACKOFF;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT, javaType = "java.time.Duration",
              description = "How long to wait for a connection to the Graph API, in milliseconds (or a duration "
                      + "such as 5s).")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_REQUEST_TIMEOUT, javaType = "java.time.Duration",
              description = "How long to wait for the whole answer of one request, in milliseconds (or a duration "
                      + "such as 30s). A send that times out fails with MessengerTransportException.")
    private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    @UriParam(label = "advanced",
              description = "A MessengerErrorClassifier bean (such as #myRules) asked before the default rules which "
                      + "exception class a Graph error answer gets; where it has no rule for the answer, the "
                      + "default rules decide. Gives a new Meta error code its class without a new release.")
    private MessengerErrorClassifier errorClassifier;

    public MessengerSendConfiguration copy() {
        try {
            MessengerSendConfiguration copy = (MessengerSendConfiguration) clone();
            // an endpoint's pageToken.* entries must not leak into the component's or other endpoints'
            copy.pageTokens = pageTokens == null ? null : new java.util.HashMap<>(pageTokens);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Map<String, Object> getPageTokens() {
        return pageTokens;
    }

    public void setPageTokens(Map<String, Object> pageTokens) {
        this.pageTokens = pageTokens;
    }

    public MessengerTokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(MessengerTokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    /** The access token for a Page: the provider's, then the Page's entry, then accessToken; null when none. */
    public String accessTokenFor(String pageId) {
        String token = tokenProvider == null ? null : tokenProvider.accessToken(pageId);
        if (token == null && pageTokens != null) {
            Object entry = pageTokens.get(pageId);
            token = entry == null ? null : entry.toString();
        }
        return token != null ? token : accessToken;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
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

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    public void setRateLimitBackoff(long rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public MessengerErrorClassifier getErrorClassifier() {
        return errorClassifier;
    }

    public void setErrorClassifier(MessengerErrorClassifier errorClassifier) {
        this.errorClassifier = errorClassifier;
    }
}
