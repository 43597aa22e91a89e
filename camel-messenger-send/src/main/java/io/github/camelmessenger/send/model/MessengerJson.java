package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The Jackson mapper the component uses for the Send API. The model classes carry their own naming and inclusion
 * annotations, so any mapper (Camel's {@code marshal().json()} too) writes the same JSON; this one adds leniency
 * towards fields Meta adds to its answers, and keeps decimal numbers exact.
 */
public final class MessengerJson {

    // decimals are kept exactly as given (a receipt's 75.00 stays 75.00), never passed through double
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private MessengerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
