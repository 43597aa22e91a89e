package io.github.camelmessenger.send.model.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared conformance corpus, which lives beside the project, never in it: the directory named by
 * {@code -Dmessenger.conformance.dir}, otherwise the first {@code shared/conformance} walking up from the working
 * directory.
 */
final class WebhookCorpus {

    static final String DIR_PROPERTY = "messenger.conformance.dir";
    static final String FILE = "webhook-cases.jsonl";

    private WebhookCorpus() {
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().resolve(FILE);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/conformance").resolve(FILE);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    static String absentReason() {
        return "conformance corpus absent: no shared/conformance/" + FILE + " in " + Path.of("").toAbsolutePath()
                + " or any parent directory, and no -D" + DIR_PROPERTY + "=<dir> naming one";
    }
}
