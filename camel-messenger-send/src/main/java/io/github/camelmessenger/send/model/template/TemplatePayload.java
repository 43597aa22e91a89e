package io.github.camelmessenger.send.model.template;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.camelmessenger.send.model.AttachmentPayload;

/**
 * The payload of a template attachment; {@code template_type} says which template it is. Each template's
 * {@code build()} checks Meta's limits and throws
 * {@link io.github.camelmessenger.send.error.MessengerValidationException} naming the field and the limit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "template_type",
              visible = true, defaultImpl = OtherTemplate.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = GenericTemplate.class, name = GenericTemplate.TYPE),
        @JsonSubTypes.Type(value = ButtonTemplate.class, name = ButtonTemplate.TYPE),
        @JsonSubTypes.Type(value = MediaTemplate.class, name = MediaTemplate.TYPE),
        @JsonSubTypes.Type(value = ReceiptTemplate.class, name = ReceiptTemplate.TYPE),
        @JsonSubTypes.Type(value = CustomerFeedbackTemplate.class, name = CustomerFeedbackTemplate.TYPE),
        @JsonSubTypes.Type(value = ProductTemplate.class, name = ProductTemplate.TYPE),
        @JsonSubTypes.Type(value = CouponTemplate.class, name = CouponTemplate.TYPE),
        @JsonSubTypes.Type(value = NotificationMessagesTemplate.class, name = NotificationMessagesTemplate.TYPE) })
public interface TemplatePayload extends AttachmentPayload {

    /** The template type on the wire, such as {@code generic}. */
    String templateType();
}
