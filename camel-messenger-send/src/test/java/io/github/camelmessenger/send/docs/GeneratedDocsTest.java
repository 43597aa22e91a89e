package io.github.camelmessenger.send.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The option and header tables of every component reference ({@code src/main/docs/*-component.adoc}) are what
 * {@link ComponentDocGenerator} renders from the component's generated JSON: a doc whose tables were edited by hand,
 * or not regenerated after an annotation changed, fails here with a diff.
 */
class GeneratedDocsTest {

    private static final Path DOCS = Path.of("src/main/docs");
    private static final Path METADATA = Path.of("src/generated/resources/META-INF");
    private static final String REGENERATE = "mvn -pl camel-messenger-send process-test-classes";

    /** Each component reference with the component JSON of its {@code :shortname:}. */
    static Stream<Path[]> componentDocs() throws IOException {
        List<Path[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path adoc : files.filter(p -> p.getFileName().toString().endsWith("-component.adoc")).sorted()
                    .toList()) {
                docs.add(new Path[] { adoc, metadataOf(adoc) });
            }
        }
        assertThat(docs).as("component references in " + DOCS).isNotEmpty();
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("componentDocs")
    void tablesAreTheOnesTheMetadataGives(Path adoc, Path json) throws IOException {
        String committed = Files.readString(adoc, StandardCharsets.UTF_8);
        String rendered = ComponentDocGenerator.update(committed, ComponentDocGenerator.readMetadata(json),
                adoc.getFileName().toString());
        if (!rendered.equals(committed)) {
            fail("The generated tables of " + adoc + " differ from what " + json.getFileName() + " gives.\n"
                    + "Regenerate them with\n\n    " + REGENERATE + "\n\n"
                    + "and commit the adoc (the build's exec-maven-plugin execution 'generate-doc-tables' rewrites the"
                    + " regions between the '// <region>: START' and '// <region>: END' markers; a new component"
                    + " reference needs its JSON and adoc listed there). Do not edit the regions by hand: change the"
                    + " option's @UriParam, @UriPath or @Metadata annotation instead.\n\n"
                    + diff(committed, rendered, adoc + " (committed)", "rendered from " + json.getFileName()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("componentDocs")
    void everyOptionAndHeaderHasARow(Path adoc, Path json) throws IOException {
        Map<String, String> regions = ComponentDocGenerator.regions(Files.readString(adoc, StandardCharsets.UTF_8));
        assertThat(regions.keySet()).as("generated regions of " + adoc)
                .containsExactlyElementsOf(ComponentDocGenerator.REGIONS.keySet());
        JsonNode metadata = ComponentDocGenerator.readMetadata(json);
        assertRows(metadata.path("componentProperties"), regions.get("component options"), "component option");
        assertRows(metadata.path("properties"), regions.get("endpoint options"), "endpoint option");
        assertRows(metadata.path("headers"), regions.get("component headers"), "header");
    }

    @Test
    void aChangedAnnotationMakesTheDocStale() throws IOException {
        Path adoc = DOCS.resolve("messenger-send-component.adoc");
        String committed = Files.readString(adoc, StandardCharsets.UTF_8);
        JsonNode metadata = ComponentDocGenerator.readMetadata(metadataOf(adoc));
        ObjectNode changed = metadata.deepCopy();
        ((ObjectNode) changed.path("properties").path("apiVersion")).put("defaultValue", "v99.0");
        ((ObjectNode) changed.path("headers")).remove("CamelMessengerReplyTo");

        String rendered = ComponentDocGenerator.update(committed, changed, adoc.toString());

        assertThat(rendered).isNotEqualTo(committed).contains("| `v99.0` |").doesNotContain("`CamelMessengerReplyTo`");
        assertThat(outsideTheRegions(rendered)).isEqualTo(outsideTheRegions(committed));
        assertThat(diff(committed, rendered, "a", "b")).contains("+| `apiVersion` (advanced)",
                "-| `CamelMessengerReplyTo` (producer)");
    }

    @Test
    void renderingIsStable() throws IOException {
        Path adoc = DOCS.resolve("messenger-send-component.adoc");
        JsonNode metadata = ComponentDocGenerator.readMetadata(metadataOf(adoc));
        String once = ComponentDocGenerator.update(Files.readString(adoc, StandardCharsets.UTF_8), metadata, "once");
        assertThat(ComponentDocGenerator.update(once, metadata, "twice")).isEqualTo(once);
    }

    @Test
    void aDocWithoutMarkersIsRefused() {
        JsonNode metadata = JsonNodeFactory.instance.objectNode();
        assertThatThrownBy(() -> ComponentDocGenerator.update("= Title\n", metadata, "x.adoc"))
                .hasMessageContaining("x.adoc has none of the regions");
        assertThatThrownBy(() -> ComponentDocGenerator.update("// component options: START\n", metadata, "x.adoc"))
                .hasMessageContaining("has no '// component options: END'");
    }

    private static void assertRows(JsonNode section, String region, String what) {
        assertThat(region).as(what + " region").isNotNull();
        section.fieldNames().forEachRemaining(name -> assertThat(region.lines())
                .as("a table row for the %s %s", what, name)
                .anyMatch(line -> line.startsWith("| `" + name + "` ")));
    }

    /** The component JSON named by the adoc's {@code :shortname:}, found under src/generated/resources/META-INF. */
    private static Path metadataOf(Path adoc) throws IOException {
        Optional<String> shortname = Files.readAllLines(adoc, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(":shortname:")).map(l -> l.substring(":shortname:".length()).trim())
                .findFirst();
        assertThat(shortname).as(":shortname: of " + adoc).isPresent();
        try (Stream<Path> files = Files.walk(METADATA)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().equals(shortname.get() + ".json")).toList();
            assertThat(found).as("the component JSON of " + adoc + " under " + METADATA).hasSize(1);
            return found.get(0);
        }
    }

    private static String outsideTheRegions(String document) {
        String text = document;
        for (String region : ComponentDocGenerator.regions(document).values()) {
            text = text.replace(region, "");
        }
        return text;
    }

    /** A line diff of two texts, with two lines of context around each change. */
    static String diff(String before, String after, String beforeName, String afterName) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> edits = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(" " + a.get(i));
                lineOf.add(++i);
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add("-" + a.get(i));
                lineOf.add(++i);
            } else {
                edits.add("+" + b.get(j++));
                lineOf.add(i + 1);
            }
        }
        StringBuilder out =
                new StringBuilder("--- ").append(beforeName).append("\n+++ ").append(afterName).append('\n');
        int shownUpTo = -1;
        for (int k = 0; k < edits.size(); k++) {
            if (edits.get(k).charAt(0) == ' ') {
                continue;
            }
            int from = Math.max(Math.max(k - 2, 0), shownUpTo + 1);
            if (from > shownUpTo + 1 || shownUpTo < 0) {
                out.append("@@ line ").append(lineOf.get(from)).append(" @@\n");
            }
            int to = k;
            while (to + 1 < edits.size() && (edits.get(to + 1).charAt(0) != ' '
                    || nextChangeWithin(edits, to + 1, 4))) {
                to++;
            }
            to = Math.min(to + 2, edits.size() - 1);
            for (int m = from; m <= to; m++) {
                out.append(edits.get(m)).append('\n');
            }
            shownUpTo = to;
            k = to;
        }
        return out.toString();
    }

    private static boolean nextChangeWithin(List<String> edits, int from, int distance) {
        for (int k = from; k < Math.min(edits.size(), from + distance); k++) {
            if (edits.get(k).charAt(0) != ' ') {
                return true;
            }
        }
        return false;
    }
}
