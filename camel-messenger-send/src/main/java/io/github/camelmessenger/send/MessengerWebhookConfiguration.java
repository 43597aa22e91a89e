package io.github.camelmessenger.send;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options a {@code messenger-webhook} endpoint shares with its component: set on the component, they are the
 * defaults of every endpoint.
 */
@UriParams
public class MessengerWebhookConfiguration implements Cloneable {

    public static final boolean DEFAULT_SIGNATURE_CHECK = true;
    public static final String DEFAULT_EVENTS =
            "message,postback,reaction,read,delivery,optin,referral,handover,standby";
    public static final long DEFAULT_MAX_BODY_SIZE = 5_242_880;
    public static final int DEFAULT_IDEMPOTENT_CACHE_SIZE = 10_000;

    @UriParam(label = "security", secret = true,
              description = "The verify token typed into the App Dashboard with the callback URL. Meta's subscription "
                      + "check (GET with hub.verify_token) is answered with its challenge only when the token "
                      + "matches; without this option every subscription check is refused with 403.")
    private String verifyToken;

    @UriParam(label = "security", secret = true,
              description = "The app secret. Every POST must carry X-Hub-Signature-256, the HMAC-SHA256 of the raw "
                      + "body keyed with this secret; one without a valid signature is refused with 403 and nothing "
                      + "of it is routed. Required unless signatureCheck is false.")
    private String appSecret;

    @UriParam(label = "security", defaultValue = "" + DEFAULT_SIGNATURE_CHECK,
              description = "Whether every POST must carry a valid X-Hub-Signature-256. Turn it off for local tests "
                      + "only: anyone who can reach the URL can then inject events. A route without the check logs "
                      + "a WARN when it starts.")
    private boolean signatureCheck = DEFAULT_SIGNATURE_CHECK;

    @UriParam(label = "consumer", defaultValue = DEFAULT_EVENTS,
              description = "The event types to route, separated by commas, of message, echo, postback, reaction, read, "
                      + "delivery, optin, referral, handover and standby. echo (the Page's own messages) is routed "
                      + "only when listed, so that a reply route cannot talk to itself. Events of a kind this "
                      + "version does not know arrive as unknown and are always routed. Events not listed are "
                      + "answered as completed.")
    private String events = DEFAULT_EVENTS;

    @UriParam(label = "consumer",
              description = "The IdempotentRepository (such as #myRepository) that remembers the ids of events "
                      + "already routed: Meta retries a webhook call for up to 36 hours, and an event seen before is "
                      + "not routed again. By default an in-memory repository of the last 10000 ids per endpoint; "
                      + "use a shared one (JDBC, Kafka, Infinispan, Redis) when several instances receive.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_MAX_BODY_SIZE,
              description = "The largest POST body accepted, in bytes. A larger one is refused with 413 before its "
                      + "signature is computed or it is parsed: by its Content-Length, otherwise as soon as the "
                      + "consumer has read past the limit. The runtime's HTTP server may receive the body before the "
                      + "consumer reads it; bound that with the server's or a proxy's own limit.")
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;

    public MessengerWebhookConfiguration copy() {
        try {
            return (MessengerWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

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
}
