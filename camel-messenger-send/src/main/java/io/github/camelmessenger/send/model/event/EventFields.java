package io.github.camelmessenger.send.model.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The immutable forms the event records store. Jackson hands the records the fields it found no component for, in
 * their order; they are kept as read and written back unchanged.
 */
final class EventFields {

    private EventFields() {
    }

    static Map<String, Object> unknown(Map<String, Object> fields) {
        return fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(fields);
    }

    // a copy that, unlike List.copyOf, accepts the null items a payload may hold
    static <T> List<T> list(List<T> items) {
        return items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
