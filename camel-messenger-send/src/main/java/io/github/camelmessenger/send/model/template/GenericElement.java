package io.github.camelmessenger.send.model.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * One bubble of a generic template: title (at most 80 characters), subtitle (at most 80), image, default action and
 * up to 3 buttons.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "title", "image_url", "subtitle", "item_url", "default_action", "buttons" })
public record GenericElement(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("item_url") String itemUrl,
        @JsonProperty("default_action") DefaultAction defaultAction,
        @JsonProperty("buttons") List<Button> buttons) {

    public GenericElement {
        buttons = buttons == null ? null : List.copyOf(buttons);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private String subtitle;
        private String imageUrl;
        private String itemUrl;
        private DefaultAction defaultAction;
        private final List<Button> buttons = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        /**
         * The URL opened when the element is tapped. Meta replaced it with {@link #defaultAction(DefaultAction)};
         * kept so that elements read from older JSON are written back unchanged.
         */
        @Deprecated
        public Builder itemUrl(String itemUrl) {
            this.itemUrl = itemUrl;
            return this;
        }

        public Builder defaultAction(DefaultAction defaultAction) {
            this.defaultAction = defaultAction;
            return this;
        }

        public Builder button(Button button) {
            buttons.add(button);
            return this;
        }

        /** The element; throws MessengerValidationException when it breaks one of Meta's limits. */
        public GenericElement build() {
            GenericElement element = new GenericElement(title, subtitle, imageUrl, itemUrl, defaultAction,
                    buttons.isEmpty() ? null : buttons);
            SendRequestValidator.validateGenericElement(MessengerJson.mapper().valueToTree(element));
            return element;
        }
    }
}
