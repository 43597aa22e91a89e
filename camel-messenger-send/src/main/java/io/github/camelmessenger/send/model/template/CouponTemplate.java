package io.github.camelmessenger.send.model.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A coupon: title, code or URL, and optional subtitle, image, pre-message and payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "title", "subtitle", "coupon_code", "coupon_url", "coupon_url_button_title",
        "coupon_pre_message", "image_url", "payload" })
public record CouponTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("coupon_code") String couponCode,
        @JsonProperty("coupon_url") String couponUrl,
        @JsonProperty("coupon_url_button_title") String couponUrlButtonTitle,
        @JsonProperty("coupon_pre_message") String couponPreMessage,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("payload") String payload) implements TemplatePayload {

    public static final String TYPE = "coupon";

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
        private String subtitle;
        private String couponCode;
        private String couponUrl;
        private String couponUrlButtonTitle;
        private String couponPreMessage;
        private String imageUrl;
        private String payload;

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder couponCode(String couponCode) {
            this.couponCode = couponCode;
            return this;
        }

        /** The URL the coupon's button opens, and the button's title. */
        public Builder couponUrl(String couponUrl, String buttonTitle) {
            this.couponUrl = couponUrl;
            this.couponUrlButtonTitle = buttonTitle;
            return this;
        }

        /** A text message sent before the coupon. */
        public Builder preMessage(String preMessage) {
            this.couponPreMessage = preMessage;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        /** Sent back in the webhook when the person taps the coupon. */
        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        public CouponTemplate build() {
            CouponTemplate template = new CouponTemplate(title, subtitle, couponCode, couponUrl, couponUrlButtonTitle,
                    couponPreMessage, imageUrl, payload);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
