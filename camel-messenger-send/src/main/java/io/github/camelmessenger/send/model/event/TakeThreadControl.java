package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Handover: the primary receiver took the thread from {@code previousOwnerAppId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeThreadControl(
        @JsonProperty("previous_owner_app_id") String previousOwnerAppId,
        @JsonProperty("metadata") String metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public TakeThreadControl {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
