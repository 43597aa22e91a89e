package io.github.camelmessenger.send.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A JSON object the model has no class for, read from JSON: every field is kept as it is and written back unchanged.
 */
public abstract class PassThroughFields {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** The fields as read, in their order. */
    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    protected void set(String name, Object value) {
        fields.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && fields.equals(((PassThroughFields) o).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
