package io.github.camelmessenger.send.model.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One messaging event of a webhook call (an element of {@code entry[].messaging[]} or {@code entry[].standby[]}):
 * who sent it to whom, when, and one of the event kinds. Fields of kinds the model has no class for (account
 * linking, policy enforcement, message edits, and whatever Meta adds) are kept in {@link #unknownFields()} and
 * written back unchanged.
 * <p>
 * The model reads Meta's variations into one form: ids that arrive as JSON numbers are strings, and
 * {@code timestamp} is epoch milliseconds even where the payload had seconds, a string or an ISO-8601 time (a
 * positive number below 10^11 is taken as seconds). Its JSON is that normalised form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagingEvent(
        @JsonProperty("sender") Participant sender,
        @JsonProperty("recipient") Participant recipient,
        @JsonProperty("timestamp") @JsonDeserialize(using = EpochMillisDeserializer.class) Long timestamp,
        @JsonProperty("message") EventMessage message,
        @JsonProperty("postback") Postback postback,
        @JsonProperty("reaction") Reaction reaction,
        @JsonProperty("read") Read read,
        @JsonProperty("delivery") Delivery delivery,
        @JsonProperty("optin") Optin optin,
        @JsonProperty("referral") Referral referral,
        @JsonProperty("pass_thread_control") PassThreadControl passThreadControl,
        @JsonProperty("take_thread_control") TakeThreadControl takeThreadControl,
        @JsonProperty("request_thread_control") RequestThreadControl requestThreadControl,
        @JsonProperty("app_roles") Map<String, List<String>> appRoles,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    @JsonCreator
    public MessagingEvent {
        appRoles = appRoles == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(appRoles));
        unknownFields = EventFields.unknown(unknownFields);
    }

    /** An event of no known kind: only its envelope, and every other field as it came. */
    public static MessagingEvent other(Participant sender, Participant recipient, Long timestamp,
                                       Map<String, Object> unknownFields) {
        return new MessagingEvent(sender, recipient, timestamp, null, null, null, null, null, null, null, null, null,
                null, null, unknownFields);
    }

    /** {@code sender.id} as sent (null for a person known only by {@code user_ref}). */
    @JsonIgnore
    public String senderId() {
        return sender == null ? null : sender.id();
    }

    /** {@code recipient.id} as sent. */
    @JsonIgnore
    public String recipientId() {
        return recipient == null ? null : recipient.id();
    }

    /** Whether this is the Page's own message ({@code message.is_echo}). */
    @JsonIgnore
    public boolean echo() {
        return message != null && message.echo();
    }

    /** The kind of this event by its fields ({@code standby} is where an event arrived, never a kind by itself). */
    @JsonIgnore
    public MessagingEventType kind() {
        return MessagingEventType.of(this);
    }
}
