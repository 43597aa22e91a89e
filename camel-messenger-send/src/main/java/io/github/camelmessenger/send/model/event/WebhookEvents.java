package io.github.camelmessenger.send.model.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * <p>
 * A body of the usual shape is read in one pass, straight into the events, with no tree in between. Anything else
 * (an envelope field that is repeated or of an odd type, an event the model cannot bind, a body that is not JSON)
 * is read again through a tree, which gives the reason of a refusal and salvages odd events; both ways give the
 * same events.
 */
public final class WebhookEvents {

    private static final ObjectReader TREE = MessengerJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory JSON = MessengerJson.mapper().getFactory();

    private WebhookEvents() {
    }

    /** The events of a body as received. */
    public static List<WebhookEvent> parse(byte[] body) {
        if (body == null) {
            throw new WebhookEnvelopeException("the body is empty, not a JSON object");
        }
        List<WebhookEvent> streamed = streamed(body);
        if (streamed != null) {
            return streamed;
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

    /** The events of a body of the usual shape in one pass; null when the body needs the tree path. */
    private static List<WebhookEvent> streamed(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Platform platform = null;
            Entries entries = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("object")) {
                    if (platform != null || value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    platform = platformOf(parser.getText());
                    if (platform == null) {
                        return null;
                    }
                } else if (name.equals("entry")) {
                    if (entries != null || value != JsonToken.START_ARRAY) {
                        return null;
                    }
                    entries = readEntries(parser);
                    if (entries == null) {
                        return null;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null || platform == null || entries == null) {
                return null;
            }
            return entries.events(platform);
        } catch (IOException | RuntimeException e) {
            // not JSON, or an event the model cannot bind: the tree path tells why, or salvages the event
            return null;
        }
    }

    /** The events of the entry array at the parser, up to its end; null when the tree path must read it. */
    private static Entries readEntries(JsonParser parser) throws IOException {
        Entries entries = new Entries();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                // an entry that is not an object has no events
                parser.skipChildren();
                continue;
            }
            int first = entries.size();
            String pageId = null;
            boolean id = false;
            boolean messaging = false;
            boolean standby = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean isStandby = name.equals("standby");
                if (name.equals("id")) {
                    if (id || value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    id = true;
                    pageId = parser.getText();
                } else if (isStandby || name.equals("messaging")) {
                    if (isStandby ? standby : messaging) {
                        return null;
                    }
                    if (isStandby) {
                        standby = true;
                    } else {
                        messaging = true;
                    }
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (token == JsonToken.START_OBJECT) {
                            entries.add(MessagingEvents.read(parser), isStandby);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            entries.pageId(first, pageId);
        }
        return entries;
    }

    /** The events read so far, with the Page and the array each came in; the platform comes at the end. */
    private static final class Entries {

        private final List<MessagingEvent> events = new ArrayList<>();
        private final List<String> pageIds = new ArrayList<>();
        private final List<Boolean> standby = new ArrayList<>();

        int size() {
            return events.size();
        }

        void add(MessagingEvent event, boolean inStandby) {
            events.add(event);
            pageIds.add(null);
            standby.add(inStandby);
        }

        /** Sets the Page of the events from {@code first} on: an entry's id may come after its arrays. */
        void pageId(int first, String pageId) {
            for (int i = first; i < pageIds.size(); i++) {
                pageIds.set(i, pageId);
            }
        }

        List<WebhookEvent> events(Platform platform) {
            List<WebhookEvent> out = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                out.add(WebhookEvent.of(events.get(i), pageIds.get(i), platform, standby.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
    }

    private static Platform platform(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WebhookEnvelopeException("the body is " + describe(body) + ", not a JSON object");
        }
        JsonNode object = body.get("object");
        String value = object != null && object.isTextual() ? object.textValue() : null;
        Platform platform = platformOf(value);
        if (platform != null) {
            return platform;
        }
        throw new WebhookEnvelopeException(object == null
                ? "the body has no object field; page or instagram expected"
                : "object is " + (value == null ? describe(object) : quote(value)) + "; page or instagram expected");
    }

    /** The platform a webhook's {@code object} names; null for any other value. */
    private static Platform platformOf(String object) {
        if ("page".equals(object)) {
            return Platform.MESSENGER;
        }
        if ("instagram".equals(object)) {
            return Platform.INSTAGRAM;
        }
        return null;
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
