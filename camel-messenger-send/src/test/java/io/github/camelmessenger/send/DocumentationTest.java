package io.github.camelmessenger.send;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component docs list every option and header of the generated component metadata, each with its default, and
 * the README links to those tables instead of repeating them, so the docs cannot fall behind the code.
 */
class DocumentationTest {

    private static final String METADATA = "META-INF/io/github/camelmessenger/send/messenger-send.json";
    private static final Path COMPONENT_DOCS = Path.of("src/main/docs/messenger-send-component.adoc");
    private static final String COMPONENT_DOCS_LINK = "camel-messenger-send/" + COMPONENT_DOCS;
    private static final List<String> SECTIONS = List.of("componentProperties", "properties", "headers");
    /** The anchor of the adoc section holding the table of each metadata section. */
    private static final Map<String, String> ANCHORS = Map.of(
            "componentProperties", "component-options", "properties", "endpoint-options", "headers", "message-headers");

    @Test
    void componentDocsListEveryOptionAndHeaderWithItsDefault() throws Exception {
        List<String> docs = Files.readAllLines(COMPONENT_DOCS);
        for (String section : SECTIONS) {
            assertDocumented(section(docs, ANCHORS.get(section)), section);
        }
    }

    @Test
    void readmeLinksToTheTableOfEveryOptionAndHeader() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (String section : SECTIONS) {
            assertThat(readme).as("README links to the %s table", section)
                    .contains("(" + COMPONENT_DOCS_LINK + "#" + ANCHORS.get(section) + ")");
        }
    }

    @Test
    void readmeDoesNotRepeatTheTables() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        JsonNode metadata = metadata();
        for (String section : SECTIONS) {
            metadata.path(section).fieldNames().forEachRemaining(name -> assertThat(readme)
                    .as("README rows for %s (%s): the component docs' generated tables describe it", name, section)
                    .noneMatch(l -> l.startsWith("| `" + name + "`")));
        }
    }

    @Test
    void secretsAreMarkedSecretInTheMetadata() throws Exception {
        JsonNode metadata = metadata();
        for (String section : List.of("componentProperties", "properties")) {
            assertThat(metadata.path(section).path("accessToken").path("secret").asBoolean()).isTrue();
            assertThat(metadata.path(section).path("appSecret").path("secret").asBoolean()).isTrue();
        }
    }

    /** The lines of the docs from the anchor {@code [[name]]} to the next anchor. */
    private static List<String> section(List<String> docs, String anchor) {
        int start = docs.indexOf("[[" + anchor + "]]");
        assertThat(start).as("anchor [[%s]] in %s", anchor, COMPONENT_DOCS).isNotNegative();
        int end = start + 1;
        while (end < docs.size() && !docs.get(end).startsWith("[[")) {
            end++;
        }
        return docs.subList(start, end);
    }

    private static void assertDocumented(List<String> lines, String section) throws Exception {
        for (Map.Entry<String, JsonNode> option : metadata().path(section).properties()) {
            String name = option.getKey();
            Optional<String> row = lines.stream().filter(l -> l.startsWith("| `" + name + "`")).findFirst();
            assertThat(row).as("a table row for %s (%s)", name, section).isPresent();
            JsonNode spec = option.getValue();
            if (spec.path("required").asBoolean()) {
                assertThat(row.get()).as("row of %s", name).contains("required");
            } else if (spec.has("defaultValue")) {
                assertThat(row.get()).as("default of %s", name).contains("`" + spec.get("defaultValue").asText() + "`");
            }
        }
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = DocumentationTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
