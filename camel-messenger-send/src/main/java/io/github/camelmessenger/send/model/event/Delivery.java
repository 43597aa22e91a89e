package io.github.camelmessenger.send.model.event;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The Page's messages reached the person: every message sent before {@code watermark} (epoch milliseconds) is
 * delivered; {@code mids} may list some of them. Older payloads name a single message in {@code mid}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
        @JsonProperty("mids") List<String> mids,
        @JsonProperty("watermark") @JsonDeserialize(using = EpochMillisDeserializer.class) Long watermark,
        @JsonProperty("mid") String mid,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public Delivery {
        mids = EventFields.list(mids);
        unknownFields = EventFields.unknown(unknownFields);
    }
}
