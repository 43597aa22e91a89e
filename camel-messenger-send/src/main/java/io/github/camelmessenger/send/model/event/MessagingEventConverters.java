package io.github.camelmessenger.send.model.event;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.model.MessengerJson;
import org.apache.camel.Converter;

/**
 * Camel type converters between a received {@link MessagingEvent} and its JSON as text, bytes, a tree or a Map, so a
 * route can log, store or forward an event ({@code convertBodyTo(String.class)}) and read it back elsewhere, for
 * example after Kafka. The JSON is one event object (an element of {@code entry[].messaging[]}), in the model's
 * normalised form; reading it is as lenient as the webhook's.
 */
@Converter(generateLoader = true)
public final class MessagingEventConverters {

    private static final ObjectMapper MAPPER = MessengerJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private MessagingEventConverters() {
    }

    @Converter
    public static String toJson(MessagingEvent event) throws JsonProcessingException {
        return MAPPER.writeValueAsString(event);
    }

    @Converter
    public static Map<String, Object> toMap(MessagingEvent event) {
        return MAPPER.convertValue(event, MAP);
    }

    @Converter
    public static JsonNode toJsonNode(MessagingEvent event) {
        return MAPPER.valueToTree(event);
    }

    @Converter
    public static MessagingEvent toMessagingEvent(String json) throws JsonProcessingException {
        return toMessagingEvent(MAPPER.readTree(json));
    }

    @Converter
    public static MessagingEvent toMessagingEvent(byte[] json) throws IOException {
        return toMessagingEvent(MAPPER.readTree(json));
    }

    @Converter
    public static MessagingEvent toMessagingEvent(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("A messaging event is a JSON object, not "
                    + (json == null ? "nothing" : json.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return MessagingEvents.read(json);
    }
}
