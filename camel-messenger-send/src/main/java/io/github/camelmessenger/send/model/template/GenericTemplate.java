package io.github.camelmessenger.send.model.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A carousel of 1 to 10 elements, each with title, subtitle, image, default action and up to 3 buttons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "image_aspect_ratio", "sharable", "elements" })
public record GenericTemplate(
        @JsonProperty("elements") List<GenericElement> elements,
        @JsonProperty("image_aspect_ratio") ImageAspectRatio imageAspectRatio,
        @JsonProperty("sharable") Boolean sharable) implements TemplatePayload {

    public static final String TYPE = "generic";

    public GenericTemplate {
        elements = elements == null ? null : List.copyOf(elements);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<GenericElement> elements = new ArrayList<>();
        private ImageAspectRatio imageAspectRatio;
        private Boolean sharable;

        private Builder() {
        }

        public Builder element(GenericElement element) {
            elements.add(element);
            return this;
        }

        public Builder imageAspectRatio(ImageAspectRatio ratio) {
            this.imageAspectRatio = ratio;
            return this;
        }

        /** Whether Messenger shows its native share button for the message. */
        public Builder sharable(boolean sharable) {
            this.sharable = sharable;
            return this;
        }

        public GenericTemplate build() {
            GenericTemplate template = new GenericTemplate(elements, imageAspectRatio, sharable);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
