package io.github.camelmessenger.send;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code messenger-send} component. Request headers override the endpoint options for
 * one exchange; the result headers are set after a successful send.
 */
public final class MessengerSendConstants {

    @Metadata(label = "producer", description = "The Page to send from; overrides the pageId of the endpoint URI.",
              javaType = "String")
    public static final String PAGE_ID = "CamelMessengerPageId";

    @Metadata(label = "producer", description = "The recipient's Page-scoped id (PSID): recipient.id.",
              javaType = "String")
    public static final String RECIPIENT_ID = "CamelMessengerRecipientId";

    @Metadata(label = "producer", description = "The user_ref of a person who opted in through the checkbox plugin: "
            + "recipient.user_ref.",
              javaType = "String")
    public static final String RECIPIENT_USER_REF = "CamelMessengerRecipientUserRef";

    @Metadata(label = "producer", description = "The recipient's phone number (customer matching): "
            + "recipient.phone_number.",
              javaType = "String")
    public static final String RECIPIENT_PHONE_NUMBER = "CamelMessengerRecipientPhoneNumber";

    @Metadata(label = "producer", description = "First name matched with the phone number recipient: "
            + "recipient.name.first_name.",
              javaType = "String")
    public static final String RECIPIENT_FIRST_NAME = "CamelMessengerRecipientFirstName";

    @Metadata(label = "producer", description = "Last name matched with the phone number recipient: "
            + "recipient.name.last_name.",
              javaType = "String")
    public static final String RECIPIENT_LAST_NAME = "CamelMessengerRecipientLastName";

    @Metadata(label = "producer", description = "A visitor post to answer with a private reply: recipient.post_id.",
              javaType = "String")
    public static final String RECIPIENT_POST_ID = "CamelMessengerRecipientPostId";

    @Metadata(label = "producer", description = "A comment to answer with a private reply: recipient.comment_id.",
              javaType = "String")
    public static final String RECIPIENT_COMMENT_ID = "CamelMessengerRecipientCommentId";

    @Metadata(label = "producer", description = "A Marketing Messages subscriber token: "
            + "recipient.notification_messages_token.",
              javaType = "String")
    public static final String RECIPIENT_NOTIFICATION_MESSAGES_TOKEN =
            "CamelMessengerRecipientNotificationMessagesToken";

    @Metadata(label = "producer", description = "The messaging type: messaging_type.",
              javaType = "io.github.camelmessenger.send.model.MessagingType",
              enums = "RESPONSE,UPDATE,MESSAGE_TAG,UTILITY")
    public static final String MESSAGING_TYPE = "CamelMessengerMessagingType";

    @Metadata(label = "producer", description = "The message tag: tag. Without an explicit messaging type a tag "
            + "means MESSAGE_TAG.",
              javaType = "String")
    public static final String TAG = "CamelMessengerTag";

    @Metadata(label = "producer", description = "The push notification type: notification_type.",
              javaType = "io.github.camelmessenger.send.model.NotificationType",
              enums = "REGULAR,SILENT_PUSH,NO_PUSH")
    public static final String NOTIFICATION_TYPE = "CamelMessengerNotificationType";

    @Metadata(label = "producer", description = "Send this sender action instead of a message: sender_action. The "
            + "body is ignored.",
              javaType = "io.github.camelmessenger.send.model.SenderAction",
              enums = "typing_on,typing_off,mark_seen,react,unreact")
    public static final String SENDER_ACTION = "CamelMessengerSenderAction";

    @Metadata(label = "producer", description = "The id of the message this one replies to: reply_to.mid.",
              javaType = "String")
    public static final String REPLY_TO = "CamelMessengerReplyTo";

    @Metadata(label = "producer", description = "Send as this persona: persona_id. Set to the new persona's id by "
            + "createPersona; names the persona to delete for deletePersona.",
              javaType = "String")
    public static final String PERSONA_ID = "CamelMessengerPersonaId";

    @Metadata(label = "producer", description = "The message to react to, or to remove the reaction from: "
            + "payload.message_id of react and unreact.",
              javaType = "String")
    public static final String REACTION_MESSAGE_ID = "CamelMessengerReactionMessageId";

    @Metadata(label = "producer", description = "The reaction (an emoji or a reaction name such as love): "
            + "payload.reaction of react.",
              javaType = "String")
    public static final String REACTION = "CamelMessengerReaction";

    @Metadata(label = "producer", description = "What to do: send (default), uploadAttachment, createPersona, "
            + "listPersonas, deletePersona, passThreadControl, takeThreadControl or requestThreadControl; overrides "
            + "the operation option.",
              javaType = "io.github.camelmessenger.send.MessengerOperation",
              enums = "send,uploadAttachment,createPersona,listPersonas,deletePersona,passThreadControl,"
                      + "takeThreadControl,requestThreadControl")
    public static final String OPERATION = "CamelMessengerOperation";

    @Metadata(label = "producer", description = "passThreadControl: the app id to pass the conversation to "
            + "(target_app_id), digits; 263902037430900 is the Page inbox. Required there.",
              javaType = "String")
    public static final String TARGET_APP_ID = "CamelMessengerTargetAppId";

    @Metadata(label = "producer", description = "passThreadControl, takeThreadControl, requestThreadControl: text "
            + "for the other app (metadata, at most 1000 characters), which it receives in its handover event.",
              javaType = "String")
    public static final String HANDOVER_METADATA = "CamelMessengerHandoverMetadata";

    @Metadata(label = "producer", description = "The attachment type of a file body (image, audio, video, file); "
            + "without it the content type decides. Bytes and streams are a file "
            + "when it is set, or with CamelFileName and a binary Content-Type.",
              javaType = "String")
    public static final String ATTACHMENT_TYPE = "CamelMessengerAttachmentType";

    @Metadata(label = "producer", description = "Whether Meta keeps a sent file for reuse (is_reusable); its "
            + "attachment_id then comes back in CamelMessengerAttachmentId.",
              javaType = "Boolean")
    public static final String ATTACHMENT_REUSABLE = "CamelMessengerAttachmentReusable";

    @Metadata(label = "producer", description = "Set after a send: the message_id Meta answered (absent for sender "
            + "actions).",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelMessengerMessageId";

    @Metadata(label = "producer", description = "Set after a send: the attachment_id Meta answered for a reusable "
            + "attachment.",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelMessengerAttachmentId";

    @Metadata(label = "producer", description = "Set when a send makes its Graph API call: when the call was let go, "
            + "after any wait for its Page's rateLimit slot (the slot's start), in milliseconds since the epoch. Each "
            + "send (each redelivery too) sets it anew, or removes it when it makes no call (refused before sending, "
            + "or its Page paused).",
              javaType = "Long")
    public static final String CALL_TIMESTAMP = "CamelMessengerCallTimestamp";

    @Metadata(label = "producer", description = "Set when a send fails: the simple name of the exception class, such "
            + "as MessengerRecipientException.",
              javaType = "String")
    public static final String FAILURE_CLASS = "CamelMessengerFailureClass";

    @Metadata(label = "producer", description = "Set when a send fails with a Graph error: Meta's error code.",
              javaType = "Integer")
    public static final String ERROR_CODE = "CamelMessengerErrorCode";

    @Metadata(label = "producer", description = "Set when a send fails with a Graph error: Meta's error_subcode.",
              javaType = "Integer")
    public static final String ERROR_SUBCODE = "CamelMessengerErrorSubcode";

    @Metadata(label = "producer", description = "Set when a send fails with a Graph error: Meta's fbtrace_id, for "
            + "Meta's support.",
              javaType = "String")
    public static final String FBTRACE_ID = "CamelMessengerFbtraceId";

    @Metadata(label = "producer", description = "Set when a send fails: whether sending again later is sensible (rate "
            + "limits and temporary failures).",
              javaType = "Boolean")
    public static final String RETRIABLE = "CamelMessengerRetriable";

    @Metadata(label = "producer", description = "Set when a send fails and Meta suggested a delay (or the Page is "
            + "paused): how long to wait, in milliseconds.",
              javaType = "Long")
    public static final String RETRY_AFTER = "CamelMessengerRetryAfter";

    private MessengerSendConstants() {
    }
}
