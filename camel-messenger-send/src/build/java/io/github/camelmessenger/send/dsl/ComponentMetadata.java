package io.github.camelmessenger.send.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One component metadata file, read into what its endpoint builders are made of.
 *
 * @param json    the whole metadata file
 * @param name    the Java name the builders start with, such as {@code MessengerSend}
 * @param paths   the path parameters, in metadata order
 * @param options the other endpoint options, in metadata order
 */
record ComponentMetadata(JsonNode json, String name, List<JsonNode> paths, List<JsonNode> options) {

    static boolean isComponent(JsonNode json) {
        return "component".equals(json.path("component").path("kind").asText());
    }

    /** Each property gets its key as {@code name}, so that an option node alone is enough to write its setters. */
    static ComponentMetadata of(JsonNode json) {
        List<JsonNode> paths = new ArrayList<>();
        List<JsonNode> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.path("properties").properties()) {
            ((ObjectNode) e.getValue()).put("name", e.getKey());
            ("path".equals(e.getValue().path("kind").asText()) ? paths : options).add(e.getValue());
        }
        String name = Names.componentName(json.path("component").path("javaType").asText());
        return new ComponentMetadata(json, name, paths, options);
    }

    JsonNode component() {
        return json.path("component");
    }

    JsonNode headers() {
        return json.path("headers");
    }

    String scheme() {
        return component().path("scheme").asText();
    }

    /** The title, safe for javadoc. */
    String title() {
        return DocText.text(component().path("title"));
    }

    boolean producerOnly() {
        return component().path("producerOnly").asBoolean();
    }

    boolean consumerOnly() {
        return component().path("consumerOnly").asBoolean();
    }

    boolean hasHeaders() {
        return headers().size() > 0;
    }

    boolean hasAdvancedOptions() {
        return options.stream().anyMatch(Names::isAdvanced);
    }

    /** The options to mask in logs: a multivalued option by its URI prefix, the others by name; sorted. */
    Set<String> secretOptionNames() {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode option : options) {
            if (option.path("secret").asBoolean()) {
                boolean multiValue = option.path("multiValue").asBoolean();
                secrets.add(multiValue ? option.path("prefix").asText() : Names.name(option));
            }
        }
        return secrets;
    }
}
