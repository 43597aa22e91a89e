package io.github.camelmessenger.send;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default repository of a webhook endpoint's event ids: the last {@code capacity} ids added, in memory. When it
 * is full, adding an id forgets the oldest one. One lock around an insertion-ordered map, so an add or a remove is a
 * hash lookup and a link; ids are never read back in order other than to drop the oldest.
 */
final class RecentEventIds extends ServiceSupport implements IdempotentRepository {

    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("The capacity must be positive");
        }
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean add(String key) {
        return ids.putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public synchronized boolean contains(String key) {
        return ids.containsKey(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        return ids.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        ids.clear();
    }

    synchronized int size() {
        return ids.size();
    }
}
