package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Personalized text ({@code message.dynamic_text}): placeholders such as {@code {{first_name}}} are filled in by
 * Meta; the fallback is shown where they cannot be.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DynamicText(@JsonProperty("text") String text, @JsonProperty("fallback_text") String fallbackText) {
}
