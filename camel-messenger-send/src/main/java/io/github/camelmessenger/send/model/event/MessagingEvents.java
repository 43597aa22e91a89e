package io.github.camelmessenger.send.model.event;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelmessenger.send.model.MessengerJson;

/**
 * Binds one event object to a {@link MessagingEvent}, straight from the tree (nothing is written back to text). An
 * event whose known fields have shapes the model cannot read (a text that is an object, say) is not lost: it becomes
 * an event of unknown kind with its sender, recipient and time, and every other field kept as it came.
 */
final class MessagingEvents {

    private static final ObjectMapper MAPPER = MessengerJson.mapper();
    private static final ObjectReader EVENT = MAPPER.readerFor(MessagingEvent.class);
    private static final ObjectReader PARTICIPANT = MAPPER.readerFor(Participant.class);

    private MessagingEvents() {
    }

    /** The event in {@code node}, which must be a JSON object. */
    static MessagingEvent read(JsonNode node) {
        try {
            return EVENT.readValue(node);
        } catch (IOException | RuntimeException e) {
            return salvage(node);
        }
    }

    /**
     * The event at {@code parser}'s current {@code START_OBJECT}, read up to its {@code END_OBJECT}; fails where
     * {@link #read(JsonNode)} would salvage, so that the caller can take the tree path instead.
     */
    static MessagingEvent read(JsonParser parser) throws IOException {
        return EVENT.readValue(parser);
    }

    private static MessagingEvent salvage(JsonNode node) {
        Map<String, Object> rest = new LinkedHashMap<>();
        Participant sender = participant(node.get("sender"));
        Participant recipient = participant(node.get("recipient"));
        Long timestamp = millis(node.get("timestamp"));
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            boolean kept = name.equals("sender") && sender != null || name.equals("recipient") && recipient != null
                    || name.equals("timestamp") && timestamp != null;
            if (!kept) {
                rest.put(name, MAPPER.convertValue(field.getValue(), Object.class));
            }
        }
        return MessagingEvent.other(sender, recipient, timestamp, rest);
    }

    private static Participant participant(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return PARTICIPANT.readValue(node);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Long millis(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return EpochMillis.fromNumber(node.longValue());
        }
        if (node.isNumber()) {
            return EpochMillis.fromDecimal(node.decimalValue());
        }
        return node.isTextual() ? EpochMillis.fromText(node.textValue()) : null;
    }
}
