package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Unlinks the person's account; it carries nothing but its type.
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record AccountUnlinkButton() implements Button {

    public static final String TYPE = "account_unlink";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
