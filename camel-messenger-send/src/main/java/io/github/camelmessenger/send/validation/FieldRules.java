package io.github.camelmessenger.send.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules shared by fields of every kind: a required text within its limit, a value from Meta's list.
 */
final class FieldRules {

    private FieldRules() {
    }

    /** A required text field: missing, or over its limit. */
    static void requiredText(JsonNode node, String path, String whyRequired, SendApiLimit limit, Violations v) {
        if (!nonBlankText(node)) {
            v.add(path, "missing: " + whyRequired);
        } else {
            v.maxLength(path, node.asText(), limit);
        }
    }

    /** A field of the request that, when present, holds one of the values Meta accepts. */
    static void oneOf(JsonNode request, String field, List<String> accepted, Violations v) {
        JsonNode value = request.get(field);
        if (value != null && !accepted.contains(value.asText())) {
            v.add(field, "'" + value.asText() + "' is not one of " + accepted);
        }
    }

    /** The same for a field of the object at {@code path}. */
    static void oneOf(JsonNode object, String path, String field, List<String> accepted, Violations v) {
        JsonNode value = object.get(field);
        if (value != null && !accepted.contains(value.asText())) {
            v.add(path + "." + field, "'" + value.asText() + "' is not one of " + accepted);
        }
    }

    static boolean nonBlankText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }
}
