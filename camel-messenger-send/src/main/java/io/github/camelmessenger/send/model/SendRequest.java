package io.github.camelmessenger.send.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A whole Send API request: the recipient and either a message or a sender action. As a route body it is sent as
 * it is; what it leaves out is filled from the {@code CamelMessenger*} headers and the endpoint options.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "recipient", "messaging_type", "sender_action", "payload", "message", "tag", "notification_type",
        "reply_to", "persona_id" })
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SendRequest {

    @JsonProperty("recipient")
    private Recipient recipient;
    @JsonProperty("messaging_type")
    private MessagingType messagingType;
    @JsonProperty("sender_action")
    private SenderAction senderAction;
    @JsonProperty("payload")
    private ReactionPayload payload;
    @JsonProperty("message")
    private Message message;
    @JsonProperty("tag")
    private String tag;
    @JsonProperty("notification_type")
    private NotificationType notificationType;
    @JsonProperty("reply_to")
    private ReplyTo replyTo;
    @JsonProperty("persona_id")
    private String personaId;
    // top-level fields the model has no slot for (such as "page" in Meta's opt-in samples), written back unchanged
    @JsonIgnore
    private final Map<String, Object> otherFields = new LinkedHashMap<>();

    SendRequest() {
        // for Jackson
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A message to a recipient; messaging type, tag and the rest come from headers and options. */
    public static SendRequest message(Recipient recipient, Message message) {
        return builder().recipient(recipient).message(message).build();
    }

    /** A sender action to a recipient. */
    public static SendRequest senderAction(Recipient recipient, SenderAction action) {
        return builder().recipient(recipient).senderAction(action).build();
    }

    @Override
    public String toString() {
        return "SendRequest" + MessengerJson.mapper().valueToTree(this);
    }

    public Recipient getRecipient() {
        return recipient;
    }

    public MessagingType getMessagingType() {
        return messagingType;
    }

    public SenderAction getSenderAction() {
        return senderAction;
    }

    public ReactionPayload getPayload() {
        return payload;
    }

    public Message getMessage() {
        return message;
    }

    public String getTag() {
        return tag;
    }

    public NotificationType getNotificationType() {
        return notificationType;
    }

    public ReplyTo getReplyTo() {
        return replyTo;
    }

    public String getPersonaId() {
        return personaId;
    }

    /** Top-level fields read from JSON that the model has no slot for; sent as they are. */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    @JsonAnySetter
    void setOtherField(String name, Object value) {
        otherFields.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendRequest other && Objects.equals(recipient, other.recipient)
                && messagingType == other.messagingType && senderAction == other.senderAction
                && Objects.equals(payload, other.payload) && Objects.equals(message, other.message)
                && Objects.equals(tag, other.tag) && notificationType == other.notificationType
                && Objects.equals(replyTo, other.replyTo) && Objects.equals(personaId, other.personaId)
                && otherFields.equals(other.otherFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, messagingType, senderAction, payload, message, tag, notificationType, replyTo,
                personaId, otherFields);
    }

    public static final class Builder {
        private final SendRequest request = new SendRequest();

        public Builder recipient(Recipient recipient) {
            request.recipient = recipient;
            return this;
        }

        public Builder messagingType(MessagingType messagingType) {
            request.messagingType = messagingType;
            return this;
        }

        public Builder message(Message message) {
            request.message = message;
            return this;
        }

        public Builder senderAction(SenderAction senderAction) {
            request.senderAction = senderAction;
            return this;
        }

        /** React to a message with an emoji or a reaction name. */
        public Builder react(String messageId, String reaction) {
            request.senderAction = SenderAction.REACT;
            request.payload = ReactionPayload.react(messageId, reaction);
            return this;
        }

        /** Remove the Page's reaction from a message. */
        public Builder unreact(String messageId) {
            request.senderAction = SenderAction.UNREACT;
            request.payload = ReactionPayload.unreact(messageId);
            return this;
        }

        /** A message tag; without an explicit messaging type the request is sent as {@code MESSAGE_TAG}. */
        public Builder tag(String tag) {
            request.tag = tag;
            return this;
        }

        public Builder notificationType(NotificationType notificationType) {
            request.notificationType = notificationType;
            return this;
        }

        public Builder replyTo(String mid) {
            request.replyTo = mid == null ? null : new ReplyTo(mid);
            return this;
        }

        public Builder personaId(String personaId) {
            request.personaId = personaId;
            return this;
        }

        /**
         * The request; throws {@link io.github.camelmessenger.send.error.MessengerValidationException} when what it
         * holds breaks one of Meta's rules. Recipient and messaging type may be left out: the producer fills them
         * from headers and options.
         */
        public SendRequest build() {
            SendRequest copy = new SendRequest();
            copy.recipient = request.recipient;
            copy.messagingType = request.messagingType;
            copy.senderAction = request.senderAction;
            copy.payload = request.payload;
            copy.message = request.message;
            copy.tag = request.tag;
            copy.notificationType = request.notificationType;
            copy.replyTo = request.replyTo;
            copy.personaId = request.personaId;
            SendRequestValidator.validateIncomplete(MessengerJson.mapper().valueToTree(copy));
            return copy;
        }
    }
}
