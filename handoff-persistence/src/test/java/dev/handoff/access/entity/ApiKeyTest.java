package dev.handoff.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final String HASH = "a".repeat(64);

    private static ApiKey key(String name) {
        return new ApiKey(name, "hk_Ab3xY", HASH, ApiScope.BOT, "admin", T0);
    }

    @Test
    void aNewKeyIsActiveAndUnused() {
        ApiKey key = key(" Support bot ");

        assertEquals("Support bot", key.getName());
        assertEquals("hk_Ab3xY", key.getKeyPrefix());
        assertEquals(ApiScope.BOT, key.getScope());
        assertEquals("admin", key.getCreatedBy());
        assertEquals(T0, key.getCreatedAt());
        assertFalse(key.isRevoked());
        assertNull(key.getLastUsedAt());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aNameIsRequired(String name) {
        assertThrows(IllegalArgumentException.class, () -> key(name));
    }

    @Test
    void namesUpTo120Characters() {
        assertEquals(120, key("n".repeat(120)).getName().length());
        assertThrows(IllegalArgumentException.class, () -> key("n".repeat(121)));
    }

    @Test
    void prefixHashScopeCreatorAndTimeAreRequired() {
        assertThrows(NullPointerException.class, () -> new ApiKey("k", null, HASH, ApiScope.BOT, "admin", T0));
        assertThrows(NullPointerException.class, () -> new ApiKey("k", "hk_", null, ApiScope.BOT, "admin", T0));
        assertThrows(NullPointerException.class, () -> new ApiKey("k", "hk_", HASH, null, "admin", T0));
        assertThrows(NullPointerException.class, () -> new ApiKey("k", "hk_", HASH, ApiScope.BOT, null, T0));
        assertThrows(NullPointerException.class, () -> new ApiKey("k", "hk_", HASH, ApiScope.BOT, "admin", null));
    }

    @Test
    void revokeRecordsWhoAndWhen() {
        ApiKey key = key("bot");

        key.revoke("carol", T0.plusSeconds(60));

        assertTrue(key.isRevoked());
        assertEquals("carol", key.getRevokedBy());
        assertEquals(T0.plusSeconds(60), key.getRevokedAt());
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocation() {
        ApiKey key = key("bot");
        key.revoke("carol", T0.plusSeconds(60));

        key.revoke("dave", T0.plusSeconds(120));

        assertEquals("carol", key.getRevokedBy());
        assertEquals(T0.plusSeconds(60), key.getRevokedAt());
    }

    @Test
    void theFirstUseIsRecorded() {
        ApiKey key = key("bot");

        assertTrue(key.touch(T0));
        assertEquals(T0, key.getLastUsedAt());
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        ApiKey key = key("bot");
        key.touch(T0);

        assertFalse(key.touch(T0));
        assertFalse(key.touch(T0.plusSeconds(30)));
        assertFalse(key.touch(T0.plusMillis(59_999)));
        assertEquals(T0, key.getLastUsedAt());

        assertTrue(key.touch(T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(60), key.getLastUsedAt());

        assertFalse(key.touch(T0.plusSeconds(90)));
        assertTrue(key.touch(T0.plusSeconds(121)));
        assertEquals(T0.plusSeconds(121), key.getLastUsedAt());
    }

    @Test
    void aClockGoingBackwardsDoesNotRecordUse() {
        ApiKey key = key("bot");
        key.touch(T0);

        assertFalse(key.touch(T0.minusSeconds(3600)));
        assertEquals(T0, key.getLastUsedAt());
    }
}
