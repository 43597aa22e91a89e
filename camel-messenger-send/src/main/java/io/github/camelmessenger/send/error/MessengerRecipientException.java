package io.github.camelmessenger.send.error;

/**
 * The person is unknown, has blocked the Page or cannot be reached (e.g. 551, 100/2018001, 10/2018108, 200/1545041). Drop or flag this recipient.
 */
public class MessengerRecipientException extends MessengerSendException {

    public MessengerRecipientException(String message, FailureDetails details, Throwable cause) {
        super(message, details, cause, FailureKind.RECIPIENT);
    }
}
