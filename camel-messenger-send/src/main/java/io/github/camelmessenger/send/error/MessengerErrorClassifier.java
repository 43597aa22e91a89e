package io.github.camelmessenger.send.error;

import java.util.Set;

/**
 * The one place that turns Meta's answer into a {@link FailureKind}: on (HTTP status, code, subcode, is_transient),
 * never on the message text. The table follows Meta's error code reference; see the component docs.
 */
public final class MessengerErrorClassifier {

    private static final int ANY = -1;

    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80001, 80006);
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 341, 1200);
    private static final Set<Integer> TEMPORARY_SUBCODES = Set.of(2018321);
    private static final Set<Integer> AUTHORIZATION_CODES = Set.of(3, 10, 102, 190, 230);

    // (code, subcode) pairs that decide before the code alone does
    private static final long[][] RECIPIENT_PAIRS = {
            { 551, ANY }, { 200, 1545041 }, { 100, 2018001 }, { 10, 2018108 } };
    private static final long[][] POLICY_PAIRS = {
            { 10, 2018278 }, { 10, 2018065 }, { 10, 2534022 }, { 10, 1893063 }, { 613, 2018338 }, { 613, 1893016 } };
    // "invalid JSON reply": Meta may already have delivered the message
    private static final long[][] DELIVERY_UNKNOWN_PAIRS = { { 1, 1357046 } };

    private MessengerErrorClassifier() {
    }

    public static FailureKind classify(int httpStatus, Integer code, Integer subcode, Boolean isTransient) {
        if (code != null) {
            int sub = subcode == null ? 0 : subcode;
            if (matches(DELIVERY_UNKNOWN_PAIRS, code, sub)) {
                return FailureKind.TRANSPORT;
            }
            if (matches(RECIPIENT_PAIRS, code, sub)) {
                return FailureKind.RECIPIENT;
            }
            if (matches(POLICY_PAIRS, code, sub)) {
                return FailureKind.POLICY;
            }
            if (RATE_LIMIT_CODES.contains(code)) {
                return FailureKind.RATE_LIMIT;
            }
            if (TEMPORARY_CODES.contains(code) || TEMPORARY_SUBCODES.contains(sub) || Boolean.TRUE.equals(isTransient)) {
                return FailureKind.TEMPORARY;
            }
            if (AUTHORIZATION_CODES.contains(code) || (code >= 200 && code <= 299)) {
                return FailureKind.AUTHORIZATION;
            }
            if (code == 100) {
                return FailureKind.INVALID_REQUEST;
            }
        } else if (Boolean.TRUE.equals(isTransient)) {
            return FailureKind.TEMPORARY;
        }
        return classifyByStatus(httpStatus);
    }

    /** For answers without a Graph error code (proxies, HTML error pages, unknown codes). */
    public static FailureKind classifyByStatus(int httpStatus) {
        if (httpStatus == 429) {
            return FailureKind.RATE_LIMIT;
        }
        if (httpStatus >= 500) {
            return FailureKind.TEMPORARY;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return FailureKind.AUTHORIZATION;
        }
        return FailureKind.INVALID_REQUEST;
    }

    /** The exception for an error answer; {@code details.graphError()} may be null for non-Graph answers. */
    public static MessengerSendException toException(FailureDetails details) {
        GraphError error = details.graphError();
        FailureKind kind = error == null
                ? classifyByStatus(details.httpStatus())
                : classify(details.httpStatus(), error.code(), error.errorSubcode(), error.isTransient());
        return kind.newException(describe(details), details, null);
    }

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

    private static boolean matches(long[][] pairs, int code, int subcode) {
        for (long[] pair : pairs) {
            if (pair[0] == code && (pair[1] == ANY || pair[1] == subcode)) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
