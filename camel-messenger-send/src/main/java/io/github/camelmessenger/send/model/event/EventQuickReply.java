package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The quick reply a person tapped ({@code message.quick_reply}): the payload the Page gave that button.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventQuickReply(
        @JsonProperty("payload") String payload,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public EventQuickReply {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
