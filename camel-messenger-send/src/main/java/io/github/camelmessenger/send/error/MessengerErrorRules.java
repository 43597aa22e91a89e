package io.github.camelmessenger.send.error;

import java.util.List;

/**
 * An {@code errorClassifier} made of rules, evaluated in order, first match wins; answers none of them matches are
 * left to the component's {@link MessengerErrorClassifier#DEFAULT_RULES}. So a new Meta code, or another reading of a
 * known one, needs one rule and no new release.
 * <p>
 * In Java: {@code MessengerErrorRules.of(ErrorRule.code(10).subcode(2018999).is(FailureKind.POLICY))}. As a bean of
 * YAML routes or properties, with the rules as text: {@code rules = "131000=TEMPORARY, 10/2018999=POLICY"} (see
 * {@link ErrorRule#parseAll(String)}).
 */
public class MessengerErrorRules implements MessengerErrorClassifier {

    private volatile List<ErrorRule> rules;

    /** No rules yet: set them with {@link #setRules(String)}. */
    public MessengerErrorRules() {
        this(List.of());
    }

    public MessengerErrorRules(List<ErrorRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static MessengerErrorRules of(ErrorRule... rules) {
        return new MessengerErrorRules(List.of(rules));
    }

    /**
     * The rules as text, separated by commas, semicolons or line breaks: {@code code=KIND} or
     * {@code code/subcode=KIND}, such as {@code 131000=TEMPORARY, 10/2018999=POLICY}. Replaces the rules there were.
     *
     * @throws IllegalArgumentException when an entry is no rule
     */
    public void setRules(String rules) {
        this.rules = ErrorRule.parseAll(rules);
    }

    /** The rules, in the order they are evaluated. */
    public List<ErrorRule> rules() {
        return rules;
    }

    @Override
    public FailureKind classify(ErrorAnswer answer) {
        return ErrorRule.firstMatch(rules, answer);
    }

    @Override
    public String toString() {
        return "MessengerErrorRules" + rules;
    }
}
