package io.github.camelmessenger.send.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelmessenger.send.model.template.TemplatePayload;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * The {@code message} object of a send: text, one attachment, several images or a sticker, with optional quick
 * replies and metadata.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Message {

    @JsonProperty("text")
    private String text;
    @JsonProperty("attachment")
    private Attachment attachment;
    @JsonProperty("attachments")
    private List<Attachment> attachments;
    @JsonProperty("sticker_id")
    private Long stickerId;
    @JsonProperty("template")
    private UtilityTemplate template;
    @JsonProperty("dynamic_text")
    private DynamicText dynamicText;
    @JsonProperty("quick_replies")
    private List<QuickReply> quickReplies;
    @JsonProperty("metadata")
    private String metadata;

    Message() {
        // for Jackson
    }

    public static Message text(String text) {
        return builder().text(text).build();
    }

    public static Message attachment(Attachment attachment) {
        return builder().attachment(attachment).build();
    }

    /** A message whose content is a template: generic, button, media, receipt and the others. */
    public static Message template(TemplatePayload template) {
        return builder().attachment(Attachment.template(template)).build();
    }

    /** A utility message: an approved utility template with its values. */
    public static Message utility(UtilityTemplate template) {
        return builder().template(template).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getText() {
        return text;
    }

    public Attachment getAttachment() {
        return attachment;
    }

    public List<Attachment> getAttachments() {
        return attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Long getStickerId() {
        return stickerId;
    }

    public UtilityTemplate getTemplate() {
        return template;
    }

    public DynamicText getDynamicText() {
        return dynamicText;
    }

    public List<QuickReply> getQuickReplies() {
        return quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    public String getMetadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message other && Objects.equals(text, other.text)
                && Objects.equals(attachment, other.attachment) && Objects.equals(attachments, other.attachments)
                && Objects.equals(stickerId, other.stickerId) && Objects.equals(template, other.template)
                && Objects.equals(dynamicText, other.dynamicText) && Objects.equals(quickReplies, other.quickReplies)
                && Objects.equals(metadata, other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, attachment, attachments, stickerId, template, dynamicText, quickReplies, metadata);
    }

    @Override
    public String toString() {
        return "Message" + MessengerJson.mapper().valueToTree(this);
    }

    public static final class Builder {
        private final Message message = new Message();

        public Builder text(String text) {
            message.text = text;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            message.attachment = attachment;
            return this;
        }

        /** Adds an image to the {@code attachments} array (several images in one message). */
        public Builder addAttachment(Attachment attachment) {
            if (message.attachments == null) {
                message.attachments = new ArrayList<>();
            }
            message.attachments.add(attachment);
            return this;
        }

        public Builder stickerId(long stickerId) {
            message.stickerId = stickerId;
            return this;
        }

        /** An approved utility template with its values (sent with messaging type UTILITY). */
        public Builder template(UtilityTemplate template) {
            message.template = template;
            return this;
        }

        /** Personalized text with placeholders such as {@code {{first_name}}}, and the text shown without them. */
        public Builder dynamicText(String text, String fallbackText) {
            message.dynamicText = new DynamicText(text, fallbackText);
            return this;
        }

        public Builder quickReply(QuickReply quickReply) {
            if (message.quickReplies == null) {
                message.quickReplies = new ArrayList<>();
            }
            message.quickReplies.add(quickReply);
            return this;
        }

        public Builder metadata(String metadata) {
            message.metadata = metadata;
            return this;
        }

        /**
         * The message; throws {@link io.github.camelmessenger.send.error.MessengerValidationException} naming the
         * field and the limit when it breaks one of Meta's rules (text at most 2000 characters, at most 13 quick
         * replies, exactly one kind of content, ...).
         */
        public Message build() {
            Message copy = new Message();
            copy.text = message.text;
            copy.attachment = message.attachment;
            copy.attachments = message.attachments == null ? null : List.copyOf(message.attachments);
            copy.stickerId = message.stickerId;
            copy.template = message.template;
            copy.dynamicText = message.dynamicText;
            copy.quickReplies = message.quickReplies == null ? null : List.copyOf(message.quickReplies);
            copy.metadata = message.metadata;
            SendRequestValidator.validateMessage(MessengerJson.mapper().valueToTree(copy));
            return copy;
        }
    }
}
