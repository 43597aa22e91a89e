package io.github.camelmessenger.send.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The name that goes with a phone number recipient (customer matching).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class RecipientName {

    private final String firstName;
    private final String lastName;

    @JsonCreator
    public RecipientName(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    @JsonProperty("first_name")
    public String getFirstName() {
        return firstName;
    }

    @JsonProperty("last_name")
    public String getLastName() {
        return lastName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientName other && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName);
    }
}
