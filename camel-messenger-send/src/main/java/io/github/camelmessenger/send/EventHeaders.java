package io.github.camelmessenger.send;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

import io.github.camelmessenger.send.model.event.WebhookEvent;

/**
 * The {@code CamelMessenger*} headers of one webhook event, as a read-only map sorted the way Camel's headers are
 * (case-insensitively), for {@code Message.setHeaders}. The names are always the same, so their order is worked out
 * once; a headers map that copies a sorted map of its own order (Camel's default one does) then links the entries in
 * one pass instead of comparing names for each header. Any other headers map copies it like any map. Headers whose
 * value is null are left out.
 */
final class EventHeaders extends AbstractMap<String, Object> implements SortedMap<String, Object> {

    private static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER;
    private static final String[] NAMES = sorted(MessengerWebhookConstants.EVENT_TYPE,
            MessengerWebhookConstants.EVENT_ID, MessengerWebhookConstants.PAGE_ID,
            MessengerWebhookConstants.RECIPIENT_ID, MessengerWebhookConstants.SENDER_ID,
            MessengerWebhookConstants.EVENT_MESSAGE_ID, MessengerWebhookConstants.EVENT_TEXT,
            MessengerWebhookConstants.PAYLOAD, MessengerWebhookConstants.EVENT_TIMESTAMP,
            MessengerWebhookConstants.PLATFORM);

    private final Object[] values = new Object[NAMES.length];
    private final int size;

    EventHeaders(WebhookEvent event) {
        set(MessengerWebhookConstants.EVENT_TYPE, event.type().wireName());
        set(MessengerWebhookConstants.EVENT_ID, event.eventId());
        set(MessengerWebhookConstants.PAGE_ID, event.pageId());
        set(MessengerWebhookConstants.RECIPIENT_ID, event.replyTargetId());
        set(MessengerWebhookConstants.SENDER_ID, event.senderId());
        set(MessengerWebhookConstants.EVENT_MESSAGE_ID, event.messageId());
        set(MessengerWebhookConstants.EVENT_TEXT, event.text());
        set(MessengerWebhookConstants.PAYLOAD, event.payload());
        set(MessengerWebhookConstants.EVENT_TIMESTAMP, event.timestamp());
        set(MessengerWebhookConstants.PLATFORM, event.platform() == null ? null : event.platform().name());
        int present = 0;
        for (Object value : values) {
            if (value != null) {
                present++;
            }
        }
        this.size = present;
    }

    private static String[] sorted(String... names) {
        String[] copy = names.clone();
        Arrays.sort(copy, ORDER);
        return copy;
    }

    private void set(String name, Object value) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        throw new IllegalArgumentException("Not a header of a webhook event: " + name);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Comparator<? super String> comparator() {
        return ORDER;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = skipNulls(0);

                    @Override
                    public boolean hasNext() {
                        return next < NAMES.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= NAMES.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(NAMES[next], values[next]);
                        next = skipNulls(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int skipNulls(int from) {
        int i = from;
        while (i < NAMES.length && values[i] == null) {
            i++;
        }
        return i;
    }

    @Override
    public SortedMap<String, Object> subMap(String fromKey, String toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, Object> headMap(String toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, Object> tailMap(String fromKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String firstKey() {
        int i = skipNulls(0);
        if (i == NAMES.length) {
            throw new NoSuchElementException();
        }
        return NAMES[i];
    }

    @Override
    public String lastKey() {
        int i = NAMES.length - 1;
        while (i >= 0 && values[i] == null) {
            i--;
        }
        if (i < 0) {
            throw new NoSuchElementException();
        }
        return NAMES[i];
    }
}
