package io.github.camelmessenger.send.model.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * One image or video (a Facebook URL or an uploaded attachment id) with up to 3 buttons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "elements", "sharable" })
public record MediaTemplate(
        @JsonProperty("elements") List<Element> elements,
        @JsonProperty("sharable") Boolean sharable) implements TemplatePayload {

    public static final String TYPE = "media";

    public MediaTemplate {
        elements = elements == null ? null : List.copyOf(elements);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    /** An image from a Facebook URL (a photo posted on the Page). */
    public static Builder imageUrl(String url) {
        return new Builder("image", url, null);
    }

    public static Builder imageAttachmentId(String attachmentId) {
        return new Builder("image", null, attachmentId);
    }

    /** A video from a Facebook URL (a video posted on the Page). */
    public static Builder videoUrl(String url) {
        return new Builder("video", url, null);
    }

    public static Builder videoAttachmentId(String attachmentId) {
        return new Builder("video", null, attachmentId);
    }

    /** The one element of a media template. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "media_type", "url", "attachment_id", "buttons" })
    public record Element(
            @JsonProperty("media_type") String mediaType,
            @JsonProperty("url") String url,
            @JsonProperty("attachment_id") String attachmentId,
            @JsonProperty("buttons") List<Button> buttons) {

        public Element {
            buttons = buttons == null ? null : List.copyOf(buttons);
        }
    }

    public static final class Builder {
        private final String mediaType;
        private final String url;
        private final String attachmentId;
        private final List<Button> buttons = new ArrayList<>();
        private Boolean sharable;

        private Builder(String mediaType, String url, String attachmentId) {
            this.mediaType = mediaType;
            this.url = url;
            this.attachmentId = attachmentId;
        }

        public Builder button(Button button) {
            buttons.add(button);
            return this;
        }

        public Builder sharable(boolean sharable) {
            this.sharable = sharable;
            return this;
        }

        public MediaTemplate build() {
            MediaTemplate template = new MediaTemplate(
                    List.of(new Element(mediaType, url, attachmentId, buttons.isEmpty() ? null : buttons)), sharable);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
