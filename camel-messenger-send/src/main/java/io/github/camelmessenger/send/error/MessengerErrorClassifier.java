package io.github.camelmessenger.send.error;

import java.util.List;
import java.util.Objects;

import static io.github.camelmessenger.send.error.ErrorRule.anyCode;
import static io.github.camelmessenger.send.error.ErrorRule.code;
import static io.github.camelmessenger.send.error.ErrorRule.codeBetween;
import static io.github.camelmessenger.send.error.ErrorRule.flaggedTransient;
import static io.github.camelmessenger.send.error.ErrorRule.otherwise;
import static io.github.camelmessenger.send.error.ErrorRule.status;
import static io.github.camelmessenger.send.error.ErrorRule.statusAtLeast;
import static io.github.camelmessenger.send.error.FailureKind.AUTHORIZATION;
import static io.github.camelmessenger.send.error.FailureKind.INVALID_REQUEST;
import static io.github.camelmessenger.send.error.FailureKind.POLICY;
import static io.github.camelmessenger.send.error.FailureKind.RATE_LIMIT;
import static io.github.camelmessenger.send.error.FailureKind.RECIPIENT;
import static io.github.camelmessenger.send.error.FailureKind.TEMPORARY;
import static io.github.camelmessenger.send.error.FailureKind.TRANSPORT;

/**
 * Turns Meta's error answer into a {@link FailureKind}: on HTTP status, code, subcode and {@code is_transient}, never
 * on the message text.
 * <p>
 * The component classifies with {@link #DEFAULT_RULES}, a table that follows Meta's error code reference. An
 * {@code errorClassifier} bean ({@code errorClassifier=#myRules}) is asked first (after {@link #DELIVERY_UNKNOWN}, which
 * no bean overrides): where it answers null the default rules decide, so a bean needs rules only for the codes it adds or overrides. {@link MessengerErrorRules} is such a
 * bean, made of {@link ErrorRule}s; a lambda is another:
 *
 * <pre>
 * MessengerErrorClassifier myRules = answer -&gt; answer.hasCode(10, 2018999) ? FailureKind.POLICY : null;
 * </pre>
 */
@FunctionalInterface
public interface MessengerErrorClassifier {

    /**
     * "Received Invalid JSON reply" (1/1357046): Meta may have delivered the message, so a retry may send it twice.
     * Decided before any {@code errorClassifier} bean: no rule may make it retriable.
     */
    ErrorRule DELIVERY_UNKNOWN = code(1).subcode(1357046).is(TRANSPORT);

    /**
     * Meta's error reference as a table, evaluated in order, first match wins: specific (code, subcode) pairs before
     * the code alone, then {@code is_transient}, then the HTTP status for answers without a code the table knows.
     */
    List<ErrorRule> DEFAULT_RULES = List.of(
            DELIVERY_UNKNOWN,

            // the person is unknown, has blocked the Page or cannot be reached right now
            code(551).is(RECIPIENT),
            code(200).subcode(1545041).is(RECIPIENT),
            code(100).subcode(2018001).is(RECIPIENT),
            code(10).subcode(2018108).is(RECIPIENT),

            // outside the messaging window, tag not allowed, Page restricted; 613 with these subcodes is final
            code(10).subcode(2018278, 2018065, 2534022, 1893063).is(POLICY),
            code(613).subcode(2018338, 1893016).is(POLICY),

            // application, user and Page call limits; too many messages to one person
            code(4, 17, 32, 613, 80001, 80006).is(RATE_LIMIT),

            // passing failures on Meta's side
            code(1, 2, 341, 1200).is(TEMPORARY),
            anyCode().subcode(2018321).is(TEMPORARY),
            flaggedTransient().is(TEMPORARY),

            // invalid or expired token, missing permission (200-299 are permission errors)
            code(3, 10, 102, 190, 230).is(AUTHORIZATION),
            codeBetween(200, 299).is(AUTHORIZATION),

            // invalid parameter: the request itself is wrong
            code(100).is(INVALID_REQUEST),

            // no Graph error code, or one this table does not know: the HTTP status decides
            status(429).is(RATE_LIMIT),
            statusAtLeast(500).is(TEMPORARY),
            status(401, 403).is(AUTHORIZATION),
            otherwise().is(INVALID_REQUEST));

    /**
     * The kind of failure the answer means, or null when this classifier has no rule for it (the component's default
     * rules then decide).
     */
    FailureKind classify(ErrorAnswer answer);

    /** The component's classification, {@link #DEFAULT_RULES}: decides every answer, never null. */
    static MessengerErrorClassifier defaults() {
        return answer -> ErrorRule.firstMatch(DEFAULT_RULES, answer);
    }

    /** This classifier, and the other one for the answers this one has no rule for. */
    default MessengerErrorClassifier orElse(MessengerErrorClassifier other) {
        Objects.requireNonNull(other, "other");
        return answer -> {
            FailureKind kind = classify(answer);
            return kind != null ? kind : other.classify(answer);
        };
    }
}
