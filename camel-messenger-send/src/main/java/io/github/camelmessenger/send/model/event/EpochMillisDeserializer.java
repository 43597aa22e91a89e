package io.github.camelmessenger.send.model.event;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a timestamp or watermark into epoch milliseconds by the rules of {@link EpochMillis}; a value that is not a
 * time (an object, a word) reads as null instead of failing the event.
 */
final class EpochMillisDeserializer extends StdScalarDeserializer<Long> {

    private static final long serialVersionUID = 1L;

    EpochMillisDeserializer() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        switch (p.currentTokenId()) {
            case JsonTokenId.ID_NUMBER_INT :
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? EpochMillis.fromDecimal(p.getDecimalValue())
                        : Long.valueOf(EpochMillis.fromNumber(p.getLongValue()));
            case JsonTokenId.ID_NUMBER_FLOAT :
                return EpochMillis.fromDecimal(p.getDecimalValue());
            case JsonTokenId.ID_STRING :
                return EpochMillis.fromText(p.getText());
            case JsonTokenId.ID_START_OBJECT :
            case JsonTokenId.ID_START_ARRAY :
                p.skipChildren();
                return null;
            default :
                return null;
        }
    }
}
