package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Meta's answer to a successful send. {@code recipientId} is absent for {@code user_ref} and phone number
 * recipients, {@code messageId} for sender actions, {@code attachmentId} unless the attachment was reusable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendResponse(
        @JsonProperty("recipient_id") String recipientId,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("attachment_id") String attachmentId) {

    @JsonCreator
    public SendResponse {
    }
}
