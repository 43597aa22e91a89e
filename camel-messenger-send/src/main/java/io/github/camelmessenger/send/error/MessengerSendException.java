package io.github.camelmessenger.send.error;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * The base of every failure of a Messenger send. Subclasses say what a route should do; the fields keep everything
 * Meta answered. No message of this class ever contains the access token or the app secret.
 */
public class MessengerSendException extends RuntimeCamelException implements HttpResponseAware {

    private int httpResponseCode;
    private String httpResponseStatus;
    private final GraphError graphError;
    private final Duration retryAfter;
    private final String responseBody;
    private final FailureKind failureKind;

    public MessengerSendException(String message, FailureDetails details, Throwable cause) {
        this(message, details, cause, null);
    }

    /** A failure of a kind: the kind says whether a retry is sensible. */
    protected MessengerSendException(String message, FailureDetails details, Throwable cause, FailureKind failureKind) {
        super(message, cause);
        FailureDetails d = details == null ? FailureDetails.NONE : details;
        this.httpResponseCode = d.httpStatus();
        this.httpResponseStatus = d.httpStatusText();
        this.graphError = d.graphError();
        this.retryAfter = d.retryAfter();
        this.responseBody = d.responseBody();
        this.failureKind = failureKind;
    }

    /** Whether sending the same request again later is sensible: what the failure's kind says. */
    public boolean isRetriable() {
        return failureKind != null && failureKind.isRetriable();
    }

    /**
     * The decision this failure asks of the route; null for a failure before sending
     * ({@link MessengerValidationException}).
     */
    public FailureKind getFailureKind() {
        return failureKind;
    }

    /** HTTP status of Meta's answer; 0 when no answer was read. */
    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }

    /** The decoded {@code error} object, or null when Meta's answer had none. */
    public GraphError getGraphError() {
        return graphError;
    }

    public Integer getCode() {
        return graphError == null ? null : graphError.code();
    }

    public Integer getErrorSubcode() {
        return graphError == null ? null : graphError.errorSubcode();
    }

    public String getType() {
        return graphError == null ? null : graphError.type();
    }

    public String getFbtraceId() {
        return graphError == null ? null : graphError.fbtraceId();
    }

    public String getErrorUserTitle() {
        return graphError == null ? null : graphError.errorUserTitle();
    }

    public String getErrorUserMsg() {
        return graphError == null ? null : graphError.errorUserMsg();
    }

    /** Meta's {@code is_transient}, or null when not given. */
    public Boolean getIsTransient() {
        return graphError == null ? null : graphError.isTransient();
    }

    /**
     * How long Meta suggests to wait before calling again for this Page ({@code estimated_time_to_regain_access} of
     * {@code X-Business-Use-Case-Usage}), or null when Meta gave no estimate.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Meta's answer as text (secrets removed, cut to a few kilobytes), or null when none was read. */
    public String getResponseBody() {
        return responseBody;
    }
}
