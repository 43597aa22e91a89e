package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A button that sends a postback webhook with its payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "title", "payload" })
public record PostbackButton(@JsonProperty("title") String title, @JsonProperty("payload") String payload)
        implements
            Button {

    public static final String TYPE = "postback";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
