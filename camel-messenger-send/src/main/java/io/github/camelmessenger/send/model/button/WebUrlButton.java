package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A URL button ({@code web_url}). Also the shape of a generic template element's default action.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "title", "url" })
public record WebUrlButton(
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") WebviewHeightRatio webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl,
        @JsonProperty("webview_share_button") String webviewShareButton)
        implements
            Button,
            WebviewSettings<WebUrlButton> {

    public static final String TYPE = "web_url";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    @Override
    public WebUrlButton withWebviewHeightRatio(WebviewHeightRatio ratio) {
        return Button
                .checked(new WebUrlButton(title, url, ratio, messengerExtensions, fallbackUrl, webviewShareButton));
    }

    @Override
    public WebUrlButton withMessengerExtensions(String fallbackUrl) {
        return Button.checked(new WebUrlButton(title, url, webviewHeightRatio, Boolean.TRUE, fallbackUrl,
                webviewShareButton));
    }

    @Override
    public WebUrlButton withShareButtonHidden() {
        return Button.checked(new WebUrlButton(title, url, webviewHeightRatio, messengerExtensions, fallbackUrl,
                "hide"));
    }
}
