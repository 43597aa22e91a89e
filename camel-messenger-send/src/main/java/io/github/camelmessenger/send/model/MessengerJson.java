package io.github.camelmessenger.send.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson mapper the component uses for the Send API. The model classes carry their own naming and inclusion
 * annotations, so any mapper (Camel's {@code marshal().json()} too) writes the same JSON; this one only adds
 * leniency towards fields Meta adds to its answers.
 */
public final class MessengerJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MessengerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
