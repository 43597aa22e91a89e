package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Handover: {@code requestedOwnerAppId} asks the primary receiver (this app) for the thread.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestThreadControl(
        @JsonProperty("requested_owner_app_id") String requestedOwnerAppId,
        @JsonProperty("metadata") String metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public RequestThreadControl {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
