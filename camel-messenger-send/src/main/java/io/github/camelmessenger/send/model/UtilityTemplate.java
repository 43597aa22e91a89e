package io.github.camelmessenger.send.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A utility message ({@code message.template}): one of the Page's approved utility templates by name and language,
 * with values for its placeholders. Sent with messaging type {@code UTILITY}, which the producer sets when no other
 * type is given.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "name", "language", "components" })
public record UtilityTemplate(
        @JsonProperty("name") String name,
        @JsonProperty("language") Language language,
        @JsonProperty("components") List<Component> components) {

    public UtilityTemplate {
        components = components == null ? null : List.copyOf(components);
    }

    public static Builder builder(String name, String languageCode) {
        return new Builder(name, languageCode);
    }

    /** The template's language, such as {@code en_US}. */
    public record Language(@JsonProperty("code") String code) {
    }

    /** Values for one part of the template: {@code header}, {@code body} or {@code buttons}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Component(@JsonProperty("type") String type, @JsonProperty("parameters") List<Parameter> parameters) {
        public Component {
            parameters = parameters == null ? null : List.copyOf(parameters);
        }
    }

    /** One placeholder value: {@code text} for text, {@code payload} or {@code url} for buttons. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "text", "payload", "url" })
    public record Parameter(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text,
            @JsonProperty("payload") String payload,
            @JsonProperty("url") String url) {

        public static Parameter text(String text) {
            return new Parameter("text", text, null, null);
        }
    }

    public static final class Builder {
        private final String name;
        private final String languageCode;
        private final List<Component> components = new ArrayList<>();

        private Builder(String name, String languageCode) {
            this.name = name;
            this.languageCode = languageCode;
        }

        /** Text values for the header's placeholders, in order. */
        public Builder header(String... texts) {
            return component("header", texts);
        }

        /** Text values for the body's placeholders, in order. */
        public Builder body(String... texts) {
            return component("body", texts);
        }

        /** A component with explicit parameters (for button payloads and URLs). */
        public Builder component(String type, List<Parameter> parameters) {
            components.add(new Component(type, parameters));
            return this;
        }

        private Builder component(String type, String... texts) {
            return component(type, Arrays.stream(texts).map(Parameter::text).toList());
        }

        /** The utility template; throws MessengerValidationException when name or language is missing. */
        public UtilityTemplate build() {
            UtilityTemplate template = new UtilityTemplate(name, new Language(languageCode),
                    components.isEmpty() ? null : components);
            SendRequestValidator.validateMessage(MessengerJson.mapper().valueToTree(Message.utility(template)));
            return template;
        }
    }
}
