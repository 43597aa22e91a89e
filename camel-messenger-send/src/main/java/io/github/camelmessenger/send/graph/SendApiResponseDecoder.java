package io.github.camelmessenger.send.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.error.ErrorAnswer;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.GraphError;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.model.SendResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Send API answer into a {@link SendResponse} or the exception the classifier picks. Handles Graph error
 * bodies (also when a proxy answers them with 200), HTML error pages, empty and truncated bodies.
 */
final class SendApiResponseDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(SendApiResponseDecoder.class);
    private static final int MAX_BODY_KEPT = 4096;
    private static final MessengerErrorClassifier DEFAULT_CLASSIFIER = MessengerErrorClassifier.defaults();

    private final ObjectMapper mapper;
    private final SecretRedactor redactor;
    private final MessengerErrorClassifier errorClassifier;

    SendApiResponseDecoder(ObjectMapper mapper, SecretRedactor redactor) {
        this(mapper, redactor, null);
    }

    /** With a classifier asked before the default rules; null for the default rules alone. */
    SendApiResponseDecoder(ObjectMapper mapper, SecretRedactor redactor, MessengerErrorClassifier errorClassifier) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.errorClassifier = errorClassifier;
    }

    /** A send's answer: it must name the recipient or the message, else delivery is unknown. */
    SendResponse decode(GraphHttpResponse response) {
        if (response.status() >= 200 && response.status() < 300) {
            SendResponse common = readCommonSuccess(response.body());
            if (common != null) {
                return common;
            }
        }
        JsonNode json = decodeObject(response, "recipient_id or message_id", "message_id", "recipient_id");
        return mapper.convertValue(json, SendResponse.class);
    }

    /**
     * The usual answer, {@code {"recipient_id": "...", "message_id": "..."}}, read in one pass straight into the
     * record, without a JSON tree and its conversion. Null for anything else (an error field, a value that is not a
     * string, a body that is not one well-formed object, neither id), which the full path then reads as before.
     */
    private SendResponse readCommonSuccess(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String recipientId = null;
        String messageId = null;
        String attachmentId = null;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "recipient_id", "message_id", "attachment_id" -> {
                        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        String text = value == JsonToken.VALUE_NULL ? null : parser.getText();
                        if (name.equals("recipient_id")) {
                            recipientId = text;
                        } else if (name.equals("message_id")) {
                            messageId = text;
                        } else {
                            attachmentId = text;
                        }
                    }
                    case "error", "error_type", "error_message" -> {
                        return null;
                    }
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || (recipientId == null && messageId == null)) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new SendResponse(recipientId, messageId, attachmentId);
    }

    /**
     * A successful answer as a JSON object holding at least one of the expected fields; anything else throws the
     * classified exception (for a Graph error) or a transport failure (for an answer that cannot be read).
     */
    JsonNode decodeObject(GraphHttpResponse response, String expectation, String... anyOfFields) {
        boolean success = response.status() >= 200 && response.status() < 300;
        if (success) {
            // the common case, read straight from the bytes: no text copy, nothing to redact
            JsonNode json = parseObject(response.body());
            if (json != null && !json.has("error") && !json.has("error_type") && !json.has("error_message")
                    && java.util.Arrays.stream(anyOfFields).anyMatch(json::hasNonNull)) {
                return json;
            }
        }
        // anything else may end up in an exception: work on the text with the secrets removed
        String text = redactor.redact(new String(response.body(), StandardCharsets.UTF_8));
        JsonNode json = parseObject(text);
        GraphError error = json == null ? null : graphError(json);
        if (success && error == null) {
            if (json == null || java.util.Arrays.stream(anyOfFields).noneMatch(json::hasNonNull)) {
                throw FailureKind.TRANSPORT.newException(
                        "Graph API answered HTTP " + response.status() + " without " + expectation + ": "
                                + preview(text)
                                + ". Delivery is unknown: a retry may send the message twice",
                        details(response, null, text), null);
            }
            return json;
        }
        FailureDetails details = details(response, error, text);
        throw classify(details).newException(describe(details), details, null);
    }

    /** The configured classifier's kind, or the default rules' where it has none (or fails). */
    private FailureKind classify(FailureDetails details) {
        ErrorAnswer answer = ErrorAnswer.of(details);
        if (MessengerErrorClassifier.DELIVERY_UNKNOWN.matches(answer)) {
            // a user's rule must not make a possibly delivered message retriable
            return MessengerErrorClassifier.DELIVERY_UNKNOWN.kind();
        }
        FailureKind kind = null;
        if (errorClassifier != null) {
            try {
                kind = errorClassifier.classify(answer);
            } catch (RuntimeException e) {
                LOG.warn("The errorClassifier {} failed for {}; the default rules decide", errorClassifier, answer, e);
            }
        }
        return kind != null ? kind : DEFAULT_CLASSIFIER.classify(answer);
    }

    /** The exception's message: what Meta answered, without secrets (the text is redacted before). */
    private static String describe(FailureDetails details) {
        GraphError error = details.graphError();
        StringBuilder sb = new StringBuilder("Send API answered HTTP ").append(details.httpStatus());
        if (error == null) {
            sb.append(" without a Graph error object");
            if (details.responseBody() != null && !details.responseBody().isBlank()) {
                sb.append(": ").append(abbreviate(details.responseBody().strip(), 200));
            }
            return sb.toString();
        }
        sb.append(" with error ").append(error.code());
        if (error.errorSubcode() != null) {
            sb.append('/').append(error.errorSubcode());
        }
        if (error.type() != null) {
            sb.append(" (").append(error.type()).append(')');
        }
        if (error.message() != null) {
            sb.append(": ").append(error.message());
        }
        if (error.errorUserMsg() != null) {
            sb.append(" - ").append(error.errorUserMsg());
        }
        if (error.fbtraceId() != null) {
            sb.append(" [fbtrace_id ").append(error.fbtraceId()).append(']');
        }
        if (details.retryAfter() != null) {
            sb.append(" [retry after ").append(details.retryAfter()).append(']');
        }
        return sb.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private FailureDetails details(GraphHttpResponse response, GraphError error, String text) {
        Duration retryAfter = BusinessUseCaseUsage.retryAfter(response.header(BusinessUseCaseUsage.HEADER), mapper);
        String kept = text.length() > MAX_BODY_KEPT ? text.substring(0, MAX_BODY_KEPT) : text;
        return new FailureDetails(response.status(), response.statusText(), error, retryAfter, kept);
    }

    private JsonNode parseObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
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

    /**
     * Meta's error object, read field by field so that one field of an unexpected type does not lose the others;
     * also the legacy shapes {@code {"error": "text"}} and {@code {"error_type", "error_message", "code"}}. Null when
     * the answer is no error.
     */
    private static GraphError graphError(JsonNode json) {
        JsonNode error = json.get("error");
        if (error != null && error.isObject()) {
            return new GraphError(text(error, "message"), text(error, "type"), integer(error, "code"),
                    integer(error, "error_subcode"), text(error, "error_user_title"), text(error, "error_user_msg"),
                    bool(error, "is_transient"), text(error, "fbtrace_id"));
        }
        if (error != null && error.isTextual()) {
            return new GraphError(error.asText(), null, null, null, null, null, null, null);
        }
        if (json.has("error_type") || json.has("error_message")) {
            return new GraphError(text(json, "error_message"), text(json, "error_type"), null, null, null, null, null,
                    null);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        return value.isTextual() && value.asText().matches("\\d{1,9}") ? Integer.valueOf(value.asText()) : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText();
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
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
