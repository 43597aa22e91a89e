package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Finds the shared conformance corpus ({@code shared/conformance}, see DESIGN.md section 7) that lives beside the
 * project, not in it. The corpus is never copied into the project: tests that need it skip when it is absent.
 * The directory can be named with {@code -Dmessenger.conformance.dir=<dir>}.
 */
final class ConformanceCorpus {

    /** System property naming the conformance directory explicitly (the folder holding send-cases.jsonl). */
    static final String DIR_PROPERTY = "messenger.conformance.dir";

    private static final String RELATIVE_DIR = "shared/conformance";

    private ConformanceCorpus() {
    }

    /** Where a corpus file is, or why it is not there. */
    record Located(Path file, String absentReason) {
        boolean present() {
            return file != null;
        }

        /**
         * A single test that reports the corpus as absent (skipped, with the reason), so the skip shows in the test
         * report instead of vanishing with an aborted factory.
         */
        Stream<DynamicTest> absentAsSkippedTest() {
            String reason = absentReason;
            return Stream.of(DynamicTest.dynamicTest("conformance corpus absent", () -> Assumptions.abort(reason)));
        }
    }

    /**
     * The corpus file {@code fileName}: from the directory named by {@value #DIR_PROPERTY} when that property is set,
     * otherwise from the first {@code shared/conformance} found walking up from the working directory.
     */
    static Located locate(String fileName) {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().resolve(fileName);
            return Files.isRegularFile(file)
                    ? new Located(file, null)
                    : new Located(null, "conformance corpus absent: system property " + DIR_PROPERTY + "="
                                        + configured + " has no " + fileName);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(RELATIVE_DIR).resolve(fileName);
            if (Files.isRegularFile(file)) {
                return new Located(file, null);
            }
        }
        return new Located(null, "conformance corpus absent: no " + RELATIVE_DIR + "/" + fileName + " in " + start
                                 + " or any parent directory (set -D" + DIR_PROPERTY + "=<dir> to point at it)");
    }

    /** Lower-case hex HMAC-SHA256 (key = secret, message = data), computed here independently of the component. */
    static String hmacSha256Hex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
