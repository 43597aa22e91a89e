package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a person came to the conversation: an m.me or ig.me link's {@code ref}, an ad, the chat plugin... Both the
 * {@code referral} event and a postback's {@code referral} have this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Referral(
        @JsonProperty("ref") String ref,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("ad_id") String adId,
        @JsonProperty("referer_uri") String refererUri,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public Referral {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
