package io.github.camelmessenger.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the simulator keeps for each Page besides messages: uploaded attachments and personas, with ids in Meta's
 * numeric style.
 */
final class PageAssets {

    /** A persona and the Page it belongs to. */
    record StoredPersona(String pageId, ObjectNode persona) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong(7_000_000_000_000L);
    private final Map<String, JsonNode> attachments = new ConcurrentHashMap<>();
    private final Map<String, StoredPersona> personas = new ConcurrentHashMap<>();

    /** Stores an uploaded attachment (its message JSON) and answers its reusable id. */
    String upload(JsonNode message) {
        String id = nextId();
        attachments.put(id, message);
        return id;
    }

    /** The message JSON of an uploaded attachment, or null. */
    JsonNode attachment(String id) {
        return attachments.get(id);
    }

    /** Stores a persona for the Page and answers its id. */
    String createPersona(String pageId, String name, String pictureUrl) {
        String id = nextId();
        ObjectNode persona = MAPPER.createObjectNode();
        persona.put("name", name);
        if (pictureUrl != null) {
            persona.put("profile_picture_url", pictureUrl);
        }
        persona.put("id", id);
        personas.put(id, new StoredPersona(pageId, persona));
        return id;
    }

    List<ObjectNode> personasOf(String pageId) {
        return personas.values().stream().filter(p -> p.pageId().equals(pageId)).map(StoredPersona::persona)
                .sorted(Comparator.comparing(p -> p.path("id").asText())).toList();
    }

    StoredPersona persona(String personaId) {
        return personas.get(personaId);
    }

    boolean deletePersona(String personaId) {
        return personas.remove(personaId) != null;
    }

    void reset() {
        attachments.clear();
        personas.clear();
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet());
    }
}
