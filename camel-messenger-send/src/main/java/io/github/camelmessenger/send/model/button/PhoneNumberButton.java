package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call button; {@code payload} is the phone number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "title", "payload" })
public record PhoneNumberButton(@JsonProperty("title") String title, @JsonProperty("payload") String payload)
        implements
            Button {

    public static final String TYPE = "phone_number";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
