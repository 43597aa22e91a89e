package io.github.camelmessenger.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the shared conformance corpus ({@code shared/conformance}: request bodies other Messenger libraries assert and Meta's samples) that lives beside the
 * project, not in it. The corpus is never copied into the project: tests that need it skip when it is absent.
 * The directory can be named with {@code -Dmessenger.conformance.dir=<dir>}.
 * <p>
 * It also holds the one classification of the Send API cases ({@code send-cases.jsonl}) that every test reading them
 * uses: out of scope, retired by Meta, or current, each with its reason (see {@link #classify}).
 */
final class ConformanceCorpus {

    /** System property naming the conformance directory explicitly (the folder holding send-cases.jsonl). */
    static final String DIR_PROPERTY = "messenger.conformance.dir";

    private static final String RELATIVE_DIR = "shared/conformance";

    /** Parses the corpus; a plain mapper, so numbers keep the exact form they have in the file. */
    private static final ObjectMapper CORPUS_JSON = new ObjectMapper();

    /** The Send API message endpoints this component version sends to. */
    static final Set<String> SEND_API_ENDPOINTS = Set.of("/me/messages", "/{page-id}/messages");

    /** The tags the component docs' Validation section says are refused: retired 27 April 2026, and retired 4 March 2020. */
    static final Set<String> RETIRED_TAGS = Set.of(
            "CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE",
            "SHIPPING_UPDATE", "RESERVATION_UPDATE", "ISSUE_RESOLUTION", "APPOINTMENT_UPDATE", "GAME_EVENT",
            "TRANSPORTATION_UPDATE", "FEATURE_FUNCTIONALITY_UPDATE", "TICKET_UPDATE", "PAIRING_UPDATE",
            "APPLICATION_UPDATE", "PAYMENT_UPDATE", "PERSONAL_FINANCE_UPDATE", "COMMUNITY_ALERT",
            "CONFIRMED_EVENT_REMINDER", "BUSINESS_PRODUCTIVITY");

    /** Fields Meta requires to be JSON booleans; a string there is a placeholder that cannot be valid on the wire. */
    static final Set<String> BOOLEAN_FIELDS = Set.of("is_reusable", "messenger_extensions", "sharable");

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

    // ----------------------------------------------------------------------------------------------------------------
    // the Send API cases (send-cases.jsonl): reading and classifying

    enum Kind {
        OUT_OF_SCOPE, RETIRED, CURRENT
    }

    /**
     * What a case is and why. For OUT_OF_SCOPE, {@code reason} is the category (counted in summaries) and
     * {@code detail} the case's specifics; for RETIRED, {@code refusedField} says which violation must be named.
     */
    record Classification(Kind kind, String reason, String detail, RefusedField refusedField) {
    }

    /** The violation a retired case must produce: a human label and a predicate on the violation's field. */
    record RefusedField(String label, Predicate<String> matches) {
    }

    /** One line of send-cases.jsonl: its 0-based index, name, the whole line, its request and its classification. */
    record Case(int index, String name, ObjectNode line, ObjectNode request, Classification classification) {
        String displayPrefix() {
            return String.format(Locale.ROOT, "#%03d %s", index, name);
        }

        String scope() {
            return line.path("scope").asText("");
        }

        List<String> features() {
            List<String> features = new ArrayList<>();
            line.path("features").forEach(f -> features.add(f.asText()));
            return features;
        }

        boolean hasFeature(String feature) {
            for (JsonNode f : line.path("features")) {
                if (feature.equals(f.asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reads every case of a send-cases.jsonl file and classifies it with {@link #classify}; cases of the scopes in
     * {@code outOfScopeScopes} are out of scope for the caller.
     */
    static List<Case> readCases(Path file, Set<String> outOfScopeScopes) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int index = 0;
        for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
            String text = lines.get(lineNo);
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = CORPUS_JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError(file + " line " + (lineNo + 1) + " is not JSON", e);
            }
            assertThat(line.isObject() && line.path("request").isObject())
                    .as("%s line %d: an object with a request object", file, lineNo + 1).isTrue();
            ObjectNode request = (ObjectNode) line.get("request");
            cases.add(new Case(index, line.path("case").asText("(unnamed)"), (ObjectNode) line, request,
                    classify((ObjectNode) line, request, outOfScopeScopes)));
            index++;
        }
        assertThat(cases).as("cases in %s", file).isNotEmpty();
        return cases;
    }

    /**
     * A copy of a request with its numeric recipient identifiers as strings, as they go on the wire (the component's
     * and the model's identifiers are strings).
     */
    static ObjectNode withStringRecipientIds(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        if (copy.get("recipient") instanceof ObjectNode recipient) {
            Iterator<Map.Entry<String, JsonNode>> fields = recipient.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNumber()) {
                    field.setValue(recipient.textNode(field.getValue().asText()));
                }
            }
        }
        return copy;
    }

    /**
     * Classifies one case, in this order (the first rule that applies wins):
     * <ol>
     * <li><b>out of scope</b> for this component version: Instagram messaging (feature {@code instagram} or host
     * graph.instagram.com); endpoints other than {@code /me/messages} and {@code /{page-id}/messages} (Attachment
     * Upload API, Graph batch, Personas API, handover protocol); a scope in {@code outOfScopeScopes}; {@code quirk}
     * cases (a peer library's wire bug); a placeholder that cannot be valid on the wire (a string where Meta
     * requires a boolean);</li>
     * <li><b>retired</b> by Meta: a retired or legacy tag, list and open_graph templates, element_share buttons,
     * location quick replies, location attachments;</li>
     * <li><b>current</b>: everything else.</li>
     * </ol>
     */
    static Classification classify(ObjectNode line, ObjectNode request, Set<String> outOfScopeScopes) {
        List<String> features = new ArrayList<>();
        line.path("features").forEach(f -> features.add(f.asText()));
        String endpoint = line.path("endpoint").asText("");
        String host = line.path("host").asText("");
        String scope = line.path("scope").asText("");

        // (a) out of scope for this component version
        if (features.contains("instagram") || host.equals("graph.instagram.com")) {
            return outOfScope("Instagram messaging (later issue)", "host " + (host.isEmpty() ? "-" : host)
                    + ", endpoint " + endpoint);
        }
        if (!SEND_API_ENDPOINTS.contains(endpoint)) {
            return outOfScope(endpointCategory(endpoint), "endpoint " + endpoint);
        }
        if (outOfScopeScopes.contains(scope)) {
            return outOfScope("scope " + scope + ": a fragment, not a request (covered by the model issue)",
                    "scope " + scope);
        }
        if (features.contains("quirk")) {
            return outOfScope("quirk: records a peer library's wire bug, not a request to reproduce",
                    "features " + features);
        }
        String placeholder = firstNonBooleanFlag(request, "");
        if (placeholder != null) {
            return outOfScope("placeholder that cannot be valid on the wire", placeholder);
        }

        // (b) retired by Meta: refused before sending
        JsonNode tag = request.get("tag");
        if (tag != null && RETIRED_TAGS.contains(tag.asText().trim().toUpperCase(Locale.ROOT))) {
            return retired("retired tag " + tag.asText(), new RefusedField("tag", "tag"::equals));
        }
        if (features.contains("tag:legacy")) {
            return retired("legacy tag " + (tag == null ? "(none in request)" : tag.asText()),
                    new RefusedField("tag", "tag"::equals));
        }
        String templateType = findRetiredTemplate(request);
        if (templateType == null && features.contains("template:list")) {
            templateType = "list";
        } else if (templateType == null && features.contains("template:open_graph")) {
            templateType = "open_graph";
        }
        if (templateType != null) {
            return retired("retired template " + templateType,
                    new RefusedField("template_type", f -> f.endsWith("template_type")));
        }
        if (containsArrayItem(request, "buttons", "type", "element_share")
                || features.contains("button:element_share")) {
            Pattern buttonType = Pattern.compile(".*buttons\\[\\d+]\\.type");
            return retired("retired button element_share",
                    new RefusedField("buttons[i].type", f -> buttonType.matcher(f).matches()));
        }
        if (containsArrayItem(request, "quick_replies", "content_type", "location")
                || features.contains("quick_replies:location")) {
            Pattern replyType = Pattern.compile(".*quick_replies\\[\\d+]\\.content_type");
            return retired("retired quick reply location",
                    new RefusedField("quick_replies[i].content_type", f -> replyType.matcher(f).matches()));
        }
        if (containsAttachmentType(request, "location") || features.contains("attachment:location")) {
            Pattern attachmentType = Pattern.compile(".*attachments?(\\[\\d+])?\\.type");
            return retired("retired attachment location",
                    new RefusedField("attachment.type", f -> attachmentType.matcher(f).matches()));
        }

        // (c) current
        return new Classification(Kind.CURRENT, "current", "", null);
    }

    private static String endpointCategory(String endpoint) {
        if (endpoint.endsWith("/message_attachments")) {
            return "endpoint */message_attachments: Attachment Upload API (later issue)";
        }
        if (endpoint.equals("/")) {
            return "endpoint /: Graph batch API (later issue)";
        }
        if (endpoint.endsWith("/personas")) {
            return "endpoint */personas: Personas API (later issue)";
        }
        if (endpoint.endsWith("_thread_control")) {
            return "endpoint */*_thread_control: handover protocol (HandoverConformanceTest sends these)";
        }
        return "endpoint other than /me/messages and /{page-id}/messages (later issue)";
    }

    private static Classification outOfScope(String reason, String detail) {
        return new Classification(Kind.OUT_OF_SCOPE, reason, detail, null);
    }

    private static Classification retired(String reason, RefusedField field) {
        return new Classification(Kind.RETIRED, reason, "", field);
    }

    /** The path of the first field Meta requires as a boolean that holds something else, or null. */
    private static String firstNonBooleanFlag(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (BOOLEAN_FIELDS.contains(field.getKey()) && !field.getValue().isBoolean()) {
                    return childPath + " = " + field.getValue() + " (Meta requires a boolean)";
                }
                String inner = firstNonBooleanFlag(field.getValue(), childPath);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = firstNonBooleanFlag(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static String findRetiredTemplate(JsonNode node) {
        if (node.isObject()) {
            String type = node.path("template_type").asText("");
            if (type.equals("list") || type.equals("open_graph")) {
                return type;
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                String found = findRetiredTemplate(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether any array named {@code arrayField} anywhere in the tree has an item with {@code key == value}. */
    private static boolean containsArrayItem(JsonNode node, String arrayField, String key, String value) {
        if (node.isObject() && node.path(arrayField).isArray()) {
            for (JsonNode item : node.get(arrayField)) {
                if (value.equals(item.path(key).asText(null))) {
                    return true;
                }
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsArrayItem(child, arrayField, key, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any {@code attachment} object, or item of an {@code attachments} array, has this {@code type}. */
    private static boolean containsAttachmentType(JsonNode node, String type) {
        if (node.isObject() && type.equals(node.path("attachment").path("type").asText(null))) {
            return true;
        }
        if (containsArrayItem(node, "attachments", "type", type)) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsAttachmentType(child, type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
