package dev.handoff.integration.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer records last read per conversation: at most {@code capacity} conversations (the least
 * recently used go first), each fresh for {@code ttl}. An expired entry is still given out (marked
 * stale) so that the panel keeps showing it while a fresh read runs. Thread-safe.
 */
public final class RecordCache {

    /** What the cache holds for a conversation, and whether it should be read again. */
    public record Entry(List<CustomerRecords> records, Instant readAt, boolean stale) {}

    private final int capacity;
    private final Map<String, Entry> entries;

    public RecordCache(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecordCache.this.capacity;
            }
        };
    }

    public synchronized Optional<Entry> get(String conversationId, Instant now, Duration ttl) {
        Entry e = entries.get(conversationId);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(new Entry(e.records(), e.readAt(), !e.readAt().plus(ttl).isAfter(now)));
    }

    public synchronized void put(String conversationId, List<CustomerRecords> records, Instant now) {
        entries.put(conversationId, new Entry(List.copyOf(records), now, false));
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
