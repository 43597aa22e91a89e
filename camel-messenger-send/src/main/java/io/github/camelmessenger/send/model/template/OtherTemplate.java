package io.github.camelmessenger.send.model.template;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.camelmessenger.send.model.PassThroughFields;

/**
 * A template the model has no class for (for example the marketing messages opt-in request), read from JSON and
 * written back unchanged.
 */
public final class OtherTemplate extends PassThroughFields implements TemplatePayload {

    @Override
    @JsonIgnore
    public String templateType() {
        return Objects.toString(fields().get("template_type"), null);
    }
}
