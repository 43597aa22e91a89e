package io.github.camelmessenger.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.ConformanceCorpus.Case;
import io.github.camelmessenger.send.ConformanceCorpus.Kind;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.error.MessengerValidationException.Violation;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.button.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the typed message model (package {@code model}) to the shared Send API corpus
 * ({@code shared/conformance/send-cases.jsonl}, found by {@link ConformanceCorpus}): every body a peer library or Meta's samples
 * put on the wire must be expressible with the model and come out of it unchanged.
 * <p>
 * Cases are classified by {@link ConformanceCorpus#classify}, the same classification {@link SendConformanceTest}
 * uses, except that the fragment scopes {@code message-only} and {@code button-only} are in scope here. Out of scope
 * (other endpoints, Instagram, {@code quirk} cases, placeholders that cannot be valid on the wire) and retired cases
 * (retired tags, list and open_graph templates, element_share buttons, location quick replies and attachments) are
 * reported as skipped with the reason; their refusal is {@link SendConformanceTest}'s and the validator's job.
 * <p>
 * Every current case is checked twice; the expected JSON is the case's {@code request} for {@code full-body} (with
 * numeric recipient identifiers as strings: the model's identifiers are strings), its {@code message} for
 * {@code message-only} and its {@code button} for {@code button-only}:
 * <ol type="a">
 * <li><b>built with the builders</b>: {@link ModelBuilders} translates the JSON into calls of the model's public
 * builders and factories (never Jackson deserialisation), the result is serialised with
 * {@link MessengerJson#mapper()} and must equal the expected JSON exactly. When the public API cannot express
 * something in the case, this part is skipped with the reason (grouped in the summary: they may be gaps in the
 * model). Cases whose features say they break one of Meta's limits ({@code validation:*}) must instead be refused
 * by the builders with a {@link MessengerValidationException} naming the field;</li>
 * <li><b>round trip</b>: the same JSON read into the model with {@code MessengerJson.mapper().treeToValue(..)}
 * ({@link SendRequest}, {@link Message} or {@link Button}) and written back must equal the expected JSON exactly,
 * for every current case, including the ones only {@code OtherTemplate} or {@code OtherButton} can hold.</li>
 * </ol>
 * JSON equality is {@link JsonNode#equals}: same keys (in any order) and same values; numbers compare as written on
 * the wire ({@code 50} and {@code 50.0} differ), since both sides are parsed from text by the same plain mapper.
 */
class ModelConformanceTest {

    private static final String CORPUS_FILE = "send-cases.jsonl";
    private static final String FULL_BODY = "full-body";
    private static final String MESSAGE_ONLY = "message-only";
    private static final String BUTTON_ONLY = "button-only";
    private static final Set<String> MODEL_SCOPES = Set.of(FULL_BODY, MESSAGE_ONLY, BUTTON_ONLY);
    /** Features that say a case breaks one of Meta's limits, e.g. {@code validation:buttons>3}. */
    private static final Pattern VALIDATION_FEATURE = Pattern.compile("validation:([a-z_]+).*");

    /** Parses what the model wrote the way the corpus is parsed, so numbers compare as written. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    // summary, printed once all dynamic tests have run
    private static final CorpusReport REPORT = new CorpusReport("model-cases", "cases with a failing part:", 600,
            ModelConformanceTest::failureText);
    private static final Map<String, Integer> CURRENT_BY_SCOPE = REPORT.map();
    private static final CorpusReport.Counter BUILT = REPORT.counter();
    private static final CorpusReport.Counter ROUND_TRIPPED = REPORT.counter();
    private static final CorpusReport.Groups OUT_OF_SCOPE = REPORT.groups();
    private static final CorpusReport.Groups RETIRED = REPORT.groups();
    private static final CorpusReport.Groups NO_BUILDER_API = REPORT.groups();
    private static final CorpusReport.Groups REFUSED_BY_BUILDERS = REPORT.groups();

    @TestFactory
    Stream<DynamicTest> modelCases() throws IOException {
        // no scope is out of scope here: message-only and button-only fragments are what the model is made of
        return REPORT.dynamicTests(CORPUS_FILE, Set.of(), ModelConformanceTest::tests);
    }

    private static List<DynamicTest> tests(List<Case> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            String notCurrent = notCurrent(c);
            if (notCurrent != null) {
                String why = "not current for the model: " + notCurrent;
                tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: (a) built with builders",
                        () -> Assumptions.abort(why)));
                tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: (b) round trip",
                        () -> Assumptions.abort(why)));
                continue;
            }
            CURRENT_BY_SCOPE.merge(c.scope(), 1, Integer::sum);
            tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: (a) built with builders",
                    () -> REPORT.tracked(c, "(a)", () -> builtWithBuilders(c))));
            tests.add(DynamicTest.dynamicTest(c.displayPrefix() + " :: (b) round trip",
                    () -> REPORT.tracked(c, "(b)", () -> roundTrip(c))));
        }
        return tests;
    }

    /** Why a case is not current for the model (and recorded as such), or null when it is. */
    private static String notCurrent(Case c) {
        Kind kind = c.classification().kind();
        if (kind == Kind.OUT_OF_SCOPE) {
            OUT_OF_SCOPE.add(c.classification().reason(), c.index());
            return "out of scope: " + c.classification().reason() + " [" + c.classification().detail() + "]";
        }
        if (kind == Kind.RETIRED) {
            RETIRED.add(c.classification().reason(), c.index());
            return "retired by Meta: " + c.classification().reason();
        }
        if (!MODEL_SCOPES.contains(c.scope())) {
            String reason = "scope '" + c.scope() + "': not a request, message or button";
            OUT_OF_SCOPE.add(reason, c.index());
            return "out of scope: " + reason;
        }
        return null;
    }

    @AfterAll
    static void printSummary() {
        REPORT.print(out -> {
            int notCurrent = OUT_OF_SCOPE.count() + RETIRED.count();
            int skipped = notCurrent + NO_BUILDER_API.count();
            out.append(String.format(Locale.ROOT, "model-cases: %d built with builders, %d round-tripped, %d skipped%n",
                    BUILT.get(), ROUND_TRIPPED.get(), skipped));
            out.append(String.format(Locale.ROOT, "  corpus cases: %d; current for the model: %d %s%n",
                    REPORT.casesTotal(), REPORT.casesTotal() - notCurrent, CURRENT_BY_SCOPE));
            OUT_OF_SCOPE.appendTo(out, "skipped, out of scope (neither part runs):");
            RETIRED.appendTo(out,
                    "skipped, retired by Meta (neither part runs; refusal is SendConformanceTest's job):");
            NO_BUILDER_API.appendTo(out, "(a) skipped, no builder API (model gaps?; (b) still round-trips these):");
            REFUSED_BY_BUILDERS.appendTo(out,
                    "(a) refused by the builders as Meta would (validation:* cases; not counted as built):");
        });
    }

    /**
     * What a failing part is remembered by in the summary: the first line of an assertion's description (it says
     * what differs; the JSON follows on later lines), or the exception, on one line and led by the part.
     */
    private static String failureText(Case c, String part, Throwable e) {
        String message = String.valueOf(e.getMessage()).strip();
        String text = e instanceof AssertionError
                ? message.lines().findFirst().orElse("").replaceFirst("^\\[", "")
                : e.getClass().getSimpleName() + ": " + message;
        text = text.replaceAll("\\s+", " ").strip();
        String prefix = c.displayPrefix() + ": ";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        if (!text.startsWith(part)) {
            text = part + " " + text;
        }
        return text;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // (a) built with the builders

    private static void builtWithBuilders(Case c) throws JsonProcessingException {
        JsonNode input = input(c);
        JsonNode expected = expected(c);
        String limit = brokenLimit(c);
        Object model;
        try {
            model = switch (c.scope()) {
                case FULL_BODY -> ModelBuilders.request(input);
                case MESSAGE_ONLY -> ModelBuilders.message(input);
                case BUTTON_ONLY -> ModelBuilders.button(input);
                default -> throw new IllegalStateException("scope " + c.scope());
            };
        } catch (ModelBuilders.NoBuilderApi e) {
            NO_BUILDER_API.add(e.reason(), c.index());
            Assumptions.abort("(a) skipped, no builder API: " + e.getMessage()
                    + " (part (b) still round-trips this case)");
            return;
        } catch (MessengerValidationException e) {
            if (limit == null) {
                throw new AssertionError(c.displayPrefix() + ": the builders refused a current case: "
                        + e.getMessage(), e);
            }
            List<Violation> naming = e.getViolations().stream().filter(v -> v.field().contains(limit)).toList();
            assertThat(naming).as("%s: a violation naming '%s' among %s", c.displayPrefix(), limit,
                    e.getViolations()).isNotEmpty();
            REFUSED_BY_BUILDERS.add(c.features().stream()
                    .filter(f -> f.startsWith("validation:")).findFirst().orElse("validation"), c.index());
            return;
        }
        assertThat(limit).as("%s: the case breaks Meta's limit on '%s' (features %s), yet the builders accepted it",
                c.displayPrefix(), limit, c.features()).isNull();
        JsonNode actual = written(model);
        assertThat((Object) actual).as("%s: (a) JSON written by MessengerJson.mapper() for the model built with the "
                + "builders differs: %s%n  expected: %s%n  written:  %s", c.displayPrefix(),
                differences(expected, actual), expected, actual).isEqualTo(expected);
        BUILT.increment();
    }

    /** The field a {@code validation:*} feature says the case breaks a limit on, or null. */
    private static String brokenLimit(Case c) {
        for (String feature : c.features()) {
            Matcher m = VALIDATION_FEATURE.matcher(feature);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // (b) round trip

    private static void roundTrip(Case c) throws JsonProcessingException {
        JsonNode input = input(c);
        JsonNode expected = expected(c);
        Class<?> type = switch (c.scope()) {
            case FULL_BODY -> SendRequest.class;
            case MESSAGE_ONLY -> Message.class;
            case BUTTON_ONLY -> Button.class;
            default -> throw new IllegalStateException("scope " + c.scope());
        };
        Object model = MessengerJson.mapper().treeToValue(input, type);
        assertThat(model).as("%s: read as %s", c.displayPrefix(), type.getSimpleName()).isInstanceOf(type);
        JsonNode actual = written(model);
        assertThat((Object) actual).as("%s: (b) JSON read into %s and written back by MessengerJson.mapper() "
                + "differs: %s%n  expected: %s%n  written:  %s", c.displayPrefix(),
                type.getSimpleName(), differences(expected, actual), expected, actual).isEqualTo(expected);
        ROUND_TRIPPED.increment();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // input and expected JSON

    /** What the case gives to the model: the request, its message, or its button. */
    private static JsonNode input(Case c) {
        JsonNode input = switch (c.scope()) {
            case FULL_BODY -> c.request();
            case MESSAGE_ONLY -> c.request().get("message");
            case BUTTON_ONLY -> c.request().get("button");
            default -> null;
        };
        assertThat(input).as("%s: the %s case's object", c.displayPrefix(), c.scope()).isNotNull();
        return input;
    }

    /** The input, with numeric recipient identifiers as strings (the model's identifiers are strings). */
    private static JsonNode expected(Case c) {
        JsonNode input = input(c);
        if (!FULL_BODY.equals(c.scope())) {
            return input;
        }
        return ConformanceCorpus.withStringRecipientIds((ObjectNode) input);
    }

    /** Where two JSON trees differ, as paths: what is missing, extra or changed in {@code actual}. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("$", expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            expected.fieldNames().forEachRemaining(name -> {
                if (!actual.has(name)) {
                    out.add("missing " + path + "." + name);
                } else {
                    diff(path + "." + name, expected.get(name), actual.get(name), out);
                }
            });
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    out.add("extra " + path + "." + name + " = " + actual.get(name));
                }
            });
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else {
            out.add("changed " + path + ": expected " + expected + ", written " + actual);
        }
    }

    /** The JSON text MessengerJson.mapper() writes for the model object, parsed like the corpus. */
    private static JsonNode written(Object model) throws JsonProcessingException {
        return PLAIN.readTree(MessengerJson.mapper().writeValueAsString(model));
    }
}
