package io.github.camelmessenger.send;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.SendResponse;
import io.github.camelmessenger.send.model.SenderAction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The one place that reads and writes the {@code CamelMessenger*} headers: how a header value is parsed (text,
 * enums in any spelling), and what a success or a failure puts on the message.
 */
final class MessengerHeaders {

    /** The enum each enum-valued header holds. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_HEADERS = Map.of(
            MessengerSendConstants.MESSAGING_TYPE, MessagingType.class,
            MessengerSendConstants.NOTIFICATION_TYPE, NotificationType.class,
            MessengerSendConstants.SENDER_ACTION, SenderAction.class,
            MessengerSendConstants.OPERATION, MessengerOperation.class);

    /**
     * The accepted spellings of each enum header's constants, upper-cased with underscores: the name itself and, for
     * camelCase names (the operations), its snake form ({@code uploadAttachment}: UPLOADATTACHMENT, UPLOAD_ATTACHMENT).
     */
    private static final ClassValue<Map<String, Enum<?>>> SPELLINGS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> values = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                values.put(name.toUpperCase(Locale.ROOT), (Enum<?>) constant);
                values.put(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT), (Enum<?>) constant);
            }
            return Map.copyOf(values);
        }
    };

    private static final String[] FAILURE_HEADERS = { MessengerSendConstants.FAILURE_CLASS,
            MessengerSendConstants.RETRIABLE, MessengerSendConstants.ERROR_CODE, MessengerSendConstants.ERROR_SUBCODE,
            MessengerSendConstants.FBTRACE_ID, MessengerSendConstants.RETRY_AFTER };

    private static final CallClock CALL_CLOCK = new CallClock();

    private MessengerHeaders() {
    }

    /** A header as text; null when absent or blank. */
    static String text(Message in, String name) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether the header is there at all, whatever its value. */
    static boolean isPresent(Message in, String name) {
        return in.getHeader(name) != null;
    }

    static Boolean bool(Message in, String name) {
        return in.getHeader(name, Boolean.class);
    }

    /**
     * Reads an enum header, accepting any case and dashes for underscores ({@code typing-on},
     * {@code upload-attachment} for uploadAttachment); an unknown value is refused naming the header.
     */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E>> E enumValue(Message in, String name) {
        Class<? extends Enum<?>> type = ENUM_HEADERS.get(name);
        if (type == null) {
            throw new IllegalArgumentException(name + " is not an enum header");
        }
        Object value = in.getHeader(name);
        if (value == null || type.isInstance(value)) {
            return (E) value;
        }
        String given = value.toString().trim();
        if (given.isEmpty()) {
            return null;
        }
        Enum<?> constant = SPELLINGS.get(type).get(given.replace('-', '_').toUpperCase(Locale.ROOT));
        if (constant != null) {
            return (E) constant;
        }
        String expected = type == SenderAction.class
                ? Arrays.stream(SenderAction.values()).map(SenderAction::wireValue).toList().toString()
                : Arrays.toString(type.getEnumConstants());
        throw new MessengerValidationException(name, "unknown value '" + given + "'; expected one of " + expected);
    }

    static void setOrRemove(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        } else {
            message.removeHeader(name);
        }
    }

    /** After a send: the decoded answer as body, and the ids Meta answered. */
    static void sent(Message message, SendResponse response) {
        message.setBody(response);
        setOrRemove(message, MessengerSendConstants.MESSAGE_ID, response.messageId());
        setOrRemove(message, MessengerSendConstants.ATTACHMENT_ID, response.attachmentId());
    }

    /** After an upload: the answer as body and its reusable attachment id. */
    static void uploaded(Message message, SendResponse response) {
        message.setBody(response);
        message.setHeader(MessengerSendConstants.ATTACHMENT_ID, response.attachmentId());
    }

    /** A send begins: no call made by it yet (a header left by an earlier send or redelivery is not this one's). */
    static void sendStarted(Message message) {
        message.removeHeader(MessengerSendConstants.CALL_TIMESTAMP);
    }

    /**
     * The send's Graph API call leaves, from the slot that began at {@code startedAt} ({@link System#nanoTime()}):
     * stamped with the slot's own time, so a thread that was slow to get here does not move the call in the record.
     */
    static void callMade(Message message, long startedAt) {
        message.setHeader(MessengerSendConstants.CALL_TIMESTAMP, CALL_CLOCK.epochMillis(startedAt));
    }

    /** The exception, and headers a route can branch on without unpacking it. */
    static void failed(Exchange exchange, MessengerSendException failure) {
        exchange.setException(failure);
        Message message = exchange.getMessage();
        message.setHeader(MessengerSendConstants.FAILURE_CLASS, failure.getClass().getSimpleName());
        message.setHeader(MessengerSendConstants.RETRIABLE, failure.isRetriable());
        setOrRemove(message, MessengerSendConstants.ERROR_CODE, failure.getCode());
        setOrRemove(message, MessengerSendConstants.ERROR_SUBCODE, failure.getErrorSubcode());
        setOrRemove(message, MessengerSendConstants.FBTRACE_ID, failure.getFbtraceId());
        setOrRemove(message, MessengerSendConstants.RETRY_AFTER,
                failure.getRetryAfter() == null ? null : failure.getRetryAfter().toMillis());
    }

    /** A retried exchange that now succeeds carries no failure headers of earlier attempts. */
    static void clearFailure(Message message) {
        if (message.getHeader(MessengerSendConstants.FAILURE_CLASS) != null) {
            for (String header : FAILURE_HEADERS) {
                message.removeHeader(header);
            }
        }
    }
}
