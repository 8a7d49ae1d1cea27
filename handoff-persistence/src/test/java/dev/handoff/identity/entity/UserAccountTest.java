package dev.handoff.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private static UserAccount user(String username) {
        return new UserAccount(username, "Someone", "hash", Role.AGENT, T0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a1", "42", "bob.smith", "j_doe-2", "x.", "a-"})
    void validUsernames(String username) {
        assertEquals(username, user(username).getUsername());
    }

    @Test
    void usernamesUpToSixtyFourCharacters() {
        assertEquals(64, user("a".repeat(64)).getUsername().length());
        assertThrows(IllegalArgumentException.class, () -> user("a".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a", "Alice", "ALICE", "_alice", ".alice", "-alice", "alice smith", " alice", "alice ",
            "al@ce", "\u00e9mile", "alice\n"})
    void invalidUsernamesAreRejected(String username) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> user(username));

        assertTrue(e.getMessage().startsWith("username must be"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aDisplayNameIsRequired(String displayName) {
        assertThrows(IllegalArgumentException.class, () -> new UserAccount("alice", displayName, "hash", Role.AGENT, T0));
    }

    @Test
    void hashRoleAndTimeAreRequired() {
        assertThrows(NullPointerException.class, () -> new UserAccount("alice", "Alice", null, Role.AGENT, T0));
        assertThrows(NullPointerException.class, () -> new UserAccount("alice", "Alice", "hash", null, T0));
        assertThrows(NullPointerException.class, () -> new UserAccount("alice", "Alice", "hash", Role.AGENT, null));
    }

    @Test
    void aNewUserIsEnabledWithATrimmedDisplayName() {
        UserAccount user = new UserAccount("alice", "  Alice Smith ", "hash", Role.SUPERVISOR, T0);

        assertTrue(user.isEnabled());
        assertEquals("Alice Smith", user.getDisplayName());
        assertEquals(Role.SUPERVISOR, user.getRole());
        assertEquals("supervisor", user.getRole().roleName());
        assertEquals(T0, user.getCreatedAt());
    }

    @Test
    void disableAndEnable() {
        UserAccount user = user("alice");

        user.disable();
        assertFalse(user.isEnabled());
        user.enable();
        assertTrue(user.isEnabled());
    }

    @Test
    void renameTrimsAndRejectsBlank() {
        UserAccount user = user("alice");

        user.rename(" Alice B. ");
        assertEquals("Alice B.", user.getDisplayName());

        assertThrows(IllegalArgumentException.class, () -> user.rename(" "));
        assertThrows(IllegalArgumentException.class, () -> user.rename(null));
        assertEquals("Alice B.", user.getDisplayName());
    }
}
