package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A persona of a Page: a name and picture a human agent sends as ({@code persona_id}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Persona(@JsonProperty("id") String id, @JsonProperty("name") String name,
        @JsonProperty("profile_picture_url") String profilePictureUrl) {

    @JsonCreator
    public Persona {
    }

    /** A persona to create: Meta assigns the id. */
    public static Persona of(String name, String profilePictureUrl) {
        return new Persona(null, name, profilePictureUrl);
    }
}
