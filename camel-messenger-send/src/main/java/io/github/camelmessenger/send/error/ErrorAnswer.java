package io.github.camelmessenger.send.error;

/**
 * What an error classification decides on: the HTTP status of Meta's answer and the {@code code},
 * {@code error_subcode} and {@code is_transient} of its Graph error object (null when Meta did not send them, or sent
 * no error object at all). Never the message text: Meta words it differently from one version to the next.
 */
public record ErrorAnswer(int httpStatus, Integer code, Integer subcode, Boolean isTransient) {

    /** The answer a failure's details describe. */
    public static ErrorAnswer of(FailureDetails details) {
        GraphError error = details.graphError();
        return error == null
                ? new ErrorAnswer(details.httpStatus(), null, null, null)
                : new ErrorAnswer(details.httpStatus(), error.code(), error.errorSubcode(), error.isTransient());
    }

    /** Whether Meta answered this Graph error code, whatever the subcode. */
    public boolean hasCode(int expected) {
        return code != null && code == expected;
    }

    /** Whether Meta answered this Graph error code with this subcode. */
    public boolean hasCode(int expectedCode, int expectedSubcode) {
        return hasCode(expectedCode) && subcode != null && subcode == expectedSubcode;
    }

    /** Whether Meta flagged the error {@code is_transient: true}. */
    public boolean flaggedTransient() {
        return Boolean.TRUE.equals(isTransient);
    }

    @Override
    public String toString() {
        return "HTTP " + httpStatus + (code == null ? " without a Graph error code" : " code " + code)
                + (subcode == null ? "" : "/" + subcode) + (isTransient == null ? "" : " is_transient=" + isTransient);
    }
}
