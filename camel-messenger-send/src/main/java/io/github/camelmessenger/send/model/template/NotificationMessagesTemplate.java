package io.github.camelmessenger.send.model.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * The request to opt in to marketing messages (recurring notifications): a title of at most 65 characters, an
 * optional image, and a payload that comes back in the opt-in webhook event. A person who accepts is sent an
 * {@code optin} event with a {@code notification_messages_token}; send to that token (header
 * CamelMessengerRecipientNotificationMessagesToken) outside the 24-hour window. Meta takes the request only within
 * the window.
 * <p>
 * Meta no longer needs {@code notification_messages_frequency} (since 31 January 2023) and tokens no longer expire
 * (since 10 August 2023), so {@code frequency} and {@code reoptin} are for Pages that still send them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "title", "image_url", "payload", "notification_messages_frequency",
        "notification_messages_reoptin", "notification_messages_timezone", "notification_messages_cta_text" })
public record NotificationMessagesTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("payload") String payload,
        @JsonProperty("notification_messages_frequency") Frequency frequency,
        @JsonProperty("notification_messages_reoptin") Reoptin reoptin,
        @JsonProperty("notification_messages_timezone") String timezone,
        @JsonProperty("notification_messages_cta_text") CtaText ctaText) implements TemplatePayload {

    public static final String TYPE = "notification_messages";

    /** How often the Page may send to the token. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY
    }

    /** Whether the person is asked to opt in again before the token expires. */
    public enum Reoptin {
        ENABLED, DISABLED
    }

    /** The text of the opt-in button: Allow messages, Get frequency messages, Get messages, ... */
    public enum CtaText {
        ALLOW, FREQUENCY, GET, GET_UPDATES, OPT_IN, SIGN_UP
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private String imageUrl;
        private String payload;
        private Frequency frequency;
        private Reoptin reoptin;
        private String timezone;
        private CtaText ctaText;

        private Builder(String title) {
            this.title = title;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        /** Sent back in the opt-in webhook event, to tell the topics of a Page apart. */
        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        public Builder frequency(Frequency frequency) {
            this.frequency = frequency;
            return this;
        }

        public Builder reoptin(Reoptin reoptin) {
            this.reoptin = reoptin;
            return this;
        }

        /** The person's time zone, a tz database name such as {@code Europe/Berlin}. */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder ctaText(CtaText ctaText) {
            this.ctaText = ctaText;
            return this;
        }

        public NotificationMessagesTemplate build() {
            NotificationMessagesTemplate template = new NotificationMessagesTemplate(title, imageUrl, payload,
                    frequency, reoptin, timezone, ctaText);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
