package io.github.camelmessenger.send.dsl;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The javadoc text of the builders, from the metadata: escaped, and laid out as Camel's own builders have it. */
final class DocText {

    private DocText() {
    }

    /**
     * An option's or header's description, type line, and required (for an endpoint parameter), default and group.
     */
    static String optionDoc(JsonNode option, String typeLine) {
        StringBuilder doc = new StringBuilder(sentence(text(option.path("description"))));
        doc.append("\n\n").append(typeLine).append("\n");
        if ("parameter".equals(option.path("kind").asText()) && option.path("required").asBoolean()) {
            doc.append("\nRequired: true");
        }
        if (option.has("defaultValue")) {
            doc.append("\nDefault: ").append(escape(option.path("defaultValue").asText()));
        }
        doc.append("\nGroup: ").append(escape(option.path("group").asText()));
        return doc.toString();
    }

    /** What the entry points say of the component: title, description, coordinates, syntax and path parameters. */
    static String componentDoc(JsonNode component, List<JsonNode> paths) {
        StringBuilder doc = new StringBuilder();
        doc.append(text(component.path("title"))).append(" (").append(component.path("artifactId").asText())
                .append(")\n").append(text(component.path("description"))).append("\n");
        doc.append("\nCategory: ").append(escape(component.path("label").asText()));
        doc.append("\nSince: ").append(escape(component.path("firstVersion").asText()));
        doc.append("\nMaven coordinates: ").append(component.path("groupId").asText()).append(':')
                .append(component.path("artifactId").asText());
        doc.append("\n\nSyntax: <code>").append(escape(component.path("syntax").asText())).append("</code>");
        for (JsonNode path : paths) {
            appendPathParameter(doc, path);
        }
        return doc.toString();
    }

    private static void appendPathParameter(StringBuilder doc, JsonNode path) {
        doc.append("\n\nPath parameter: ").append(Names.name(path));
        if (path.path("required").asBoolean()) {
            doc.append(" (required)");
        }
        if (path.path("deprecated").asBoolean()) {
            doc.append(" <strong>deprecated</strong>");
        }
        doc.append("\n").append(text(path.path("description")));
        if (path.has("defaultValue")) {
            doc.append("\nDefault value: ").append(escape(path.path("defaultValue").asText()));
        }
        if (path.has("enum")) {
            List<String> values = new ArrayList<>();
            path.path("enum").forEach(v -> values.add(escape(v.asText())));
            doc.append("\nThere are ").append(values.size()).append(" enums and the value can be one of: ")
                    .append(String.join(", ", values));
        }
    }

    /** The part of the syntax after the scheme, which is what the {@code path} argument holds. */
    static String pathSyntax(JsonNode component) {
        String syntax = component.path("syntax").asText();
        int colon = syntax.indexOf(':');
        return colon < 0 ? syntax : syntax.substring(colon + 1);
    }

    /** The Java type of an option or header, as javadoc code. */
    static String typeCode(JsonNode option) {
        return "<code>" + escape(Names.javaType(option)) + "</code>";
    }

    /** Metadata text made safe for javadoc. */
    static String text(JsonNode node) {
        return escape(node.asText().trim());
    }

    /** HTML-escaped, with no {@code @} that javadoc would read as a tag and no {@code *}{@code /} that ends it. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    private static String sentence(String text) {
        return text.isEmpty() || text.endsWith(".") ? text : text + ".";
    }
}
