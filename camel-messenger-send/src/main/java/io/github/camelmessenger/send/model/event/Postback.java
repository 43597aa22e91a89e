package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tap on a postback button, the Get Started button or a persistent menu item: its {@code title} and the
 * {@code payload} the Page gave it, with a {@code referral} when the tap opened the conversation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Postback(
        @JsonProperty("mid") String mid,
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload,
        @JsonProperty("referral") Referral referral,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public Postback {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
