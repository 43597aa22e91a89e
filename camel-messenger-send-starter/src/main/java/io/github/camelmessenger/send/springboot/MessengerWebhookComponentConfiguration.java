package io.github.camelmessenger.send.springboot;

import io.github.camelmessenger.send.MessengerWebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code messenger-webhook} component's options as Spring Boot properties, copied onto the component through its
 * generated configurer. Each one becomes the default of every {@code messenger-webhook} endpoint; an endpoint URI
 * option still overrides it. The initial values are the component's own defaults.
 */
@ConfigurationProperties(prefix = "camel.component.messenger-webhook")
public class MessengerWebhookComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to auto-configure the messenger-webhook component with these properties. This is enabled by default.
     */
    @SuppressWarnings("unused") // documents the inherited property
    private Boolean enabled;

    /**
     * The verify token typed into the App Dashboard with the callback URL. Meta's subscription check (GET with
     * hub.verify_token) is answered with its challenge only when the token matches; without it every subscription
     * check is refused with 403.
     */
    private String verifyToken;

    /**
     * The app secret. Every POST must carry X-Hub-Signature-256, the HMAC-SHA256 of the raw body keyed with this
     * secret; one without a valid signature is refused with 403 and nothing of it is routed. Required unless
     * signature-check is false.
     */
    private String appSecret;

    /**
     * Whether every POST must carry a valid X-Hub-Signature-256. Turn it off for local tests only: anyone who can
     * reach the URL can then inject events. A route without the check logs a WARN when it starts.
     */
    private boolean signatureCheck = MessengerWebhookConfiguration.DEFAULT_SIGNATURE_CHECK;

    /**
     * The event types to route, separated by commas, of message, echo, postback, reaction, read, delivery, optin,
     * referral, handover and standby. echo (the Page's own messages) is routed only when listed. Events of a kind
     * this version does not know arrive as unknown and are always routed.
     */
    private String events = MessengerWebhookConfiguration.DEFAULT_EVENTS;

    /**
     * The IdempotentRepository bean that remembers the ids of events already routed (Meta retries a webhook call for
     * up to 36 hours). A reference to a bean: its name or #bean:name. Unset, each endpoint keeps the last 10000 ids
     * in memory; use a shared one (JDBC, Kafka, Infinispan, Redis) when several instances receive.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * The largest POST body accepted, in bytes. A larger one is refused with 413.
     */
    private long maxBodySize = MessengerWebhookConfiguration.DEFAULT_MAX_BODY_SIZE;

    /**
     * Whether the consumer passes exceptions to the route's error handler instead of logging them (Camel's
     * bridgeErrorHandler).
     */
    private boolean bridgeErrorHandler = false;

    /**
     * Whether options marked autowired are looked up in the registry.
     */
    private boolean autowiredEnabled = true;

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public boolean isSignatureCheck() {
        return signatureCheck;
    }

    public void setSignatureCheck(boolean signatureCheck) {
        this.signatureCheck = signatureCheck;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public boolean isBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public boolean isAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }
}
