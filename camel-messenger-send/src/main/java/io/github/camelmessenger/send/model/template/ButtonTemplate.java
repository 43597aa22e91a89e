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
 * Text (at most 640 characters) with 1 to 3 buttons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "text", "buttons", "sharable" })
public record ButtonTemplate(
        @JsonProperty("text") String text,
        @JsonProperty("buttons") List<Button> buttons,
        @JsonProperty("sharable") Boolean sharable) implements TemplatePayload {

    public static final String TYPE = "button";

    public ButtonTemplate {
        buttons = buttons == null ? null : List.copyOf(buttons);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    public static Builder builder(String text) {
        return new Builder(text);
    }

    /** A button template with these buttons, checked. */
    public static ButtonTemplate of(String text, Button... buttons) {
        Builder builder = builder(text);
        for (Button button : buttons) {
            builder.button(button);
        }
        return builder.build();
    }

    public static final class Builder {
        private final String text;
        private final List<Button> buttons = new ArrayList<>();
        private Boolean sharable;

        private Builder(String text) {
            this.text = text;
        }

        public Builder button(Button button) {
            buttons.add(button);
            return this;
        }

        public Builder sharable(boolean sharable) {
            this.sharable = sharable;
            return this;
        }

        public ButtonTemplate build() {
            ButtonTemplate template = new ButtonTemplate(text, buttons, sharable);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
