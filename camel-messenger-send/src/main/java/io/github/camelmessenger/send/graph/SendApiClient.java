package io.github.camelmessenger.send.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.model.SendResponse;

/**
 * Calls {@code POST {baseUri}/{apiVersion}/{pageId}/messages} for one access token: builds the URL and the
 * authorization, sends the JSON once, and decodes the answer. The token travels only in the
 * {@code Authorization} header; {@code appsecret_proof} (an HMAC, not the secret) is a query parameter.
 */
public final class SendApiClient {

    private final GraphHttpClient http;
    private final String urlPrefix;
    private final String urlSuffix;
    private final String proofQuery;
    private final String tokenCheckUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final SecretRedactor redactor;
    private final SendApiResponseDecoder decoder;

    /**
     * A client whose error answers are classified by {@code errorClassifier} first, and by the default rules where it
     * has no rule; a null classifier leaves them to the default rules.
     */
    public SendApiClient(GraphHttpClient http, String baseUri, String apiVersion, String accessToken, String appSecret,
                         Duration requestTimeout, ObjectMapper mapper, MessengerErrorClassifier errorClassifier) {
        this.http = http;
        String base = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.urlPrefix = base + "/" + apiVersion + "/";
        String proof = appSecret == null ? null : AppSecretProof.of(appSecret, accessToken);
        this.proofQuery = proof == null ? null : "appsecret_proof=" + proof;
        // the send path, built once: url(pageId + "/messages") without the per-call concatenation
        this.urlSuffix = proof == null ? "/messages" : "/messages?" + proofQuery;
        this.tokenCheckUrl = url("me?fields=id,name");
        this.authorization = "Bearer " + accessToken;
        this.requestTimeout = requestTimeout;
        this.redactor = new SecretRedactor(accessToken, appSecret, proof);
        this.decoder = new SendApiResponseDecoder(mapper, redactor, errorClassifier);
    }

    /**
     * Sends one request body for a Page. The future completes exactly once: with Meta's answer, or exceptionally
     * with a {@link MessengerSendException} (wrapped in a {@link CompletionException} for dependent stages).
     */
    public CompletableFuture<SendResponse> send(String pageId, byte[] json) {
        return call(GraphHttpRequest.post(urlPrefix + pageId + urlSuffix, headers(), json, requestTimeout),
                "page " + pageId, decoder::decode);
    }

    /** Sends a message whose attachment is a file: multipart form fields plus filedata. */
    public CompletableFuture<SendResponse> sendFile(String pageId, Map<String, String> fields, FileContent file) {
        return call(GraphHttpRequest.multipart(urlPrefix + pageId + urlSuffix, multipartHeaders(), fields, file,
                requestTimeout), "page " + pageId, decoder::decode);
    }

    /** Attachment Upload API with a JSON body (an attachment by URL): answers the reusable attachment_id. */
    public CompletableFuture<SendResponse> uploadAttachment(String pageId, byte[] json) {
        return call(GraphHttpRequest.post(url(pageId + "/message_attachments"), headers(), json, requestTimeout),
                "the upload for page " + pageId, this::attachmentId);
    }

    /** Attachment Upload API with a file: answers the reusable attachment_id. */
    public CompletableFuture<SendResponse> uploadAttachment(String pageId, Map<String, String> fields,
                                                            FileContent file) {
        return call(GraphHttpRequest.multipart(url(pageId + "/message_attachments"), multipartHeaders(), fields, file,
                requestTimeout), "the upload for page " + pageId, this::attachmentId);
    }

    private SendResponse attachmentId(GraphHttpResponse response) {
        JsonNode json = decoder.decodeObject(response, "attachment_id", "attachment_id");
        return new SendResponse(null, null, json.get("attachment_id").asText());
    }

    /** Creates a persona of the Page; answers its id. */
    public CompletableFuture<JsonNode> createPersona(String pageId, byte[] json) {
        return call(GraphHttpRequest.post(url(pageId + "/personas"), headers(), json, requestTimeout),
                "a persona for page " + pageId, response -> decoder.decodeObject(response, "the persona id", "id"));
    }

    /** Lists the Page's personas: {@code {"data": [...]}}. */
    public CompletableFuture<JsonNode> listPersonas(String pageId) {
        return call(GraphHttpRequest.get(url(pageId + "/personas"), headers(), requestTimeout),
                "the personas of page " + pageId, response -> decoder.decodeObject(response, "data", "data"));
    }

    /** Deletes a persona: {@code {"success": true}}. */
    public CompletableFuture<JsonNode> deletePersona(String personaId) {
        return call(GraphHttpRequest.delete(url(personaId), headers(), requestTimeout),
                "persona " + personaId, response -> decoder.decodeObject(response, "success", "success"));
    }

    /** Handover protocol: passes the conversation to another app; {@code {"success": true}}. */
    public CompletableFuture<JsonNode> passThreadControl(String pageId, byte[] json) {
        return threadControl(pageId, "pass_thread_control", json);
    }

    /** Handover protocol: takes the conversation back from the app that has it; {@code {"success": true}}. */
    public CompletableFuture<JsonNode> takeThreadControl(String pageId, byte[] json) {
        return threadControl(pageId, "take_thread_control", json);
    }

    /** Handover protocol: asks the app that has the conversation to pass it; {@code {"success": true}}. */
    public CompletableFuture<JsonNode> requestThreadControl(String pageId, byte[] json) {
        return threadControl(pageId, "request_thread_control", json);
    }

    private CompletableFuture<JsonNode> threadControl(String pageId, String edge, byte[] json) {
        return call(GraphHttpRequest.post(url(pageId + "/" + edge), headers(), json, requestTimeout),
                edge + " for page " + pageId, response -> decoder.decodeObject(response, "success", "success"));
    }

    /** The headers of one JSON or bodiless request; its token reference is held until the request completes. */
    private Map<String, String> headers() {
        return Map.of(
                "Authorization", http.authorizationReference(authorization),
                "Content-Type", "application/json",
                "Accept", "application/json");
    }

    /** The headers of one multipart request: the client sets the content type with its boundary. */
    private Map<String, String> multipartHeaders() {
        return Map.of("Authorization", http.authorizationReference(authorization), "Accept", "application/json");
    }

    private String url(String path) {
        return urlPrefix + path + (proofQuery == null ? "" : (path.contains("?") ? "&" : "?") + proofQuery);
    }

    /**
     * Asks the Graph API who the token belongs to ({@code GET /me?fields=id,name}): a cheap check that the token is
     * valid. Completes with the Page's id and name, or with the classified {@link MessengerSendException}.
     */
    public CompletableFuture<JsonNode> checkToken() {
        return call(GraphHttpRequest.get(tokenCheckUrl, headers(), requestTimeout), "the token check",
                response -> decoder.decodeObject(response, "the Page id", "id"));
    }

    private <T> CompletableFuture<T> call(GraphHttpRequest request, String what,
                                          Function<GraphHttpResponse, T> decode) {
        return http.send(request).handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(transportFailure(what, failure));
            }
            try {
                return decode.apply(response);
            } catch (MessengerSendException e) {
                throw new CompletionException(e);
            } catch (RuntimeException e) {
                throw new CompletionException(SendApiResponseDecoder.unreadable(
                        "Graph API answer could not be decoded: " + redactor.redact(String.valueOf(e.getMessage()))
                                + ". Delivery is unknown",
                        e));
            }
        });
    }

    private MessengerSendException transportFailure(String what, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + redactor.redact(cause.getMessage()));
        return FailureKind.TRANSPORT.newException(
                "Graph API call for " + what + " failed without an answer (" + reason
                        + "). Delivery is unknown: a retry may send the message twice",
                FailureDetails.NONE, cause);
    }
}
