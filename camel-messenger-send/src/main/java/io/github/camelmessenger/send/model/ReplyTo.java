package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The message a send replies to ({@code reply_to.mid}).
 */
public record ReplyTo(@JsonProperty("mid") String mid) {

    @JsonCreator
    public ReplyTo {
    }
}
