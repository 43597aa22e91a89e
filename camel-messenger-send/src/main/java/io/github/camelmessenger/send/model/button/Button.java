package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A button of a template. Create one with the static factories; each checks Meta's limits (title at most 20
 * characters, postback payload at most 1000) and throws
 * {@link io.github.camelmessenger.send.error.MessengerValidationException} naming the field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
              visible = true, defaultImpl = OtherButton.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = WebUrlButton.class, name = WebUrlButton.TYPE),
        @JsonSubTypes.Type(value = PostbackButton.class, name = PostbackButton.TYPE),
        @JsonSubTypes.Type(value = PhoneNumberButton.class, name = PhoneNumberButton.TYPE),
        @JsonSubTypes.Type(value = AccountLinkButton.class, name = AccountLinkButton.TYPE),
        @JsonSubTypes.Type(value = AccountUnlinkButton.class, name = AccountUnlinkButton.TYPE),
        @JsonSubTypes.Type(value = GamePlayButton.class, name = GamePlayButton.TYPE) })
public interface Button {

    /** The button type on the wire, such as {@code web_url}. */
    String type();

    /** Opens a URL in the in-app browser. */
    static WebUrlButton webUrl(String title, String url) {
        return checked(new WebUrlButton(title, url, null, null, null, null));
    }

    /** Sends a postback webhook with the payload. */
    static PostbackButton postback(String title, String payload) {
        return checked(new PostbackButton(title, payload));
    }

    /** Calls a phone number, given in the international format such as {@code +15105551234}. */
    static PhoneNumberButton phoneNumber(String title, String phoneNumber) {
        return checked(new PhoneNumberButton(title, phoneNumber));
    }

    /** Starts account linking with the given authentication URL. */
    static AccountLinkButton accountLink(String url) {
        return checked(new AccountLinkButton(url));
    }

    static AccountUnlinkButton accountUnlink() {
        return new AccountUnlinkButton();
    }

    /** Launches an Instant Game. */
    static GamePlayButton gamePlay(String title) {
        return checked(new GamePlayButton(title, null, null));
    }

    /** Checks a button against Meta's rules; returns it, or throws naming the field and the limit. */
    static <B extends Button> B checked(B button) {
        SendRequestValidator.validateButton(MessengerJson.mapper().valueToTree(button));
        return button;
    }
}
