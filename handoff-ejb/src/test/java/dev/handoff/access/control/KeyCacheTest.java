package dev.handoff.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.access.entity.ApiScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
    static final KeyCache.Known BOT = new KeyCache.Known(7, "bot", ApiScope.BOT, false);

    @Test
    void answersUntilTheEntryExpires() {
        KeyCache cache = new KeyCache();
        cache.put("h", BOT, T0, Duration.ofSeconds(5));
        assertEquals(BOT, cache.find("h", T0.plusSeconds(4)).orElseThrow());
        assertTrue(cache.find("h", T0.plusSeconds(5)).isEmpty(), "expired after the TTL, so a revocation elsewhere counts within seconds");
        assertTrue(cache.find("other", T0).isEmpty());
    }

    @Test
    void aRevocationHereIsSeenAtOnce() {
        KeyCache cache = new KeyCache();
        cache.put("h", BOT, T0, Duration.ofSeconds(5));
        cache.invalidate();
        assertTrue(cache.find("h", T0).isEmpty());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        KeyCache cache = new KeyCache();
        cache.put("h", BOT, T0, Duration.ZERO);
        assertTrue(cache.find("h", T0).isEmpty());
    }

    @Test
    void usesAreDrainedOncePerKeyWithTheLatest() {
        KeyCache cache = new KeyCache();
        cache.used(7, T0.plusSeconds(3));
        cache.used(7, T0.plusSeconds(1));
        cache.used(8, T0);
        assertEquals(Map.of(7L, T0.plusSeconds(3), 8L, T0), cache.drainUses());
        assertTrue(cache.drainUses().isEmpty(), "a drained use is written once");
    }

    @Test
    void aFullCacheStartsAgainInsteadOfGrowing() {
        KeyCache cache = new KeyCache();
        for (int i = 0; i < KeyCache.MAX_KEYS + 5; i++) {
            cache.put("h" + i, BOT, T0, Duration.ofSeconds(5));
        }
        assertTrue(cache.find("h0", T0).isEmpty());
        assertTrue(cache.find("h" + (KeyCache.MAX_KEYS + 4), T0).isPresent());
    }
}
