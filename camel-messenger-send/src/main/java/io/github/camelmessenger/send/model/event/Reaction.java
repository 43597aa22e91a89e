package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reaction to a message, or its removal: {@code mid} is the message reacted to, {@code action} is
 * {@code react} or {@code unreact} (kept as sent), {@code reaction} its name ({@code love}, {@code sad}...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reaction(
        @JsonProperty("mid") String mid,
        @JsonProperty("action") String action,
        @JsonProperty("reaction") String reaction,
        @JsonProperty("emoji") String emoji,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String REACT = "react";
    public static final String UNREACT = "unreact";

    @JsonCreator
    public Reaction {
        unknownFields = EventFields.unknown(unknownFields);
    }

    /** Whether the reaction was removed. */
    @JsonIgnore
    public boolean removed() {
        return UNREACT.equals(action);
    }
}
