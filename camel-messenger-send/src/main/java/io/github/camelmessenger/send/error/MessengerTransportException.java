package io.github.camelmessenger.send.error;

/**
 * No readable answer: timeout, connection failure, or a response that could not be decoded. Delivery is unknown; a retry may send the message twice.
 */
public class MessengerTransportException extends MessengerSendException {

    public MessengerTransportException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.TRANSPORT);
    }
}
