package io.github.camelmessenger.send.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the option and header tables of a component reference (AsciiDoc) from the component JSON that
 * camel-package-maven-plugin generates from the {@code @UriParam}, {@code @UriPath} and {@code @Metadata}
 * annotations, so that each option and header is described in one place: its annotation.
 * <p>
 * Only the regions between marker comments are rewritten, as in Camel's own component docs:
 *
 * <pre>
 * // component options: START
 * ...
 * // component options: END
 * </pre>
 *
 * with the regions {@code component options}, {@code endpoint options} and {@code component headers}. Everything
 * outside the markers is left as it is, byte for byte.
 * <p>
 * Run as {@code ComponentDocGenerator <component.json> <component.adoc> [<component.json> <component.adoc> ...]};
 * the build runs it at {@code process-test-classes}, after the component JSON has been generated.
 */
public final class ComponentDocGenerator {

    /** The regions a component reference may hold, each with its renderer. */
    static final Map<String, Function<JsonNode, String>> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put("component options", ComponentDocGenerator::componentOptions);
        REGIONS.put("endpoint options", ComponentDocGenerator::endpointOptions);
        REGIONS.put("component headers", ComponentDocGenerator::headers);
    }

    private static final String OPTIONS_TABLE = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]";
    private static final String OPTIONS_HEADER = "| Name | Description | Default | Type";
    private static final String HEADERS_TABLE = "[width=\"100%\",cols=\"2,5,2\",options=\"header\"]";
    private static final String HEADERS_HEADER = "| Name | Description | Type";

    private ComponentDocGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "usage: ComponentDocGenerator <component.json> <component.adoc> [<component.json> <component.adoc> ...]");
        }
        for (int i = 0; i < args.length; i += 2) {
            Path json = Path.of(args[i]);
            Path adoc = Path.of(args[i + 1]);
            String before = Files.readString(adoc, StandardCharsets.UTF_8);
            String after = update(before, readMetadata(json), adoc.getFileName().toString());
            if (after.equals(before)) {
                System.out
                        .println("Option and header tables of " + adoc + " are up to date with " + json.getFileName());
            } else {
                Files.writeString(adoc, after, StandardCharsets.UTF_8);
                System.out
                        .println("Regenerated the option and header tables of " + adoc + " from " + json.getFileName());
            }
        }
    }

    /** Reads a component JSON. */
    public static JsonNode readMetadata(Path json) throws IOException {
        return new ObjectMapper().readTree(json.toFile());
    }

    /**
     * The document with every marked region rendered afresh from the metadata.
     *
     * @param  document              the AsciiDoc text
     * @param  metadata              the component JSON
     * @param  name                  the document's name, for error messages
     * @throws IllegalStateException when the document has no marked region, or a region lacks its END marker
     */
    public static String update(String document, JsonNode metadata, String name) {
        String text = document;
        int found = 0;
        for (Map.Entry<String, Function<JsonNode, String>> region : REGIONS.entrySet()) {
            String start = startMarker(region.getKey());
            String end = endMarker(region.getKey());
            int from = text.indexOf(start);
            if (from < 0) {
                continue;
            }
            int bodyStart = text.indexOf('\n', from);
            int to = text.indexOf(end, from);
            if (bodyStart < 0 || to < 0) {
                throw new IllegalStateException(name + ": '" + start + "' has no '" + end + "' after it");
            }
            if (text.indexOf(start, from + start.length()) >= 0) {
                throw new IllegalStateException(name + ": '" + start + "' appears more than once");
            }
            String rendered = region.getValue().apply(metadata);
            text = text.substring(0, bodyStart + 1) + rendered + text.substring(to);
            found++;
        }
        if (found == 0) {
            throw new IllegalStateException(name + " has none of the regions " + REGIONS.keySet()
                    + " (marked '// <region>: START' ... '// <region>: END')");
        }
        return text;
    }

    /** The text between the START and END markers of each region the document has, by region name. */
    public static Map<String, String> regions(String document) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String region : REGIONS.keySet()) {
            int from = document.indexOf(startMarker(region));
            int to = document.indexOf(endMarker(region));
            if (from >= 0 && to > from) {
                regions.put(region, document.substring(document.indexOf('\n', from) + 1, to));
            }
        }
        return regions;
    }

    public static String startMarker(String region) {
        return "// " + region + ": START";
    }

    public static String endMarker(String region) {
        return "// " + region + ": END";
    }

    private static String componentOptions(JsonNode metadata) {
        List<JsonNode> options = list(metadata.path("componentProperties"));
        StringBuilder out = new StringBuilder();
        if (options.isEmpty()) {
            return out.append("The ").append(title(metadata)).append(" component has no options.\n").toString();
        }
        out.append("The ").append(title(metadata)).append(" component supports ")
                .append(count(options.size(), "option"))
                .append(", which are listed below.\n\n");
        optionsTable(out, options);
        return out.toString();
    }

    private static String endpointOptions(JsonNode metadata) {
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        for (JsonNode option : list(metadata.path("properties"))) {
            ("path".equals(option.path("kind").asText()) ? path : query).add(option);
        }
        StringBuilder out = new StringBuilder();
        out.append("The ").append(title(metadata)).append(" endpoint is configured using URI syntax:\n\n")
                .append("----\n").append(metadata.path("component").path("syntax").asText()).append("\n----\n\n")
                .append("with the following path and query parameters.\n\n");
        out.append(".Path parameters (").append(path.size()).append(")\n");
        if (path.isEmpty()) {
            out.append("The endpoint has no path parameters.\n\n");
        } else {
            optionsTable(out, path);
            out.append('\n');
        }
        out.append(".Query parameters (").append(query.size()).append(")\n");
        if (query.isEmpty()) {
            out.append("The endpoint has no query parameters.\n");
        } else {
            optionsTable(out, query);
        }
        return out.toString();
    }

    private static String headers(JsonNode metadata) {
        List<JsonNode> headers = list(metadata.path("headers"));
        StringBuilder out = new StringBuilder();
        if (headers.isEmpty()) {
            return out.append("The ").append(title(metadata)).append(" component has no message headers.\n").toString();
        }
        out.append("The ").append(title(metadata)).append(" component supports ")
                .append(count(headers.size(), "message header")).append(", which are listed below.\n\n");
        out.append(HEADERS_TABLE).append('\n').append("|===\n").append(HEADERS_HEADER).append('\n');
        for (JsonNode header : headers) {
            StringBuilder description = new StringBuilder(flags(header)).append(text(header.path("description")));
            if (header.has("defaultValue")) {
                sentence(description, "Default: `" + header.path("defaultValue").asText() + "`.");
            }
            enumValues(description, header);
            String constant = header.path("constantName").asText("");
            if (!constant.isEmpty()) {
                sentence(description, "Constant: `" + shortName(constant.replace('#', '.')) + "`.");
            }
            out.append("| `").append(header.path("name").asText()).append("` ").append(group(header))
                    .append(" | ").append(cell(description.toString()))
                    .append(" | ").append(cell(shortType(header))).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static void optionsTable(StringBuilder out, List<JsonNode> options) {
        out.append(OPTIONS_TABLE).append('\n').append("|===\n").append(OPTIONS_HEADER).append('\n');
        for (JsonNode option : options) {
            StringBuilder description = new StringBuilder(flags(option)).append(text(option.path("description")));
            enumValues(description, option);
            out.append("| `").append(option.path("name").asText()).append("` ").append(group(option))
                    .append(" | ").append(cell(description.toString()))
                    .append(" | ").append(defaultValue(option))
                    .append(" | ").append(cell(shortType(option))).append('\n');
        }
        out.append("|===\n");
    }

    /** The entries of a JSON object, each with its key as {@code name}, in the order of the JSON. */
    private static List<JsonNode> list(JsonNode section) {
        List<JsonNode> entries = new ArrayList<>();
        section.properties().forEach(e -> {
            ObjectNode entry = e.getValue().deepCopy();
            entry.put("name", e.getKey());
            entries.add(entry);
        });
        return entries;
    }

    private static String title(JsonNode metadata) {
        return metadata.path("component").path("title").asText(metadata.path("component").path("name").asText());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The option's group as a label: {@code (producer)}, {@code (producer (advanced))} reads as Camel's do. */
    private static String group(JsonNode option) {
        String group = option.path("group").asText("");
        return group.isEmpty() ? "" : "(" + group + ")";
    }

    /** Marks that go before the description: deprecated, secret, autowired. */
    private static String flags(JsonNode option) {
        StringBuilder flags = new StringBuilder();
        if (option.path("deprecated").asBoolean()) {
            String note = text(option.path("deprecationNote"));
            flags.append("*Deprecated.* ").append(note.isEmpty() ? "" : note + (note.endsWith(".") ? " " : ". "));
        }
        if (option.path("secret").asBoolean()) {
            flags.append("*Secret.* ");
        }
        if (option.path("autowired").asBoolean()) {
            flags.append("*Autowired.* ");
        }
        return flags.toString();
    }

    private static void enumValues(StringBuilder description, JsonNode option) {
        JsonNode values = option.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add("`" + v.asText() + "`"));
            sentence(description, "Enum values: " + String.join(", ", names) + ".");
        }
    }

    private static void sentence(StringBuilder description, String sentence) {
        if (!description.isEmpty()) {
            description.append(' ');
        }
        description.append(sentence);
    }

    private static String defaultValue(JsonNode option) {
        if (option.has("defaultValue")) {
            String value = option.path("defaultValue").asText();
            return value.isEmpty() ? "" : cell("`" + value + "`");
        }
        return option.path("required").asBoolean() ? "_required_" : "";
    }

    /** The short type: {@code String}, {@code boolean}, {@code MessagingType}, {@code Map}, {@code duration}. */
    private static String shortType(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "duration";
        }
        String javaType = option.path("javaType").asText(option.path("type").asText(""));
        int generics = javaType.indexOf('<');
        if (generics >= 0) {
            javaType = javaType.substring(0, generics);
        }
        return shortName(javaType);
    }

    private static String shortName(String qualified) {
        String[] parts = qualified.split("\\.");
        // keep Outer.Inner and Class.CONSTANT: drop only the lower-case package segments
        int first = 0;
        while (first < parts.length - 1 && !parts[first].isEmpty() && Character.isLowerCase(parts[first].charAt(0))) {
            first++;
        }
        return String.join(".", Arrays.copyOfRange(parts, first, parts.length));
    }

    /** The text of a JSON string with its whitespace collapsed to single spaces. */
    private static String text(JsonNode node) {
        return node.asText("").trim().replaceAll("\\s+", " ");
    }

    /** Text made safe for one table cell: no line breaks, and {@code |} escaped. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").trim();
    }
}
