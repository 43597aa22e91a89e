package io.github.camelmessenger.send.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An opt-in, in one of two shapes. Marketing messages ({@code type: notification_messages}): the person accepted
 * (or stopped, resumed) the notifications requested with a notification messages template; send to
 * {@code notificationMessagesToken} until {@code tokenExpiryTimestamp} (epoch milliseconds). A plugin opt-in:
 * {@code ref} is the plugin's pass-through parameter and {@code userRef} identifies a checkbox plugin user.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Optin(
        @JsonProperty("type") String type,
        @JsonProperty("payload") String payload,
        @JsonProperty("notification_messages_token") String notificationMessagesToken,
        @JsonProperty("notification_messages_frequency") String notificationMessagesFrequency,
        @JsonProperty("notification_messages_timezone") String notificationMessagesTimezone,
        @JsonProperty("notification_messages_status") String notificationMessagesStatus,
        @JsonProperty("token_expiry_timestamp") @JsonDeserialize(using = EpochMillisDeserializer.class) Long tokenExpiryTimestamp,
        @JsonProperty("user_token_status") String userTokenStatus,
        @JsonProperty("title") String title,
        @JsonProperty("ref") String ref,
        @JsonProperty("user_ref") String userRef,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final String NOTIFICATION_MESSAGES = "notification_messages";

    @JsonCreator
    public Optin {
        unknownFields = EventFields.unknown(unknownFields);
    }

    /** Whether this is a marketing messages opt-in (rather than a plugin's). */
    @JsonIgnore
    public boolean notificationMessages() {
        return NOTIFICATION_MESSAGES.equals(type);
    }
}
