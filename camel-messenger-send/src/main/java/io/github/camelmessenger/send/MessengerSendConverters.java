package io.github.camelmessenger.send;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.SendRequest;
import org.apache.camel.Converter;

/**
 * Camel type converters between the model and text, Maps and JSON trees, so routes can {@code convertBodyTo} the
 * model and back. They read bodies by the producer's rules: plain text is a text message, a JSON object with
 * {@code recipient}, {@code message} or {@code sender_action} is a whole request, any other JSON object a message.
 */
@Converter(generateLoader = true)
public final class MessengerSendConverters {

    private static final ObjectMapper MAPPER = MessengerJson.mapper();

    private MessengerSendConverters() {
    }

    @Converter
    public static SendRequest toSendRequest(String body) throws JsonProcessingException {
        return request(RequestBodies.fromText(body, MAPPER));
    }

    @Converter
    public static SendRequest toSendRequest(Map<?, ?> body) throws JsonProcessingException {
        return request(RequestBodies.fromJsonObject(MAPPER.valueToTree(body), "a Map", MAPPER));
    }

    @Converter
    public static SendRequest toSendRequest(JsonNode body) throws JsonProcessingException {
        return request(RequestBodies.fromJsonObject(body.deepCopy(), "a JsonNode", MAPPER));
    }

    @Converter
    public static Message toMessage(String body) throws JsonProcessingException {
        return message(RequestBodies.fromText(body, MAPPER));
    }

    @Converter
    public static Message toMessage(Map<?, ?> body) throws JsonProcessingException {
        return message(RequestBodies.fromJsonObject(MAPPER.valueToTree(body), "a Map", MAPPER));
    }

    @Converter
    public static Message toMessage(JsonNode body) throws JsonProcessingException {
        return message(RequestBodies.fromJsonObject(body.deepCopy(), "a JsonNode", MAPPER));
    }

    /** The request as Meta's JSON. */
    @Converter
    public static String toJson(SendRequest request) throws JsonProcessingException {
        return MAPPER.writeValueAsString(request);
    }

    /** The message object as Meta's JSON. */
    @Converter
    public static String toJson(Message message) throws JsonProcessingException {
        return MAPPER.writeValueAsString(message);
    }

    private static SendRequest request(ObjectNode tree) throws JsonProcessingException {
        return MAPPER.treeToValue(tree, SendRequest.class);
    }

    private static Message message(ObjectNode tree) throws JsonProcessingException {
        JsonNode message = tree.get("message");
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException("The body holds no message object (a sender action has none)");
        }
        return MAPPER.treeToValue(message, Message.class);
    }
}
