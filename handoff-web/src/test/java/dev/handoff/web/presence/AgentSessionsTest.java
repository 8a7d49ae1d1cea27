package dev.handoff.web.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {

    static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void offlineOnlyWhenTheLastSessionCloses() {
        AgentSessions s = new AgentSessions();
        s.opened("alice", "s1", T0);
        s.opened("alice", "s2", T0);
        assertFalse(s.closed("alice", "s1"), "another tab is still open");
        assertTrue(s.closed("alice", "s2"));
        assertFalse(s.closed("alice", "s2"), "closing twice is harmless");
        assertFalse(s.closed("bob", "x"), "unknown sessions are ignored");
    }

    @Test
    void idleAgentsGoAwayOnceAndComeBackOnActivity() {
        AgentSessions s = new AgentSessions();
        s.opened("alice", "s1", T0);
        s.opened("bob", "s2", T0.plusSeconds(500));
        assertEquals(List.of("alice"), s.idleSince(T0.plusSeconds(600), Duration.ofSeconds(600)));
        s.markedAway("alice", T0.plusSeconds(600));
        assertTrue(s.idleSince(T0.plusSeconds(601), Duration.ofSeconds(600)).isEmpty(), "not reported twice");
        assertTrue(s.active("alice", T0.plusSeconds(700)), "an automatic away ends with activity");
        assertFalse(s.active("bob", T0.plusSeconds(700)), "bob was never set away");
        assertTrue(s.idleSince(T0.plusSeconds(10_000), Duration.ZERO).isEmpty(), "0 turns auto-away off");
    }

    @Test
    void aRenamedSessionIsStillTheSameSession() {
        AgentSessions s = new AgentSessions();
        s.opened("bob", "before-login", T0);
        s.renamed("before-login", "after-login");
        assertFalse(s.closed("bob", "before-login"), "the old id is gone");
        assertTrue(s.closed("bob", "after-login"));
    }
}
