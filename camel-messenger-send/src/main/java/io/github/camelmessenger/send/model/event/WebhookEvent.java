package io.github.camelmessenger.send.model.event;

import io.github.camelmessenger.send.model.Platform;

/**
 * One event of a webhook call with what a route needs to act on it, each field the value of one
 * {@code CamelMessenger*} header of the consumer.
 *
 * @param type          {@code CamelMessengerEventType}
 * @param eventId       {@code CamelMessengerEventId}: the de-duplication key, the mid of a message, echo or
 *                      postback, otherwise {@code kind|sender|recipient|timestamp} (with the target mid and action
 *                      of a reaction, the watermark of a read or delivery)
 * @param pageId        {@code CamelMessengerPageId}: {@code entry[].id}, the Page (or Instagram account) that
 *                      received the event; null when the entry has no id
 * @param platform      {@code CamelMessengerPlatform}: from the body's {@code object}
 * @param replyTargetId {@code CamelMessengerRecipientId}: the person a reply goes to, the sender's PSID, or for an
 *                      echo the recipient's; null for a person known only by {@code user_ref}
 * @param senderId      {@code CamelMessengerSenderId}: {@code sender.id} as sent
 * @param messageId     {@code CamelMessengerEventMessageId}: the mid of the message, echo or postback, of the
 *                      message reacted to, or of a delivery that names a single {@code mid}
 * @param text          {@code CamelMessengerEventText}: the message's (or echo's) text
 * @param payload       {@code CamelMessengerPayload}: the quick reply's payload, the postback's payload, or the
 *                      referral's {@code ref}
 * @param timestamp     {@code CamelMessengerEventTimestamp}: epoch milliseconds; null when the event has none
 * @param event         the event itself, the exchange's body
 */
public record WebhookEvent(
        MessagingEventType type,
        String eventId,
        String pageId,
        Platform platform,
        String replyTargetId,
        String senderId,
        String messageId,
        String text,
        String payload,
        Long timestamp,
        MessagingEvent event) {

    /** The facts of {@code event}, received by {@code pageId}, from {@code entry[].standby[]} when {@code standby}. */
    public static WebhookEvent of(MessagingEvent event, String pageId, Platform platform, boolean standby) {
        MessagingEventType kind = MessagingEventType.of(event);
        String senderId = event.senderId();
        String messageId = messageId(kind, event);
        return new WebhookEvent(standby ? MessagingEventType.STANDBY : kind,
                EventIds.of(kind, standby, event, messageId), pageId, platform,
                kind == MessagingEventType.ECHO ? event.recipientId() : senderId, senderId, messageId,
                kind == MessagingEventType.MESSAGE || kind == MessagingEventType.ECHO ? event.message().text() : null,
                payload(kind, event), event.timestamp(), event);
    }

    private static String messageId(MessagingEventType kind, MessagingEvent event) {
        return switch (kind) {
            case MESSAGE, ECHO -> event.message().mid();
            case POSTBACK -> event.postback().mid();
            case REACTION -> event.reaction().mid();
            case DELIVERY -> event.delivery().mid();
            default -> null;
        };
    }

    private static String payload(MessagingEventType kind, MessagingEvent event) {
        return switch (kind) {
            case MESSAGE, ECHO -> event.message().quickReplyPayload();
            case POSTBACK -> event.postback().payload();
            case REFERRAL -> event.referral().ref();
            default -> null;
        };
    }
}
