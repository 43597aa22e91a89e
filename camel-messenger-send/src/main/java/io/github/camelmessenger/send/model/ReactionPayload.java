package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code payload} of a {@code react} or {@code unreact} sender action. {@code unreact} carries no reaction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReactionPayload(@JsonProperty("message_id") String messageId, @JsonProperty("reaction") String reaction) {

    @JsonCreator
    public ReactionPayload {
    }

    public static ReactionPayload react(String messageId, String reaction) {
        return new ReactionPayload(messageId, reaction);
    }

    public static ReactionPayload unreact(String messageId) {
        return new ReactionPayload(messageId, null);
    }
}
