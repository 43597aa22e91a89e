package io.github.camelmessenger.send;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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

    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * The accepted spellings of each enum header's constants, upper-cased with underscores: the name itself and, for
     * camelCase names (the operations), its snake form ({@code uploadAttachment}: UPLOADATTACHMENT, UPLOAD_ATTACHMENT).
     */
    private static final ClassValue<Map<String, Enum<?>>> HEADER_VALUES = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> values = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                values.put(name.toUpperCase(Locale.ROOT), (Enum<?>) constant);
                values.put(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT), (Enum<?>) constant);
            }
            return Map.copyOf(values);
        }
    };

    private static final String[][] RECIPIENT_HEADERS = {
            { MessengerSendConstants.RECIPIENT_ID, "id" },
            { MessengerSendConstants.RECIPIENT_USER_REF, "user_ref" },
            { MessengerSendConstants.RECIPIENT_PHONE_NUMBER, "phone_number" },
            { MessengerSendConstants.RECIPIENT_POST_ID, "post_id" },
            { MessengerSendConstants.RECIPIENT_COMMENT_ID, "comment_id" },
            { MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN, "notification_messages_token" } };

    /** The request for one exchange and the Page it is sent from. */
    record AssembledSend(String pageId, ObjectNode request) {
    }

    private final ObjectMapper mapper;
    private final MessengerSendEndpoint endpoint;

    SendRequestAssembler(ObjectMapper mapper, MessengerSendEndpoint endpoint) {
        this.mapper = mapper;
        this.endpoint = endpoint;
    }

    /** Whether a sender action comes from a header or the option: then the body is ignored, even a file. */
    boolean hasSenderAction(Exchange exchange) {
        return enumHeader(exchange.getMessage(), MessengerSendConstants.SENDER_ACTION) != null
               || endpoint.getSenderAction() != null;
    }

    AssembledSend assemble(Exchange exchange) {
        return assemble(exchange, null);
    }

    /**
     * The request for an exchange whose message is given rather than read from the body (a file attachment, whose
     * body is the file).
     */
    AssembledSend assemble(Exchange exchange, JsonNode givenMessage) {
        org.apache.camel.Message in = exchange.getMessage();
        MessengerSendConfiguration options = endpoint.getConfiguration();
        String pageId = pageId(exchange);
        SenderAction action = givenMessage != null ? null : enumHeader(in, MessengerSendConstants.SENDER_ACTION);
        if (action == null && givenMessage == null) {
            action = endpoint.getSenderAction();
        }
        // with a sender action from a header or option, the body is ignored
        ObjectNode body = action != null ? mapper.createObjectNode()
                : givenMessage != null ? RequestBodies.wrapMessage(givenMessage, mapper) : requestFromBody(exchange);

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
                tag = text(firstNonBlank(header(in, MessengerSendConstants.TAG), options.getTag()));
            }
            JsonNode message = body.remove("message");
            JsonNode messagingType = body.remove("messaging_type");
            if (messagingType == null) {
                MessagingType type = enumHeader(in, MessengerSendConstants.MESSAGING_TYPE);
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
                () -> text(firstNonBlank(header(in, MessengerSendConstants.PERSONA_ID), endpoint.getPersonaId())));
        // anything else the body carries is passed on as it is
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            request.set(field.getKey(), field.getValue());
        }
        return new AssembledSend(pageId, request);
    }

    /** Without an explicit messaging type: a tag means MESSAGE_TAG, a utility template UTILITY, else RESPONSE. */
    private static MessagingType impliedMessagingType(JsonNode tag, JsonNode message) {
        if (tag != null) {
            return MessagingType.MESSAGE_TAG;
        }
        return message != null && message.has("template") ? MessagingType.UTILITY : MessagingType.RESPONSE;
    }

    /** The Page to call for: the CamelMessengerPageId header, else the endpoint's; refused when not a Page id. */
    String pageId(Exchange exchange) {
        String pageId = firstNonBlank(header(exchange.getMessage(), MessengerSendConstants.PAGE_ID), endpoint.getPageId());
        if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
            throw new MessengerValidationException(MessengerSendConstants.PAGE_ID,
                    "'" + pageId + "' is not a Page id (digits, or me)");
        }
        return pageId;
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
        String text = body instanceof String s ? s : exchange.getContext().getTypeConverter().convertTo(String.class,
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
            String value = header(in, mapping[0]);
            if (value != null) {
                recipient.put(mapping[1], value);
            }
        }
        String firstName = header(in, MessengerSendConstants.RECIPIENT_FIRST_NAME);
        String lastName = header(in, MessengerSendConstants.RECIPIENT_LAST_NAME);
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
        String messageId = header(in, MessengerSendConstants.REACTION_MESSAGE_ID);
        String reaction = action == SenderAction.REACT ? header(in, MessengerSendConstants.REACTION) : null;
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
        String mid = header(in, MessengerSendConstants.REPLY_TO);
        if (mid == null) {
            return null;
        }
        ObjectNode replyTo = mapper.createObjectNode();
        replyTo.put("mid", mid);
        return replyTo;
    }

    private JsonNode notificationType(org.apache.camel.Message in, MessengerSendConfiguration options) {
        NotificationType type = enumHeader(in, MessengerSendConstants.NOTIFICATION_TYPE);
        type = type != null ? type : options.getNotificationType();
        return type == null ? null : text(type.name());
    }

    /**
     * Reads an enum header, accepting any case and dashes for underscores ({@code typing-on},
     * {@code upload-attachment} for uploadAttachment); an unknown value is refused naming the header.
     */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E>> E enumHeader(org.apache.camel.Message in, String header) {
        Class<? extends Enum<?>> type = switch (header) {
            case MessengerSendConstants.MESSAGING_TYPE -> MessagingType.class;
            case MessengerSendConstants.NOTIFICATION_TYPE -> NotificationType.class;
            case MessengerSendConstants.SENDER_ACTION -> SenderAction.class;
            case MessengerSendConstants.OPERATION -> MessengerOperation.class;
            default -> throw new IllegalArgumentException(header);
        };
        Object value = in.getHeader(header);
        if (value == null || type.isInstance(value)) {
            return (E) value;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        String normalized = text.replace('-', '_').toUpperCase(Locale.ROOT);
        Enum<?> constant = HEADER_VALUES.get(type).get(normalized);
        if (constant != null) {
            return (E) constant;
        }
        String expected = type == SenderAction.class
                ? Arrays.stream(SenderAction.values()).map(SenderAction::wireValue).toList().toString()
                : Arrays.toString(type.getEnumConstants());
        throw new MessengerValidationException(header, "unknown value '" + text + "'; expected one of " + expected);
    }

    private static String header(org.apache.camel.Message in, String name) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value;
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
                                     java.util.function.Supplier<JsonNode> fallback) {
        JsonNode value = fromBody != null ? fromBody : fallback.get();
        if (value != null) {
            request.set(field, value);
        }
    }
}
