package io.github.camelmessenger.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * How the simulator answers the Send API ({@code POST /{version}/{page}/messages}, JSON or multipart with a file),
 * the Attachment Upload API ({@code /message_attachments}) and personas ({@code /{page}/personas}, {@code DELETE
 * /{persona}}): checks as Meta does, in Meta's order (token, proof, rate limit, request, recipient), and answers with
 * Meta's bodies.
 */
final class SendApiBehaviour implements ResponseDefinitionTransformerV2 {

    static final String NAME = "messenger-send-api";
    private static final Pattern PAGE_EDGE = Pattern.compile(
            "/(v\\d+\\.\\d+)/([^/?]+)/(messages|message_attachments|personas)");
    private static final Pattern NODE = Pattern.compile("/(v\\d+\\.\\d+)/([^/?]+)");
    private static final String FILEDATA = "filedata";
    private static final String MISSING_FILENAME = "_missing_filename";
    private static final Set<String> RECIPIENT_KEYS = Set.of("id", "user_ref", "phone_number", "post_id",
            "comment_id", "notification_messages_token");

    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphSimulator.Settings settings;
    private final List<AcceptedMessage> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Long>> callsByPage = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> sendCallTimes = new ConcurrentHashMap<>();
    private final Set<String> transientSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong messageIds = new AtomicLong();
    private final PageAssets assets = new PageAssets();
    private final ConversationLog log;
    private final String defaultPageId;
    private volatile Latency latency = Latency.none();
    private volatile int messagesPerSecond;

    SendApiBehaviour(GraphSimulator.Settings settings, ConversationLog log) {
        this.settings = settings;
        this.log = log;
        this.defaultPageId = settings.pageId();
        this.messagesPerSecond = settings.messagesPerSecond();
        this.latency = settings.latency();
    }

    void latency(Latency latency) {
        this.latency = latency;
    }

    void messagesPerSecond(int messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    List<AcceptedMessage> accepted() {
        return accepted;
    }

    List<Instant> sendCallTimes(String pageId) {
        return sendCallTimes.getOrDefault(pageId, List.of());
    }

    void reset() {
        accepted.clear();
        callsByPage.clear();
        sendCallTimes.clear();
        transientSeen.clear();
        assets.reset();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        return latency.applyTo(answer(event.getRequest()));
    }

    private ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?", 2)[0];
        Matcher edge = PAGE_EDGE.matcher(path);
        if (edge.matches()) {
            String pageId = edge.group(2);
            ResponseDefinition refused = refuseCaller(request, pageId);
            if (refused != null) {
                return refused;
            }
            return switch (edge.group(3)) {
                case "messages" -> {
                    sendCallTimes.computeIfAbsent(pageId, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
                    yield rateLimited(pageId) ? rateLimitAnswer(request, pageId) : send(request, pageId);
                }
                case "message_attachments" -> upload(request);
                default -> personas(request, pageId);
            };
        }
        Matcher node = NODE.matcher(path);
        if (node.matches() && RequestMethod.DELETE.equals(request.getMethod())) {
            return deletePersona(request, node.group(2));
        }
        if (node.matches() && node.group(2).equals("me") && RequestMethod.GET.equals(request.getMethod())) {
            // the token check: who the token belongs to
            ResponseDefinition refused = refuseCaller(request, "*");
            return refused != null ? refused
                    : json(200,
                            mapper.createObjectNode().put("id", "1122334455").put("name", "Simulated Page").toString(),
                            null);
        }
        return error(404, 803, null, "OAuthException", "(#803) Some of the aliases you requested do not exist");
    }

    /** Token, then proof, as Meta checks them; null when the caller may go on. */
    private ResponseDefinition refuseCaller(Request request, String pageId) {
        String token = bearer(request.getHeader("Authorization"));
        if (token == null || !settings.acceptsToken(pageId, token)) {
            return error(400, 190, null, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
        }
        if (settings.appSecret() != null && !proof(token).equals(queryParameter(request.getUrl(), "appsecret_proof"))) {
            return error(400, 100, null, "GraphMethodException",
                    "Invalid appsecret_proof provided in the API argument");
        }
        return null;
    }

    private ResponseDefinition send(Request request, String pageId) {
        JsonNode body = request.isMultipart() ? multipartBody(request) : jsonBody(request);
        if (body == null) {
            return error(400, 100, null, "OAuthException", "(#100) Invalid JSON for postcard");
        }
        if (body.has(MISSING_FILENAME)) {
            return missingFilename();
        }
        if (request.isMultipart() && !body.has(FILEDATA)) {
            return error(400, 100, null, "OAuthException", "(#100) Upload attachment failure: filedata is required");
        }
        if (!body.isObject() || !body.path("recipient").isObject()) {
            return error(400, 100, null, "OAuthException", "(#100) The parameter recipient is required");
        }
        long identifiers = RECIPIENT_KEYS.stream().filter(body.path("recipient")::has).count();
        if (identifiers != 1) {
            return error(400, 100, 2018000, "OAuthException", "(#100) Invalid recipient");
        }
        boolean action = body.has("sender_action");
        if (action == body.has("message")) {
            return error(400, 100, 2018014, "OAuthException",
                    "(#100) Cannot send both sender action and message, or neither");
        }
        if (!action && !body.has("messaging_type")) {
            return error(400, 100, null, "OAuthException", "(#100) Param messaging_type must be specified");
        }
        ResponseDefinition scenario = scenario(body);
        if (scenario != null) {
            recordFailure(pageId, body, scenario);
            return scenario;
        }
        String recipient = body.path("recipient").path("id").asText(null);
        ObjectNode answer = mapper.createObjectNode();
        if (recipient != null) {
            answer.put("recipient_id", recipient);
        }
        String messageId = null;
        if (!action) {
            messageId = "m_sim" + messageIds.incrementAndGet();
            answer.put("message_id", messageId);
            if (body.path("message").path("attachment").path("payload").path("is_reusable").asBoolean()) {
                answer.put("attachment_id", assets.upload(body.path("message")));
            }
        }
        accepted.add(new AcceptedMessage(pageId, body, messageId, Instant.now()));
        record(pageId, body, messageId);
        synchronized (accepted) {
            accepted.notifyAll();
        }
        return json(200, answer.toString(), null);
    }

    /** Writes an accepted send to its conversation, as the person would see it. */
    private void record(String pageId, JsonNode body, String messageId) {
        String psid = body.path("recipient").path("id").asText(null);
        if (psid == null) {
            return;
        }
        String page = conversationPage(pageId);
        if (messageId != null) {
            log.pageMessage(page, psid, messageId, body.path("message"), extras(body));
            return;
        }
        switch (body.path("sender_action").asText("")) {
            case "typing_on" -> log.typing(page, psid, true);
            case "typing_off" -> log.typing(page, psid, false);
            case "mark_seen" -> log.seen(page, psid);
            case "react", "unreact" ->
                log.reaction(page, psid, "page", body.path("payload").path("message_id").asText(),
                        body.path("payload").path("reaction").asText(""), body.path("sender_action").asText());
            default -> {
                // other sender actions change nothing the person sees
            }
        }
    }

    private ConversationLog.PageMessageExtras extras(JsonNode body) {
        ObjectNode persona = null;
        PageAssets.StoredPersona stored = assets.persona(body.path("persona_id").asText(""));
        if (stored != null) {
            persona = mapper.createObjectNode().put("name", stored.persona().path("name").asText())
                    .put("picture", stored.persona().path("profile_picture_url").asText(null));
        }
        JsonNode payload = body.path("message").path("attachment").path("payload");
        String resolvedUrl = null;
        String fileName = body.path(FILEDATA).path("filename").asText(null);
        if (payload.has("attachment_id")) {
            JsonNode uploaded = assets.attachment(payload.path("attachment_id").asText());
            if (uploaded != null) {
                resolvedUrl = uploaded.path("attachment").path("payload").path("url").asText(null);
                fileName = fileName != null ? fileName : uploaded.path("fileName").asText(null);
            }
        }
        return new ConversationLog.PageMessageExtras(persona, resolvedUrl, fileName);
    }

    private void recordFailure(String pageId, JsonNode body, ResponseDefinition answer) {
        String psid = body.path("recipient").path("id").asText(null);
        JsonNode error = jsonOrNull(answer.getBody());
        if (psid == null || error == null || !body.has("message")) {
            return;
        }
        JsonNode details = error.path("error");
        log.pageFailed(conversationPage(pageId), psid, body.path("message"), details.path("code").asInt(),
                details.has("error_subcode") ? details.path("error_subcode").asInt() : null,
                details.path("message").asText());
    }

    /** A send to {@code /me/messages} comes from the Page the token belongs to. */
    private String conversationPage(String pageId) {
        return "me".equals(pageId) ? defaultPageId : pageId;
    }

    /** Waits until {@code done} holds over what was accepted, or the time is up. */
    boolean awaitAccepted(java.util.function.Predicate<List<AcceptedMessage>> done, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (accepted) {
            while (!done.test(accepted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(accepted, left);
            }
            return true;
        }
    }

    /** Attachment Upload API: a URL (JSON) or a file (multipart); answers the reusable attachment_id. */
    private ResponseDefinition upload(Request request) {
        JsonNode body = request.isMultipart() ? multipartBody(request) : jsonBody(request);
        if (body != null && body.has(MISSING_FILENAME)) {
            return missingFilename();
        }
        JsonNode attachment = body == null ? null : body.path("message").path("attachment");
        boolean hasSource = attachment != null
                && (attachment.path("payload").has("url") || body.has(FILEDATA));
        if (attachment == null || !attachment.has("type") || !hasSource) {
            return error(400, 100, null, "OAuthException", "(#100) Upload attachment failure: an attachment type and "
                    + "a url or filedata are required");
        }
        ObjectNode stored = body.path("message").deepCopy();
        if (body.has(FILEDATA)) {
            stored.put("fileName", body.path(FILEDATA).path("filename").asText());
        }
        String id = assets.upload(stored);
        return json(200, mapper.createObjectNode().put("attachment_id", id).toString(), null);
    }

    private ResponseDefinition personas(Request request, String pageId) {
        if (RequestMethod.GET.equals(request.getMethod())) {
            ObjectNode answer = mapper.createObjectNode();
            answer.putArray("data").addAll(assets.personasOf(pageId));
            return json(200, answer.toString(), null);
        }
        JsonNode body = jsonBody(request);
        String name = body == null ? "" : body.path("name").asText("");
        if (name.isBlank()) {
            return error(400, 100, null, "OAuthException", "(#100) The parameter name is required");
        }
        String id = assets.createPersona(pageId, name, body.path("profile_picture_url").asText(null));
        return json(200, mapper.createObjectNode().put("id", id).toString(), null);
    }

    private ResponseDefinition deletePersona(Request request, String personaId) {
        PageAssets.StoredPersona persona = assets.persona(personaId);
        ResponseDefinition refused = refuseCaller(request, persona == null ? "*" : persona.pageId());
        if (refused != null) {
            return refused;
        }
        if (persona == null || !assets.deletePersona(personaId)) {
            return error(400, 100, 33, "GraphMethodException", "Unsupported delete request. Object with ID '"
                    + personaId + "' does not exist");
        }
        return json(200, mapper.createObjectNode().put("success", true).toString(), null);
    }

    private JsonNode jsonBody(Request request) {
        return jsonOrNull(request.getBodyAsString());
    }

    /** A multipart request as the JSON it stands for: JSON parts parsed, text parts as text, the file marked. */
    private JsonNode multipartBody(Request request) {
        ObjectNode body = mapper.createObjectNode();
        for (Request.Part part : request.getParts()) {
            String text = part.getBody().asString();
            if (FILEDATA.equals(part.getName())) {
                String fileName = part.getFileName();
                if (fileName == null || fileName.isBlank()) {
                    body.put(MISSING_FILENAME, true);
                }
                body.putObject(FILEDATA).put("filename", fileName).put("bytes", part.getBody().asBytes().length);
                continue;
            }
            JsonNode parsed = text.startsWith("{") ? jsonOrNull(text) : null;
            if (parsed != null) {
                body.set(part.getName(), parsed);
            } else {
                body.put(part.getName(), text);
            }
        }
        return body;
    }

    private JsonNode jsonOrNull(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private ResponseDefinition missingFilename() {
        return error(400, 100, 2018005, "OAuthException",
                "(#100) Upload attachment failure: filedata needs a filename");
    }

    private ResponseDefinition scenario(JsonNode body) {
        String recipient = body.path("recipient").path("id").asText("");
        return switch (recipient) {
            case ScenarioRecipients.BLOCKED -> error(400, 551, 1545041, "OAuthException",
                    "(#551) This person isn't available right now.");
            case ScenarioRecipients.UNKNOWN -> error(400, 100, 2018001, "OAuthException",
                    "(#100) No matching user found");
            case ScenarioRecipients.OUTSIDE_WINDOW -> error(400, 10, 2018278, "OAuthException",
                    "(#10) This message is sent outside of allowed window.");
            case ScenarioRecipients.TRANSIENT -> transientSeen.add(body.path("message").toString())
                    ? transientError()
                    : null;
            default -> null;
        };
    }

    private ResponseDefinition transientError() {
        ObjectNode error = errorBody(1200, null, "FacebookApiException",
                "Temporary send message failure. Please try again later.");
        ((ObjectNode) error.get("error")).put("is_transient", true);
        return json(500, error.toString(), null);
    }

    private boolean rateLimited(String pageId) {
        int limit = messagesPerSecond;
        if (limit <= 0) {
            return false;
        }
        long now = System.currentTimeMillis();
        Deque<Long> calls = callsByPage.computeIfAbsent(pageId, k -> new ArrayDeque<>());
        synchronized (calls) {
            while (!calls.isEmpty() && now - calls.peekFirst() >= 1000) {
                calls.pollFirst();
            }
            if (calls.size() >= limit) {
                return true;
            }
            calls.addLast(now);
            return false;
        }
    }

    private ResponseDefinition rateLimitAnswer(Request request, String pageId) {
        // X-Business-Use-Case-Usage: per Page, the usage figures and how many minutes until calls are allowed again
        ObjectNode usage = mapper.createObjectNode();
        usage.putArray(pageId).addObject().put("type", "messenger").put("call_count", 100).put("total_cputime", 10)
                .put("total_time", 10).put("estimated_time_to_regain_access", settings.penaltyMinutes());
        ResponseDefinition answer = json(400,
                errorBody(613, null, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.")
                        .toString(),
                new HttpHeader("X-Business-Use-Case-Usage", usage.toString()));
        JsonNode body = request.isMultipart() ? null : jsonBody(request);
        if (body != null) {
            recordFailure(pageId, body, answer);
        }
        return answer;
    }

    private ResponseDefinition error(int status, int code, Integer subcode, String type, String message) {
        return json(status, errorBody(code, subcode, type, message).toString(), null);
    }

    private ObjectNode errorBody(int code, Integer subcode, String type, String message) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("type", type).put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "Sim" + Long.toString(System.nanoTime(), 36));
        return root;
    }

    private static ResponseDefinition json(int status, String body, HttpHeader extra) {
        HttpHeaders headers = new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=UTF-8"));
        if (extra != null) {
            headers = headers.plus(extra);
        }
        return responseDefinition().withStatus(status).withHeaders(headers).withBody(body).build();
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private String proof(String token) {
        return Signatures.hmacSha256Hex(settings.appSecret(), token);
    }
}
