package io.github.camelmessenger.send.error;

/**
 * Meta's messaging policy refuses the send: outside the messaging window, tag not allowed, Page restricted (e.g. 10/2018278, 10/2018065). Use another messaging type or give up.
 */
public class MessengerPolicyException extends MessengerSendException {

    public MessengerPolicyException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.POLICY);
    }
}
