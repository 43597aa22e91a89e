package io.github.camelmessenger.send.graph;

import java.util.List;
import java.util.Objects;

/**
 * Removes the access token, the app secret and the proof from text that may reach an exception or a log line, in
 * case Meta or a proxy echoes one of them.
 */
public final class SecretRedactor {

    private static final String MASK = "xxxxxx";

    private final List<String> secrets;

    public SecretRedactor(String... secrets) {
        this.secrets = java.util.Arrays.stream(secrets)
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= 4)
                .toList();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
