package io.github.camelmessenger.send.error;

/**
 * The decision a route has to make about a failed send; each kind has its exception class.
 */
public enum FailureKind {
    RATE_LIMIT,
    TEMPORARY,
    RECIPIENT,
    POLICY,
    AUTHORIZATION,
    INVALID_REQUEST,
    TRANSPORT;

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
