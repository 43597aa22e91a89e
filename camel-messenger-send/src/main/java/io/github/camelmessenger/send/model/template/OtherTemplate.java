package io.github.camelmessenger.send.model.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A template the model has no class for (for example the marketing messages opt-in request), read from JSON: its
 * fields are kept as they are and written back unchanged.
 */
public final class OtherTemplate implements TemplatePayload {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @Override
    @JsonIgnore
    public String templateType() {
        return Objects.toString(fields.get("template_type"), null);
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
        return o instanceof OtherTemplate other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
