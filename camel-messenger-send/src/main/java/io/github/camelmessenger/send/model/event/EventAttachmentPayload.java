package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of a received attachment: the media {@code url} for images, audio, video, files and stickers; a
 * template's, a location's or a product's fields are kept among the unknown fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventAttachmentPayload(
        @JsonProperty("url") String url,
        @JsonProperty("title") String title,
        @JsonProperty("sticker_id") String stickerId,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public EventAttachmentPayload {
        unknownFields = EventFields.unknown(unknownFields);
    }
}
