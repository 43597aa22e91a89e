package io.github.camelmessenger.send.graph;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Meta's {@code X-Business-Use-Case-Usage} header:
 * {@code {"<business id>": [{"type": ..., "estimated_time_to_regain_access": <minutes>}, ...]}}.
 */
public final class BusinessUseCaseUsage {

    public static final String HEADER = "X-Business-Use-Case-Usage";

    private BusinessUseCaseUsage() {
    }

    /**
     * The longest {@code estimated_time_to_regain_access} in the header, or null when the header is absent or
     * unreadable. Zero means Meta gave no wait.
     */
    public static Duration retryAfter(String headerValue, ObjectMapper mapper) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(headerValue);
            if (root == null || !root.isObject()) {
                return null;
            }
            long minutes = -1;
            for (JsonNode usages : root) {
                for (JsonNode usage : usages.isArray() ? usages : java.util.List.of(usages)) {
                    JsonNode wait = usage.get("estimated_time_to_regain_access");
                    if (wait != null && wait.canConvertToLong()) {
                        minutes = Math.max(minutes, wait.asLong());
                    }
                }
            }
            return minutes < 0 ? null : Duration.ofMinutes(minutes);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
