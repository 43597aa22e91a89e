package io.github.camelmessenger.send;

import java.util.EnumSet;
import java.util.Set;

import io.github.camelmessenger.send.model.event.MessagingEventType;

/**
 * Which event types a webhook endpoint routes (its {@code events} option). Events of a kind this version does not
 * know ({@code unknown}) are always routed.
 */
final class EventTypeFilter {

    private final Set<MessagingEventType> routed;

    private EventTypeFilter(Set<MessagingEventType> routed) {
        this.routed = routed;
    }

    /** The filter of a comma-separated list of type names; an unknown name fails with the list of known ones. */
    static EventTypeFilter of(String events) {
        Set<MessagingEventType> routed = EnumSet.of(MessagingEventType.UNKNOWN);
        if (events != null) {
            for (String name : events.split(",")) {
                if (!name.isBlank()) {
                    routed.add(MessagingEventType.fromWireName(name));
                }
            }
        }
        return new EventTypeFilter(routed);
    }

    boolean routes(MessagingEventType type) {
        return routed.contains(type);
    }
}
