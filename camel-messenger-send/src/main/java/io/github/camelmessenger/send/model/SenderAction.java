package io.github.camelmessenger.send.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A sender action: {@code sender_action} of the Send API, sent instead of a message.
 */
public enum SenderAction {
    TYPING_ON, TYPING_OFF, MARK_SEEN,
    /** React to a message; needs the message id and the reaction. */
    REACT,
    /** Remove the Page's reaction from a message; needs the message id. */
    UNREACT;

    /** The value on the wire, e.g. {@code typing_on}. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code typing_on}, {@code TYPING_ON} or {@code typing-on}; null when the value is no sender action. */
    @JsonCreator
    public static SenderAction fromWireValue(String value) {
        if (value == null) {
            return null;
        }
        String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (SenderAction action : values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        return null;
    }

    public boolean needsPayload() {
        return this == REACT || this == UNREACT;
    }
}
