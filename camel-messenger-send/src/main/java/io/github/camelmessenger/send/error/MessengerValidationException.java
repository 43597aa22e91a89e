package io.github.camelmessenger.send.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request was refused before sending: it breaks one of Meta's documented limits or rules, or a header or option
 * has a value the component does not know. Nothing was sent; fix whatever produced the message.
 */
public class MessengerValidationException extends MessengerSendException {

    private final List<Violation> violations;

    public MessengerValidationException(List<Violation> violations) {
        super(describe(violations), FailureDetails.NONE, null);
        this.violations = List.copyOf(violations);
    }

    public MessengerValidationException(String field, String problem) {
        this(List.of(new Violation(field, problem)));
    }

    /** The request could not be built at all, for example a body of a type that cannot be read. */
    public MessengerValidationException(String field, String problem, Throwable cause) {
        super(describe(List.of(new Violation(field, problem))), FailureDetails.NONE, cause);
        this.violations = List.of(new Violation(field, problem));
    }

    /** Every rule the request broke, in the order found. */
    public List<Violation> getViolations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return "Messenger send refused before sending: " + violations.stream()
                .map(Violation::toString)
                .collect(Collectors.joining("; "));
    }

    /**
     * One broken rule: the field (a JSON path such as {@code message.quick_replies[2].title}, or a header or option
     * name) and what is wrong with it.
     */
    public record Violation(String field, String problem) {
        @Override
        public String toString() {
            return field + ": " + problem;
        }
    }
}
