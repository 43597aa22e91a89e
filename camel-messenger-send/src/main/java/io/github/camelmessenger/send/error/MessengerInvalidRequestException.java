package io.github.camelmessenger.send.error;

/**
 * Meta refused the request as malformed (code 100 and other 4xx answers). A bug in what was sent: dead-letter it.
 */
public class MessengerInvalidRequestException extends MessengerSendException {

    public MessengerInvalidRequestException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.INVALID_REQUEST);
    }
}
