package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a message replies to ({@code message.reply_to}): an earlier message's {@code mid}; a reply to a story carries
 * a {@code story} object instead, kept among the unknown fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventReplyTo(
        @JsonProperty("mid") String mid,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public EventReplyTo {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
