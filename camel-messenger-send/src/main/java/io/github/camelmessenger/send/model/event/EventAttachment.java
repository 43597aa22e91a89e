package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One attachment of a received message: {@code image}, {@code audio}, {@code video}, {@code file},
 * {@code template}, {@code fallback}, {@code location}, Instagram's {@code story_mention}, {@code like_heart}... The
 * type is kept as sent, so types Meta adds later arrive unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventAttachment(
        @JsonProperty("type") String type,
        @JsonProperty("payload") EventAttachmentPayload payload,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public EventAttachment {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
