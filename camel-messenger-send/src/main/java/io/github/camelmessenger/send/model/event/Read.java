package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The person read the Page's messages: every message sent before {@code watermark} (epoch milliseconds) is read.
 * Instagram names the message seen in {@code mid} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Read(
        @JsonProperty("watermark") @JsonDeserialize(using = EpochMillisDeserializer.class) Long watermark,
        @JsonProperty("mid") String mid,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public Read {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
