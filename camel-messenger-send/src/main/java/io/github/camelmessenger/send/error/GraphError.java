package io.github.camelmessenger.send.error;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code error} object of a Graph API error answer, with every field Meta documents. Serializable, as the
 * exceptions that carry it are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphError(
        @JsonProperty("message") String message,
        @JsonProperty("type") String type,
        @JsonProperty("code") Integer code,
        @JsonProperty("error_subcode") Integer errorSubcode,
        @JsonProperty("error_user_title") String errorUserTitle,
        @JsonProperty("error_user_msg") String errorUserMsg,
        @JsonProperty("is_transient") Boolean isTransient,
        @JsonProperty("fbtrace_id") String fbtraceId) implements Serializable {

    @JsonCreator
    public GraphError {
    }
}
