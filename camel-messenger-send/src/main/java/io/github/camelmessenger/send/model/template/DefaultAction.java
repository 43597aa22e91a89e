package io.github.camelmessenger.send.model.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.button.WebviewHeightRatio;
import io.github.camelmessenger.send.model.button.WebviewSettings;

/**
 * What tapping a generic template element opens: a URL, like a URL button without a title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "url" })
public record DefaultAction(
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") WebviewHeightRatio webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl,
        @JsonProperty("webview_share_button") String webviewShareButton) implements WebviewSettings<DefaultAction> {

    @JsonProperty("type")
    public String type() {
        return "web_url";
    }

    public static DefaultAction url(String url) {
        return new DefaultAction(url, null, null, null, null);
    }

    @Override
    public DefaultAction withWebviewHeightRatio(WebviewHeightRatio ratio) {
        return new DefaultAction(url, ratio, messengerExtensions, fallbackUrl, webviewShareButton);
    }

    @Override
    public DefaultAction withMessengerExtensions(String fallbackUrl) {
        return new DefaultAction(url, webviewHeightRatio, Boolean.TRUE, fallbackUrl, webviewShareButton);
    }

    @Override
    public DefaultAction withShareButtonHidden() {
        return new DefaultAction(url, webviewHeightRatio, messengerExtensions, fallbackUrl, "hide");
    }
}
