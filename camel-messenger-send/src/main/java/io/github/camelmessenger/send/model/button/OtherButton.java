package io.github.camelmessenger.send.model.button;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A button of a type the model has no class for, read from JSON: its fields are kept as they are, so it is written
 * back unchanged. The validator refuses the types Meta retired.
 */
public final class OtherButton implements Button {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @Override
    @JsonIgnore
    public String type() {
        return Objects.toString(fields.get("type"), null);
    }

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
        return o instanceof OtherButton other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
