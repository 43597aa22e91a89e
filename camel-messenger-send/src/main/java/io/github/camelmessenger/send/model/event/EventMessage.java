package io.github.camelmessenger.send.model.event;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code message} of an event: what a person sent, or with {@code is_echo} what the Page sent (then
 * {@code app_id} names the app that sent it and {@code metadata} is what that app attached).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventMessage(
        @JsonProperty("mid") String mid,
        @JsonProperty("text") String text,
        @JsonProperty("quick_reply") EventQuickReply quickReply,
        @JsonProperty("reply_to") EventReplyTo replyTo,
        @JsonProperty("attachments") List<EventAttachment> attachments,
        @JsonProperty("is_echo") Boolean isEcho,
        @JsonProperty("app_id") String appId,
        @JsonProperty("metadata") String metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public EventMessage {
        attachments = EventFields.list(attachments);
        unknownFields = EventFields.unknown(unknownFields);
    }

    /** Whether this is the Page's own message ({@code is_echo: true}). */
    @JsonIgnore
    public boolean echo() {
        return Boolean.TRUE.equals(isEcho);
    }

    /** The payload of the quick reply tapped, or null. */
    @JsonIgnore
    public String quickReplyPayload() {
        return quickReply == null ? null : quickReply.payload();
    }
}
