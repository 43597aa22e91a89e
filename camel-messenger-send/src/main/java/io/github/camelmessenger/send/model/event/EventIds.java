package io.github.camelmessenger.send.model.event;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelmessenger.send.model.MessengerJson;

/**
 * The key an event is de-duplicated by ({@code CamelMessengerEventId}). Meta retries a batch for up to 36 hours, so
 * the key must be the same every time the event comes and differ between events.
 * <ul>
 * <li>A message, echo or postback with a {@code mid}: the mid, which Meta makes unique.</li>
 * <li>Anything else: {@code kind|sender|recipient|timestamp}, plus {@code |mid|action} for a reaction (its mid is the
 * message reacted to, not the reaction's own) and {@code |watermark} for a read or delivery. {@code kind} is the
 * field that made the type ({@code reaction}, {@code pass_thread_control}..., for an unknown event its first unknown
 * field), prefixed {@code standby:} for a standby event; {@code sender} is {@code sender.id}, else
 * {@code user_ref:} and the user ref; a missing part is empty. For example
 * {@code read|1254459154682919|682498171943165|1458668856463|1458668856253}.</li>
 * </ul>
 * An event that has none of sender, recipient and timestamp (a salvaged odd event) also carries a hash of its
 * content, so that two such events do not share a key.
 * <p>
 * A delivery's or a read's mid is the message delivered or read, never the event's key: that message's own event
 * (its echo) already uses it.
 */
final class EventIds {

    private static final char SEPARATOR = '|';

    private EventIds() {
    }

    static String of(MessagingEventType kind, boolean standby, MessagingEvent event, String messageId) {
        boolean ownMid = kind == MessagingEventType.MESSAGE || kind == MessagingEventType.ECHO
                || kind == MessagingEventType.POSTBACK;
        if (ownMid && messageId != null && !messageId.isEmpty()) {
            return messageId;
        }
        StringBuilder key = new StringBuilder(96);
        if (standby) {
            key.append("standby:");
        }
        key.append(kindField(kind, event)).append(SEPARATOR);
        Participant sender = event.sender();
        if (sender != null && sender.id() != null) {
            key.append(sender.id());
        } else if (sender != null && sender.userRef() != null) {
            key.append("user_ref:").append(sender.userRef());
        }
        key.append(SEPARATOR).append(orEmpty(event.recipientId()))
                .append(SEPARATOR).append(orEmpty(event.timestamp()));
        switch (kind) {
            case REACTION -> key.append(SEPARATOR).append(orEmpty(event.reaction().mid()))
                    .append(SEPARATOR).append(orEmpty(event.reaction().action()));
            case READ -> key.append(SEPARATOR).append(orEmpty(event.read().watermark()));
            case DELIVERY -> key.append(SEPARATOR).append(orEmpty(event.delivery().watermark()));
            default -> {
                // sender, recipient and time tell the other kinds apart
            }
        }
        boolean noSender = sender == null || (sender.id() == null && sender.userRef() == null);
        boolean empty = kind == MessagingEventType.UNKNOWN && event.unknownFields().isEmpty();
        if (noSender && event.recipientId() == null && event.timestamp() == null && !empty) {
            // a salvaged event with nothing that tells it apart: its content does, so that two differ
            key.append(SEPARATOR).append(contentHash(event));
        }
        return key.toString();
    }

    private static String contentHash(MessagingEvent event) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(MessengerJson.mapper().writeValueAsBytes(event));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            return Integer.toHexString(event.hashCode());
        }
    }

    private static String kindField(MessagingEventType kind, MessagingEvent event) {
        if (kind == MessagingEventType.HANDOVER) {
            if (event.passThreadControl() != null) {
                return "pass_thread_control";
            }
            if (event.takeThreadControl() != null) {
                return "take_thread_control";
            }
            return event.requestThreadControl() != null ? "request_thread_control" : "app_roles";
        }
        if (kind == MessagingEventType.UNKNOWN && !event.unknownFields().isEmpty()) {
            return event.unknownFields().keySet().iterator().next();
        }
        return kind.wireName();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }
}
