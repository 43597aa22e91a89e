package io.github.camelmessenger.send.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One row of an error classification table: a condition on Meta's answer (Graph code, subcode, HTTP status,
 * {@code is_transient}) and the {@link FailureKind} it means. Rows are built to read like Meta's error reference:
 *
 * <pre>
 * ErrorRule.code(10).subcode(2018108).is(FailureKind.RECIPIENT)
 * ErrorRule.code(4, 17, 32, 613).is(FailureKind.RATE_LIMIT)
 * ErrorRule.status(429).is(FailureKind.RATE_LIMIT)
 * </pre>
 *
 * or parsed from text ({@code 10/2018108=RECIPIENT}) with {@link #parse(String)}.
 */
public final class ErrorRule {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*(?:/\\s*(\\d{1,9})\\s*)?=\\s*(\\w+)\\s*");

    private final Condition condition;
    private final FailureKind kind;

    private ErrorRule(Condition condition, FailureKind kind) {
        this.condition = condition;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Meta answered one of these Graph error codes. */
    public static Condition code(int... codes) {
        Set<Integer> set = Arrays.stream(codes).boxed().collect(Collectors.toUnmodifiableSet());
        return new Condition("code " + list(codes), answer -> answer.code() != null && set.contains(answer.code()));
    }

    /** Meta answered a Graph error code between these two, both included. */
    public static Condition codeBetween(int from, int to) {
        return new Condition("code " + from + ".." + to,
                answer -> answer.code() != null && answer.code() >= from && answer.code() <= to);
    }

    /** Meta answered a Graph error code, whichever. */
    public static Condition anyCode() {
        return new Condition("any code", answer -> answer.code() != null);
    }

    /** Meta flagged the error {@code is_transient: true}. */
    public static Condition flaggedTransient() {
        return new Condition("is_transient", ErrorAnswer::flaggedTransient);
    }

    /** The answer has one of these HTTP statuses. */
    public static Condition status(int... statuses) {
        Set<Integer> set = Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet());
        return new Condition("HTTP " + list(statuses), answer -> set.contains(answer.httpStatus()));
    }

    /** The answer has this HTTP status or a higher one. */
    public static Condition statusAtLeast(int status) {
        return new Condition("HTTP >= " + status, answer -> answer.httpStatus() >= status);
    }

    /** Every answer: the last row of a table that decides every answer. */
    public static Condition otherwise() {
        return new Condition("otherwise", answer -> true);
    }

    /**
     * A rule from text: {@code code=KIND} or {@code code/subcode=KIND}, such as {@code 131000=TEMPORARY} or
     * {@code 10/2018999=POLICY}; KIND is a {@link FailureKind} name, in any case.
     *
     * @throws IllegalArgumentException when the text is no such rule
     */
    public static ErrorRule parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an error rule: '" + text + "'; expected code=KIND or "
                    + "code/subcode=KIND, such as 10/2018999=POLICY");
        }
        FailureKind kind;
        try {
            kind = FailureKind.valueOf(m.group(3).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an error rule: '" + text.strip() + "'; " + m.group(3)
                    + " is none of " + Arrays.toString(FailureKind.values()), e);
        }
        Condition condition = code(Integer.parseInt(m.group(1)));
        return (m.group(2) == null ? condition : condition.subcode(Integer.parseInt(m.group(2)))).is(kind);
    }

    /**
     * Rules from text, separated by commas, semicolons or line breaks: {@code 131000=TEMPORARY, 10/2018999=POLICY}.
     *
     * @throws IllegalArgumentException when one of them is no rule
     */
    public static List<ErrorRule> parseAll(String text) {
        List<ErrorRule> rules = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split("[,;\\r\\n]+")) {
                if (!entry.isBlank()) {
                    rules.add(parse(entry));
                }
            }
        }
        return List.copyOf(rules);
    }

    /** The kind of the first rule that matches the answer, or null when none does. */
    public static FailureKind firstMatch(List<ErrorRule> rules, ErrorAnswer answer) {
        for (ErrorRule rule : rules) {
            if (rule.matches(answer)) {
                return rule.kind();
            }
        }
        return null;
    }

    public boolean matches(ErrorAnswer answer) {
        return condition.test.test(answer);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The rule as a row of the table, such as {@code code 10, subcode 2018108 -> RECIPIENT}. */
    @Override
    public String toString() {
        return condition.text + " -> " + kind;
    }

    private static String list(int[] values) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The condition of a rule being built; {@link #is(FailureKind)} completes the rule. */
    public static final class Condition {

        private final String text;
        private final Predicate<ErrorAnswer> test;

        private Condition(String text, Predicate<ErrorAnswer> test) {
            this.text = text;
            this.test = test;
        }

        /** And the answer has one of these {@code error_subcode}s. */
        public Condition subcode(int... subcodes) {
            Set<Integer> set = Arrays.stream(subcodes).boxed().collect(Collectors.toUnmodifiableSet());
            return new Condition(text + ", subcode " + list(subcodes),
                    test.and(answer -> answer.subcode() != null && set.contains(answer.subcode())));
        }

        /** The rule: answers that meet this condition are failures of this kind. */
        public ErrorRule is(FailureKind kind) {
            return new ErrorRule(this, kind);
        }
    }
}
