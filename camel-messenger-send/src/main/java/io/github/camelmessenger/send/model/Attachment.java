package io.github.camelmessenger.send.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message attachment: media by URL or attachment id, or a template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Attachment {

    public static final String IMAGE = "image";
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";
    public static final String FILE = "file";
    public static final String TEMPLATE = "template";

    @JsonProperty("type")
    private String type;
    @JsonProperty("payload")
    private AttachmentPayload payload;

    Attachment() {
        // for Jackson
    }

    private Attachment(String type, AttachmentPayload payload) {
        this.type = type;
        this.payload = payload;
    }

    public static Attachment of(String type, AttachmentPayload payload) {
        return new Attachment(type, payload);
    }

    public static Attachment image(MediaPayload payload) {
        return new Attachment(IMAGE, payload);
    }

    public static Attachment audio(MediaPayload payload) {
        return new Attachment(AUDIO, payload);
    }

    public static Attachment video(MediaPayload payload) {
        return new Attachment(VIDEO, payload);
    }

    public static Attachment file(MediaPayload payload) {
        return new Attachment(FILE, payload);
    }

    public String getType() {
        return type;
    }

    public AttachmentPayload getPayload() {
        return payload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment other && Objects.equals(type, other.type) && Objects.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, payload);
    }
}
