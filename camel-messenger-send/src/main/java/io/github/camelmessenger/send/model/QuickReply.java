package io.github.camelmessenger.send.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A quick reply button shown above the composer.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class QuickReply {

    public static final String TEXT = "text";
    public static final String USER_PHONE_NUMBER = "user_phone_number";
    public static final String USER_EMAIL = "user_email";

    @JsonProperty("content_type")
    private String contentType;
    @JsonProperty("title")
    private String title;
    @JsonProperty("payload")
    private String payload;
    @JsonProperty("image_url")
    private String imageUrl;

    QuickReply() {
        // for Jackson
    }

    private QuickReply(String contentType, String title, String payload, String imageUrl) {
        this.contentType = contentType;
        this.title = title;
        this.payload = payload;
        this.imageUrl = imageUrl;
    }

    /** A text quick reply: title at most 20 characters, payload at most 1000; checked. */
    public static QuickReply text(String title, String payload) {
        return text(title, payload, null);
    }

    /** A text quick reply with an icon; checked like {@link #text(String, String)}. */
    public static QuickReply text(String title, String payload, String imageUrl) {
        QuickReply reply = new QuickReply(TEXT, title, payload, imageUrl);
        SendRequestValidator.validateQuickReply(MessengerJson.mapper().valueToTree(reply));
        return reply;
    }

    /** Offers the phone number from the person's profile. */
    public static QuickReply userPhoneNumber() {
        return new QuickReply(USER_PHONE_NUMBER, null, null, null);
    }

    /** Offers the email address from the person's profile. */
    public static QuickReply userEmail() {
        return new QuickReply(USER_EMAIL, null, null, null);
    }

    public String getContentType() {
        return contentType;
    }

    public String getTitle() {
        return title;
    }

    public String getPayload() {
        return payload;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuickReply other && Objects.equals(contentType, other.contentType)
                && Objects.equals(title, other.title) && Objects.equals(payload, other.payload)
                && Objects.equals(imageUrl, other.imageUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, title, payload, imageUrl);
    }
}
