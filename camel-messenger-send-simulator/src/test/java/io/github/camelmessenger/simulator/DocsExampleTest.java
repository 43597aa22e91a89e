package io.github.camelmessenger.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The complete test the simulator's docs show is the one that runs: every line of it is in UserBotRouteTest. */
class DocsExampleTest {

    private static final Path DOCS = Path.of("../camel-messenger-send/src/main/docs/messenger-simulator.adoc");
    private static final Path TEST = Path.of("src/test/java/io/github/camelmessenger/simulator/UserBotRouteTest.java");

    @Test
    void theDocsExampleIsTheTestThatRuns() throws Exception {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf("class UserBotRouteTest {");
        String example = docs.substring(start, docs.indexOf("\n----", start));
        List<String> test = Files.readAllLines(TEST).stream().map(String::strip).toList();

        List<String> missing = new ArrayList<>();
        int at = 0;
        for (String line : example.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int found = test.subList(at, test.size()).indexOf(line);
            if (found < 0) {
                missing.add(line);
            } else {
                at += found + 1;
            }
        }
        assertThat(missing).as("lines of the docs' example not in UserBotRouteTest, in order").isEmpty();
    }
}
