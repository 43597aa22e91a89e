package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Starts account linking; Meta shows its own title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "url" })
public record AccountLinkButton(@JsonProperty("url") String url) implements Button {

    public static final String TYPE = "account_link";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
