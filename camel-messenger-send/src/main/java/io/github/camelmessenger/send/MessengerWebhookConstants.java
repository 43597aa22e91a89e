package io.github.camelmessenger.send;

import org.apache.camel.spi.Metadata;

/**
 * The headers of each exchange the {@code messenger-webhook} consumer routes, one exchange per received event.
 * {@link #PAGE_ID} and {@link #RECIPIENT_ID} have the names of the {@code messenger-send} headers, so that a reply
 * sent from the same route goes to the person who wrote, from the Page that received it.
 */
public final class MessengerWebhookConstants {

    @Metadata(label = "consumer",
              description = "The event type: message, echo, postback, reaction, read, delivery, optin, referral, "
                      + "handover, standby or unknown (a String in lower case).",
              javaType = "String",
              enums = "message,echo,postback,reaction,read,delivery,optin,referral,handover,standby,unknown")
    public static final String EVENT_TYPE = "CamelMessengerEventType";

    @Metadata(label = "consumer",
              description = "The key the event is de-duplicated by: the mid of a message, echo or postback, "
                      + "otherwise one made of the event's kind, sender, recipient and timestamp.",
              javaType = "String")
    public static final String EVENT_ID = "CamelMessengerEventId";

    @Metadata(label = "consumer",
              description = "The Page (or Instagram account) that received the event (the id of the body's entry); messenger-send "
                      + "sends a reply from this Page.",
              javaType = "String")
    public static final String PAGE_ID = MessengerSendConstants.PAGE_ID;

    @Metadata(label = "consumer",
              description = "The person's Page-scoped id (PSID), who a reply goes to: the sender, or for an echo the "
                      + "recipient; messenger-send sends a reply to this person.",
              javaType = "String")
    public static final String RECIPIENT_ID = MessengerSendConstants.RECIPIENT_ID;

    @Metadata(label = "consumer", description = "sender.id exactly as Meta sent it.", javaType = "String")
    public static final String SENDER_ID = "CamelMessengerSenderId";

    @Metadata(label = "consumer",
              description = "The mid the event is about: of the message, echo or postback, or of the message "
                      + "reacted to.",
              javaType = "String")
    public static final String EVENT_MESSAGE_ID = "CamelMessengerEventMessageId";

    @Metadata(label = "consumer", description = "The text of a message or echo, when it has one.", javaType = "String")
    public static final String EVENT_TEXT = "CamelMessengerEventText";

    @Metadata(label = "consumer",
              description = "The quick reply's payload, the postback's payload, or the referral's ref.",
              javaType = "String")
    public static final String PAYLOAD = "CamelMessengerPayload";

    @Metadata(label = "consumer", description = "Meta's timestamp of the event, in epoch milliseconds.",
              javaType = "Long")
    public static final String EVENT_TIMESTAMP = "CamelMessengerEventTimestamp";

    @Metadata(label = "consumer", description = "Where the event comes from: MESSENGER or INSTAGRAM (a String).",
              javaType = "String", enums = "MESSENGER,INSTAGRAM")
    public static final String PLATFORM = "CamelMessengerPlatform";

    private MessengerWebhookConstants() {
    }
}
