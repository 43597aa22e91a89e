package io.github.camelmessenger.send;

import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.SenderAction;
import org.apache.camel.Exchange;

/**
 * The one place that builds the Send API request JSON of an exchange: the body (typed model, text, JSON, Map or
 * JsonNode) first, then what it leaves out from the {@code CamelMessenger*} headers, then from the endpoint options.
 * Fields the body sets are kept as they are.
 */
final class SendRequestAssembler {

    private static final String[][] RECIPIENT_HEADERS = {
            { MessengerSendConstants.RECIPIENT_ID, "id" },
            { MessengerSendConstants.RECIPIENT_USER_REF, "user_ref" },
            { MessengerSendConstants.RECIPIENT_PHONE_NUMBER, "phone_number" },
            { MessengerSendConstants.RECIPIENT_POST_ID, "post_id" },
            { MessengerSendConstants.RECIPIENT_COMMENT_ID, "comment_id" },
            { MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN, "notification_messages_token" } };

    private final ObjectMapper mapper;
    private final MessengerSendEndpoint endpoint;

    SendRequestAssembler(ObjectMapper mapper, MessengerSendEndpoint endpoint) {
        this.mapper = mapper;
        this.endpoint = endpoint;
    }

    /** The request for a message or sender action the body gives (text, JSON, a Map or the model). */
    ObjectNode fromBody(Exchange exchange) {
        return assemble(exchange.getMessage(), null, requestFromBody(exchange));
    }

    /** The request for a sender action from a header or the option: the body is ignored. */
    ObjectNode senderAction(org.apache.camel.Message in, SenderAction action) {
        return assemble(in, action, mapper.createObjectNode());
    }

    /** The request for a message given rather than read from the body (a file attachment, whose body is the file). */
    ObjectNode withMessage(org.apache.camel.Message in, JsonNode message) {
        return assemble(in, null, RequestBodies.wrapMessage(message, mapper));
    }

    /** The body's fields first, then what the headers give, then the endpoint options. */
    private ObjectNode assemble(org.apache.camel.Message in, SenderAction action, ObjectNode body) {
        MessengerSendConfiguration options = endpoint.getConfiguration();
        ObjectNode request = mapper.createObjectNode();
        JsonNode recipient = body.remove("recipient");
        putIfPresent(request, "recipient", recipient == null ? null : normalizeRecipient(recipient),
                () -> recipientFromHeaders(in));

        JsonNode bodyAction = body.remove("sender_action");
        if (action != null || bodyAction != null) {
            request.set("sender_action", action != null ? mapper.valueToTree(action) : bodyAction);
            SenderAction effective = action != null ? action : SenderAction.fromWireValue(bodyAction.asText());
            putIfPresent(request, "payload", body.remove("payload"), () -> reactionFromHeaders(in, effective));
        } else {
            JsonNode tag = body.remove("tag");
            if (tag == null) {
                tag = text(firstNonBlank(MessengerHeaders.text(in, MessengerSendConstants.TAG), options.getTag()));
            }
            JsonNode message = body.remove("message");
            JsonNode messagingType = body.remove("messaging_type");
            if (messagingType == null) {
                MessagingType type = MessengerHeaders.enumValue(in, MessengerSendConstants.MESSAGING_TYPE);
                type = type != null ? type : options.getMessagingType();
                type = type != null ? type : impliedMessagingType(tag, message);
                messagingType = text(type.name());
            }
            request.set("messaging_type", messagingType);
            putIfPresent(request, "message", message, () -> null);
            putIfPresent(request, "tag", tag, () -> null);
            putIfPresent(request, "notification_type", body.remove("notification_type"),
                    () -> notificationType(in, options));
            putIfPresent(request, "reply_to", body.remove("reply_to"), () -> replyToFromHeader(in));
        }
        putIfPresent(request, "persona_id", body.remove("persona_id"),
                () -> text(firstNonBlank(MessengerHeaders.text(in, MessengerSendConstants.PERSONA_ID),
                        endpoint.getPersonaId())));
        // anything else the body carries is passed on as it is
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            request.set(field.getKey(), field.getValue());
        }
        return request;
    }

    /** Without an explicit messaging type: a tag means MESSAGE_TAG, a utility template UTILITY, else RESPONSE. */
    private static MessagingType impliedMessagingType(JsonNode tag, JsonNode message) {
        if (tag != null) {
            return MessagingType.MESSAGE_TAG;
        }
        return message != null && message.has("template") ? MessagingType.UTILITY : MessagingType.RESPONSE;
    }

    private ObjectNode requestFromBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new MessengerValidationException("body", "empty: send text, a JSON object, a Map, or the model's "
                    + "SendRequest or Message");
        }
        if (body instanceof SendRequest request) {
            return mapper.valueToTree(request);
        }
        if (body instanceof Message message) {
            return RequestBodies.wrapMessage(mapper.valueToTree(message), mapper);
        }
        if (body instanceof JsonNode node) {
            return RequestBodies.fromJsonObject(node.deepCopy(), "a JsonNode", mapper);
        }
        if (body instanceof Map<?, ?> map) {
            return RequestBodies.fromJsonObject(mapper.valueToTree(map), "a Map", mapper);
        }
        String text = body instanceof String s ? s
                : exchange.getContext().getTypeConverter().convertTo(String.class,
                        exchange, body);
        if (text == null) {
            throw new MessengerValidationException("body", "a " + body.getClass().getName() + " cannot be sent: send "
                    + "text, a JSON object, a Map, or the model's SendRequest or "
                    + "Message");
        }
        return RequestBodies.fromText(text, mapper);
    }

    private JsonNode recipientFromHeaders(org.apache.camel.Message in) {
        ObjectNode recipient = mapper.createObjectNode();
        for (String[] mapping : RECIPIENT_HEADERS) {
            String value = MessengerHeaders.text(in, mapping[0]);
            if (value != null) {
                recipient.put(mapping[1], value);
            }
        }
        String firstName = MessengerHeaders.text(in, MessengerSendConstants.RECIPIENT_FIRST_NAME);
        String lastName = MessengerHeaders.text(in, MessengerSendConstants.RECIPIENT_LAST_NAME);
        if (firstName != null || lastName != null) {
            ObjectNode name = recipient.putObject("name");
            if (firstName != null) {
                name.put("first_name", firstName);
            }
            if (lastName != null) {
                name.put("last_name", lastName);
            }
        }
        if (recipient.isEmpty() && endpoint.getRecipientId() != null) {
            recipient.put("id", endpoint.getRecipientId());
        }
        return recipient.isEmpty() ? null : recipient;
    }

    /** Meta's identifiers are strings; a number in a JSON body is sent as its text. */
    private static JsonNode normalizeRecipient(JsonNode recipient) {
        if (recipient.isObject()) {
            ObjectNode copy = ((ObjectNode) recipient).deepCopy();
            for (Map.Entry<String, JsonNode> field : copy.properties()) {
                if (field.getValue().isNumber()) {
                    field.setValue(copy.textNode(field.getValue().asText()));
                }
            }
            return copy;
        }
        return recipient;
    }

    private JsonNode reactionFromHeaders(org.apache.camel.Message in, SenderAction action) {
        if (action == null || !action.needsPayload()) {
            return null;
        }
        String messageId = MessengerHeaders.text(in, MessengerSendConstants.REACTION_MESSAGE_ID);
        String reaction =
                action == SenderAction.REACT ? MessengerHeaders.text(in, MessengerSendConstants.REACTION) : null;
        if (messageId == null && reaction == null) {
            return null;
        }
        ObjectNode payload = mapper.createObjectNode();
        if (messageId != null) {
            payload.put("message_id", messageId);
        }
        if (reaction != null) {
            payload.put("reaction", reaction);
        }
        return payload;
    }

    private JsonNode replyToFromHeader(org.apache.camel.Message in) {
        String mid = MessengerHeaders.text(in, MessengerSendConstants.REPLY_TO);
        if (mid == null) {
            return null;
        }
        ObjectNode replyTo = mapper.createObjectNode();
        replyTo.put("mid", mid);
        return replyTo;
    }

    private JsonNode notificationType(org.apache.camel.Message in, MessengerSendConfiguration options) {
        NotificationType type = MessengerHeaders.enumValue(in, MessengerSendConstants.NOTIFICATION_TYPE);
        type = type != null ? type : options.getNotificationType();
        return type == null ? null : text(type.name());
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }

    private JsonNode text(String value) {
        return value == null ? null : mapper.getNodeFactory().textNode(value);
    }

    private static void putIfPresent(ObjectNode request, String field, JsonNode fromBody,
                                     Supplier<JsonNode> fallback) {
        JsonNode value = fromBody != null ? fromBody : fallback.get();
        if (value != null) {
            request.set(field, value);
        }
    }
}
