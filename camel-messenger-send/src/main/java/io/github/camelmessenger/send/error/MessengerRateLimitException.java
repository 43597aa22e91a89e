package io.github.camelmessenger.send.error;

/**
 * Meta limits the calls for this Page or app (codes 4, 17, 32, 613, 80001, 80006). Retry later, slower, not before {@link #getRetryAfter()}.
 */
public class MessengerRateLimitException extends MessengerSendException {

    public MessengerRateLimitException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.RATE_LIMIT);
    }
}
