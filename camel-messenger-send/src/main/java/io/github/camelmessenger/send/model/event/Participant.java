package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code sender} or {@code recipient} of an event: a Page-scoped id, or a {@code user_ref} for a person known
 * only through the checkbox or chat plugin. Numeric ids are read as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Participant(
        @JsonProperty("id") String id,
        @JsonProperty("user_ref") String userRef,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public Participant {
        unknownFields = EventFields.unknown(unknownFields);
    }

    public static Participant id(String id) {
        return new Participant(id, null, null);
    }
}
