package io.github.camelmessenger.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;

/**
 * The body rules shared by the producer and the type converters: plain text is a text message; a JSON object with
 * {@code recipient}, {@code message} or {@code sender_action} at the top is a whole request, any other JSON object
 * the {@code message}.
 */
final class RequestBodies {

    private static final String[] FULL_REQUEST_KEYS = { "recipient", "message", "sender_action" };

    private RequestBodies() {
    }

    /** The request tree for a String body: JSON when it is a JSON object, otherwise text. */
    static ObjectNode fromText(String text, ObjectMapper mapper) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            try {
                JsonNode node = mapper.readTree(trimmed);
                if (node != null && node.isObject()) {
                    return fromJsonObject(node, "a JSON String", mapper);
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: plain text that happens to use braces
            }
        }
        ObjectNode message = mapper.createObjectNode();
        message.put("text", text);
        return wrapMessage(message, mapper);
    }

    /** The request tree for a JSON body; the node itself is used, so pass a copy of what must not change. */
    static ObjectNode fromJsonObject(JsonNode node, String what, ObjectMapper mapper) {
        if (!node.isObject()) {
            throw new MessengerValidationException("body",
                    what + " body must be a JSON object, not " + node.getNodeType());
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("sender") && object.has("timestamp")) {
            // the JSON of a received webhook event (a Kamelet or convertBodyTo made it text): no Send API request has
            // a sender, and sending it would echo the event back
            throw new MessengerValidationException("body", what + " body is the incoming webhook event, not a reply: "
                    + "set the reply as the body before messenger-send; nothing was sent");
        }
        for (String key : FULL_REQUEST_KEYS) {
            if (object.has(key)) {
                return object;
            }
        }
        return wrapMessage(object, mapper);
    }

    static ObjectNode wrapMessage(JsonNode message, ObjectMapper mapper) {
        ObjectNode request = mapper.createObjectNode();
        request.set("message", message);
        return request;
    }
}
