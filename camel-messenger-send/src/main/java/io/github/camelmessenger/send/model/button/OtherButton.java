package io.github.camelmessenger.send.model.button;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.camelmessenger.send.model.PassThroughFields;

/**
 * A button of a type the model has no class for, read from JSON and written back unchanged. The validator refuses
 * the types Meta retired.
 */
public final class OtherButton extends PassThroughFields implements Button {

    @Override
    @JsonIgnore
    public String type() {
        return Objects.toString(fields().get("type"), null);
    }
}
