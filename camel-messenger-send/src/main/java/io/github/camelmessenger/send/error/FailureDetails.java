package io.github.camelmessenger.send.error;

import java.time.Duration;

/**
 * What is known of a failed call: HTTP status, Meta's error object, the suggested delay and the answer's text.
 */
public record FailureDetails(int httpStatus, String httpStatusText, GraphError graphError, Duration retryAfter,
        String responseBody) {

    public static final FailureDetails NONE = new FailureDetails(0, null, null, null, null);
}
