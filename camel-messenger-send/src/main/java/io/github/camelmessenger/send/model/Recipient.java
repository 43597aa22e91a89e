package io.github.camelmessenger.send.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who receives the message: exactly one identifier. Create it with one of the static factories.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Recipient {

    @JsonProperty("id")
    private String id;
    @JsonProperty("user_ref")
    private String userRef;
    @JsonProperty("phone_number")
    private String phoneNumber;
    @JsonProperty("name")
    private RecipientName name;
    @JsonProperty("post_id")
    private String postId;
    @JsonProperty("comment_id")
    private String commentId;
    @JsonProperty("notification_messages_token")
    private String notificationMessagesToken;
    @JsonProperty("one_time_notif_token")
    private String oneTimeNotifToken;

    Recipient() {
        // for Jackson
    }

    /** A person by Page-scoped id (PSID). */
    public static Recipient id(String psid) {
        Recipient r = new Recipient();
        r.id = psid;
        return r;
    }

    /** A person who opted in through the checkbox plugin. */
    public static Recipient userRef(String userRef) {
        Recipient r = new Recipient();
        r.userRef = userRef;
        return r;
    }

    /** A person by phone number (customer matching). */
    public static Recipient phoneNumber(String phoneNumber) {
        return phoneNumber(phoneNumber, null, null);
    }

    /** A person by phone number with the name to match (customer matching). */
    public static Recipient phoneNumber(String phoneNumber, String firstName, String lastName) {
        Recipient r = new Recipient();
        r.phoneNumber = phoneNumber;
        if (firstName != null || lastName != null) {
            r.name = new RecipientName(firstName, lastName);
        }
        return r;
    }

    /** A private reply to a visitor post on the Page. */
    public static Recipient postId(String postId) {
        Recipient r = new Recipient();
        r.postId = postId;
        return r;
    }

    /** A private reply to a comment on the Page. */
    public static Recipient commentId(String commentId) {
        Recipient r = new Recipient();
        r.commentId = commentId;
        return r;
    }

    /** A subscriber of Marketing Messages, by the token from the opt-in webhook. */
    public static Recipient notificationMessagesToken(String token) {
        Recipient r = new Recipient();
        r.notificationMessagesToken = token;
        return r;
    }

    /** A person who accepted a one-time notification request, by its token (Meta's older opt-in). */
    public static Recipient oneTimeNotifToken(String token) {
        Recipient r = new Recipient();
        r.oneTimeNotifToken = token;
        return r;
    }

    public String getId() {
        return id;
    }

    public String getUserRef() {
        return userRef;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public RecipientName getName() {
        return name;
    }

    public String getPostId() {
        return postId;
    }

    public String getCommentId() {
        return commentId;
    }

    public String getNotificationMessagesToken() {
        return notificationMessagesToken;
    }

    public String getOneTimeNotifToken() {
        return oneTimeNotifToken;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipient other && Objects.equals(id, other.id) && Objects.equals(userRef, other.userRef)
                && Objects.equals(phoneNumber, other.phoneNumber) && Objects.equals(name, other.name)
                && Objects.equals(postId, other.postId) && Objects.equals(commentId, other.commentId)
                && Objects.equals(notificationMessagesToken, other.notificationMessagesToken)
                && Objects.equals(oneTimeNotifToken, other.oneTimeNotifToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userRef, phoneNumber, name, postId, commentId, notificationMessagesToken,
                oneTimeNotifToken);
    }
}
