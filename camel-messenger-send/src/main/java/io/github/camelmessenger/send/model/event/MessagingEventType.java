package io.github.camelmessenger.send.model.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a received event, as header {@code CamelMessengerEventType} and the consumer's {@code events} option
 * name it (the wire names are lower case).
 */
public enum MessagingEventType {
    /** A person's message: text, attachments, a quick reply. */
    MESSAGE,
    /** The Page's own message ({@code message.is_echo}), sent by this or another app or by a person in the inbox. */
    ECHO, POSTBACK, REACTION, READ, DELIVERY, OPTIN, REFERRAL,
    /** {@code pass_thread_control}, {@code take_thread_control}, {@code request_thread_control}, {@code app_roles}. */
    HANDOVER,
    /** Any event in {@code entry[].standby[]}: the conversation belongs to another app; this one only watches. */
    STANDBY,
    /** An event of a kind this version does not know; always delivered, never an error. */
    UNKNOWN;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type named {@code name} (case-insensitive, surrounding blanks ignored). */
    public static MessagingEventType fromWireName(String name) {
        String wanted = name == null ? "" : name.trim();
        for (MessagingEventType type : values()) {
            if (type.wireName.equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown messaging event type '" + name + "'; known: "
                + Arrays.stream(values()).map(MessagingEventType::wireName).collect(Collectors.joining(", ")));
    }

    /**
     * The kind of an event by the first of its fields in this order: message (echo when {@code is_echo}),
     * postback, reaction, read, delivery, optin, referral, the handover fields; otherwise unknown.
     */
    public static MessagingEventType of(MessagingEvent event) {
        if (event.message() != null) {
            return event.message().echo() ? ECHO : MESSAGE;
        }
        if (event.postback() != null) {
            return POSTBACK;
        }
        if (event.reaction() != null) {
            return REACTION;
        }
        if (event.read() != null) {
            return READ;
        }
        if (event.delivery() != null) {
            return DELIVERY;
        }
        if (event.optin() != null) {
            return OPTIN;
        }
        if (event.referral() != null) {
            return REFERRAL;
        }
        if (event.passThreadControl() != null || event.takeThreadControl() != null
                || event.requestThreadControl() != null || event.appRoles() != null) {
            return HANDOVER;
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
