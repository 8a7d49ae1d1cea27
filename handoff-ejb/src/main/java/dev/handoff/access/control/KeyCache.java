package dev.handoff.access.control;

import dev.handoff.access.entity.ApiScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API key filter needs to know about a key, kept in memory for a few seconds so that a
 * request costs no database round trip; and each key's latest use, written to the database in
 * batches (see {@code KeyUseRecorder}). A revocation clears the cache on this server at once;
 * another server of a cluster sees it when its entry expires ({@code handoff.api.key-cache-seconds}).
 * Unknown secrets are never cached, so guessing keys cannot fill the memory.
 */
@ApplicationScoped
public class KeyCache {

    /** A known key: its id, name and scope, and whether it is revoked. */
    public record Known(long keyId, String keyName, ApiScope scope, boolean revoked) {}

    private record Entry(Known key, Instant expires) {}

    /** At most this many keys are held; past it the cache starts again empty. */
    static final int MAX_KEYS = 10_000;

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Map<Long, Instant> pendingUses = new ConcurrentHashMap<>();

    public Optional<Known> find(String hash, Instant now) {
        Entry entry = byHash.get(hash);
        if (entry == null || !now.isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    public void put(String hash, Known key, Instant now, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (byHash.size() >= MAX_KEYS) {
            byHash.clear();
        }
        byHash.put(hash, new Entry(key, now.plus(ttl)));
    }

    /** A key was revoked (or issued): every server-local answer is asked again. */
    public void invalidate() {
        byHash.clear();
    }

    /** Remembers that a key was used now; the recorder writes it later. */
    public void used(long keyId, Instant now) {
        pendingUses.merge(keyId, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The uses not yet written, each key's latest; they are removed from the cache. */
    public Map<Long, Instant> drainUses() {
        Map<Long, Instant> drained = new HashMap<>();
        for (Long id : pendingUses.keySet()) {
            Instant at = pendingUses.remove(id);
            if (at != null) {
                drained.put(id, at);
            }
        }
        return drained;
    }
}
