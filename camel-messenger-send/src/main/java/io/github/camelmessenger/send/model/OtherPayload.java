package io.github.camelmessenger.send.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The payload of an attachment type the model has no class for, read from JSON: kept as it is and written back
 * unchanged.
 */
public final class OtherPayload implements AttachmentPayload {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    void set(String name, Object value) {
        fields.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OtherPayload other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
