package io.github.camelmessenger.send.model;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.camelmessenger.send.model.template.TemplatePayload;

/**
 * A message attachment: media by URL or attachment id, or a template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = Attachment.Reader.class)
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

    public static Attachment template(TemplatePayload payload) {
        return new Attachment(TEMPLATE, payload);
    }

    public String getType() {
        return type;
    }

    public AttachmentPayload getPayload() {
        return payload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment other && Objects.equals(type, other.type)
                && Objects.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, payload);
    }

    /** Reads the payload as the class its attachment type calls for: media, a template, or kept as it is. */
    static final class Reader extends StdDeserializer<Attachment> {

        private static final Set<String> MEDIA = Set.of(IMAGE, AUDIO, VIDEO, FILE);

        Reader() {
            super(Attachment.class);
        }

        @Override
        public Attachment deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            String type = node.path("type").asText(null);
            JsonNode payload = node.get("payload");
            if (payload == null || payload.isNull()) {
                return new Attachment(type, null);
            }
            Class<? extends AttachmentPayload> payloadClass = TEMPLATE.equals(type)
                    ? TemplatePayload.class
                    : MEDIA.contains(type) ? MediaPayload.class : OtherPayload.class;
            return new Attachment(type, parser.getCodec().treeToValue(payload, payloadClass));
        }
    }
}
