package io.github.camelmessenger.send.model.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.Platform;

/**
 * Splits a webhook POST body into its events, in Meta's order: entry by entry, and inside an entry the
 * {@code messaging} and {@code standby} arrays in the order they appear. Only the envelope can fail (see
 * {@link WebhookEnvelopeException}); an event of any shape comes out, as {@code unknown} when nothing in it is known.
 * Array items that are not objects carry no event and are skipped, as are entries that are not objects and other
 * entry fields (Page feed {@code changes}).
 */
public final class WebhookEvents {

    private static final ObjectReader TREE = MessengerJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WebhookEvents() {
    }

    /** The events of a body as received. */
    public static List<WebhookEvent> parse(byte[] body) {
        if (body == null) {
            throw new WebhookEnvelopeException("the body is empty, not a JSON object");
        }
        JsonNode tree;
        try {
            tree = TREE.readTree(body);
        } catch (IOException e) {
            // the parser's message quotes the body; the reason must not
            throw new WebhookEnvelopeException("the body is not JSON");
        }
        return parse(tree);
    }

    /** The events of a body already read into a tree. */
    public static List<WebhookEvent> parse(JsonNode body) {
        Platform platform = platform(body);
        JsonNode entries = body.get("entry");
        if (entries == null) {
            throw new WebhookEnvelopeException("the body has no entry array");
        }
        if (!entries.isArray()) {
            throw new WebhookEnvelopeException("entry is " + describe(entries) + ", not an array");
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry.isObject()) {
                addEvents(entry, platform, events);
            }
        }
        return Collections.unmodifiableList(events);
    }

    private static Platform platform(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WebhookEnvelopeException("the body is " + describe(body) + ", not a JSON object");
        }
        JsonNode object = body.get("object");
        String value = object != null && object.isTextual() ? object.textValue() : null;
        if ("page".equals(value)) {
            return Platform.MESSENGER;
        }
        if ("instagram".equals(value)) {
            return Platform.INSTAGRAM;
        }
        throw new WebhookEnvelopeException(object == null
                ? "the body has no object field; page or instagram expected"
                : "object is " + (value == null ? describe(object) : quote(value)) + "; page or instagram expected");
    }

    private static void addEvents(JsonNode entry, Platform platform, List<WebhookEvent> events) {
        JsonNode id = entry.get("id");
        String pageId = id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean standby = field.getKey().equals("standby");
            if ((standby || field.getKey().equals("messaging")) && field.getValue().isArray()) {
                for (JsonNode item : field.getValue()) {
                    if (item.isObject()) {
                        events.add(WebhookEvent.of(MessagingEvents.read(item), pageId, platform, standby));
                    }
                }
            }
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "empty";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case OBJECT -> "a JSON object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not JSON data";
        };
    }

    // enough of an unexpected value to recognise it, never a whole body
    private static String quote(String value) {
        return "'" + (value.length() > 32 ? value.substring(0, 32) + "..." : value) + "'";
    }
}
