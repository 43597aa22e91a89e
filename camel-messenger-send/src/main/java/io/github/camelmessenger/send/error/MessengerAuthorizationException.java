package io.github.camelmessenger.send.error;

/**
 * The token is invalid or expired, or a permission is missing (190, 10, 200-299, 230). Alert an operator.
 */
public class MessengerAuthorizationException extends MessengerSendException {

    public MessengerAuthorizationException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.AUTHORIZATION);
    }
}
