package io.github.camelmessenger.send.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.model.GraphError;
import io.github.camelmessenger.send.model.SendResponse;

/**
 * Turns a Send API answer into a {@link SendResponse} or the exception the classifier picks. Handles Graph error
 * bodies (also when a proxy answers them with 200), HTML error pages, empty and truncated bodies.
 */
final class SendApiResponseDecoder {

    private static final int MAX_BODY_KEPT = 4096;

    private final ObjectMapper mapper;
    private final SecretRedactor redactor;

    SendApiResponseDecoder(ObjectMapper mapper, SecretRedactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    SendResponse decode(GraphHttpResponse response) {
        String text = redactor.redact(new String(response.body(), StandardCharsets.UTF_8));
        JsonNode json = parseObject(text);
        GraphError error = json == null ? null : graphError(json.get("error"));
        boolean success = response.status() >= 200 && response.status() < 300;
        if (success && error == null) {
            if (json == null) {
                throw FailureKind.TRANSPORT.newException(
                        "Send API answered HTTP " + response.status() + " with a body that is not a JSON object: "
                                                         + preview(text)
                                                         + ". Delivery is unknown: a retry may send the message twice",
                        details(response, null, text), null);
            }
            return mapper.convertValue(json, SendResponse.class);
        }
        throw MessengerErrorClassifier.toException(details(response, error, text));
    }

    private FailureDetails details(GraphHttpResponse response, GraphError error, String text) {
        Duration retryAfter = BusinessUseCaseUsage.retryAfter(response.header(BusinessUseCaseUsage.HEADER), mapper);
        String kept = text.length() > MAX_BODY_KEPT ? text.substring(0, MAX_BODY_KEPT) : text;
        return new FailureDetails(response.status(), response.statusText(), error, retryAfter, kept);
    }

    private JsonNode parseObject(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private GraphError graphError(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, GraphError.class);
        } catch (IOException | IllegalArgumentException e) {
            // a field of an unexpected type: keep what identifies the error
            return new GraphError(node.path("message").asText(null), node.path("type").asText(null),
                    node.path("code").canConvertToInt() ? node.path("code").asInt() : null, null, null, null, null,
                    node.path("fbtrace_id").asText(null));
        }
    }

    private static String preview(String text) {
        if (text.isBlank()) {
            return "(empty)";
        }
        String stripped = text.strip();
        return stripped.length() > 120 ? stripped.substring(0, 120) + "..." : stripped;
    }

    static MessengerSendException unreadable(String message, Throwable cause) {
        return FailureKind.TRANSPORT.newException(message, FailureDetails.NONE, cause);
    }
}
