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
 * The component docs and README list every option and header of the generated component metadata, each with its
 * default, so the docs cannot fall behind the code.
 */
class DocumentationTest {

    private static final String METADATA = "META-INF/io/github/camelmessenger/send/messenger-send.json";

    @Test
    void componentDocsListEveryOptionAndHeaderWithItsDefault() throws Exception {
        assertDocumented(Files.readAllLines(Path.of("src/main/docs/messenger-send-component.adoc")));
    }

    @Test
    void readmeListsEveryOptionAndHeaderWithItsDefault() throws Exception {
        assertDocumented(Files.readAllLines(Path.of("../README.md")));
    }

    @Test
    void secretsAreMarkedSecretInTheMetadata() throws Exception {
        JsonNode metadata = metadata();
        for (String section : List.of("componentProperties", "properties")) {
            assertThat(metadata.path(section).path("accessToken").path("secret").asBoolean()).isTrue();
            assertThat(metadata.path(section).path("appSecret").path("secret").asBoolean()).isTrue();
        }
    }

    private static void assertDocumented(List<String> lines) throws Exception {
        JsonNode metadata = metadata();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> option : metadata.path(section).properties()) {
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
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = DocumentationTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
