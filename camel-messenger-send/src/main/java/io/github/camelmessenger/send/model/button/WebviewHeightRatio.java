package io.github.camelmessenger.send.model.button;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much of the screen the webview of a URL button takes.
 */
public enum WebviewHeightRatio {
    COMPACT, TALL, FULL;

    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static WebviewHeightRatio fromWireValue(String value) {
        return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
