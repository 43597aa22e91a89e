package io.github.camelmessenger.send.error;

/**
 * A passing failure on Meta's side (codes 1200, 2, {@code is_transient}, HTTP 5xx). Retry with backoff.
 */
public class MessengerTemporaryException extends MessengerSendException {

    public MessengerTemporaryException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.TEMPORARY);
    }
}
