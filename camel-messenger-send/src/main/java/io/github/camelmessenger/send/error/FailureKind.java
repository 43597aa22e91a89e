package io.github.camelmessenger.send.error;

/**
 * The decision a route has to make about a failed send; each kind has its exception class and says whether sending
 * the same request again later is sensible.
 */
public enum FailureKind {
    /** Meta limits the calls: retry later, slower. */
    RATE_LIMIT(true),
    /** A passing failure on Meta's side: retry with backoff. */
    TEMPORARY(true),
    /** The person cannot be reached: drop or flag the recipient. */
    RECIPIENT(false),
    /** Meta's messaging policy refuses the send: another messaging type, or give up. */
    POLICY(false),
    /** Token or permission problem: alert an operator. */
    AUTHORIZATION(false),
    /** Meta refused the request as malformed: a bug, dead-letter it. */
    INVALID_REQUEST(false),
    /** No readable answer: delivery is unknown, a retry may send twice. */
    TRANSPORT(false);

    private final boolean retriable;

    FailureKind(boolean retriable) {
        this.retriable = retriable;
    }

    /** Whether sending the same request again later is sensible. */
    public boolean isRetriable() {
        return retriable;
    }

    public MessengerSendException newException(String message, FailureDetails details, Throwable cause) {
        return switch (this) {
            case RATE_LIMIT -> new MessengerRateLimitException(message, details, cause);
            case TEMPORARY -> new MessengerTemporaryException(message, details, cause);
            case RECIPIENT -> new MessengerRecipientException(message, details, cause);
            case POLICY -> new MessengerPolicyException(message, details, cause);
            case AUTHORIZATION -> new MessengerAuthorizationException(message, details, cause);
            case INVALID_REQUEST -> new MessengerInvalidRequestException(message, details, cause);
            case TRANSPORT -> new MessengerTransportException(message, details, cause);
        };
    }
}
