package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The envelope of a Graph API error answer: {@code {"error": {...}}}.
 */
public record GraphErrorResponse(@JsonProperty("error") GraphError error) {

    @JsonCreator
    public GraphErrorResponse {
    }
}
