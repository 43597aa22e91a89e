package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Handover: the thread was passed to {@code newOwnerAppId} (this app, when it receives the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PassThreadControl(
        @JsonProperty("new_owner_app_id") String newOwnerAppId,
        @JsonProperty("previous_owner_app_id") String previousOwnerAppId,
        @JsonProperty("metadata") String metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public PassThreadControl {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
