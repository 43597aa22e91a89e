package io.github.camelmessenger.send.model.event;

/**
 * A webhook body that is not a webhook call: not a JSON object, no {@code entry} array, or an {@code object} other
 * than {@code page} and {@code instagram}. Nothing in it is routed; the webhook answers 400 with {@link #reason()}.
 * The reason describes the body's shape only and never quotes more than a few characters of it.
 */
public class WebhookEnvelopeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public WebhookEnvelopeException(String reason) {
        this(reason, null);
    }

    public WebhookEnvelopeException(String reason, Throwable cause) {
        super("Not a Messenger webhook call: " + reason, cause);
        this.reason = reason;
    }

    /** Why the body was refused, fit for a 400 answer. */
    public String reason() {
        return reason;
    }
}
