package dev.handoff.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final UserAccount user = new UserAccount("alice", "Alice", "hash", Role.AGENT, T0);

    private Agent agent(int capacity, Map<String, Integer> skills) {
        return new Agent(user, capacity, skills);
    }

    @Test
    void aNewAgentIsOfflineWithTheirSkills() {
        Agent agent = agent(3, Map.of("billing", 5));

        assertEquals(Presence.OFFLINE, agent.getPresence());
        assertEquals(3, agent.getMaxConcurrentChats());
        assertEquals(Map.of("billing", 5), agent.getSkills());
        assertEquals("alice", agent.getUsername());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 20})
    void capacityFromOneToTwentyIsAccepted(int capacity) {
        assertEquals(capacity, agent(capacity, Map.of()).getMaxConcurrentChats());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 21, 100})
    void capacityOutsideOneToTwentyIsRejected(int capacity) {
        assertThrows(IllegalArgumentException.class, () -> agent(capacity, Map.of()));
        Agent agent = agent(3, Map.of());
        assertThrows(IllegalArgumentException.class, () -> agent.changeCapacity(capacity));
        assertEquals(3, agent.getMaxConcurrentChats());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            billing     | billing
            Billing     | billing
            '  VIP  '   | vip
            Tier 2      | tier 2
            api_v2      | api_v2
            after-sales | after-sales
            9to5        | 9to5
            """)
    void skillNamesAreTrimmedAndLowerCased(String name, String normalized) {
        assertEquals(normalized, Agent.normalizeSkill(name));
        assertEquals(Map.of(normalized, 4), agent(3, Map.of(name, 4)).getSkills());
    }

    @Test
    void skillNamesUpToSixtyFourCharacters() {
        assertEquals("a".repeat(64), Agent.normalizeSkill("A".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Agent.normalizeSkill("a".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "_billing", "-billing", " billing!", "caf\u00e9", "a/b", "a:b"})
    void badSkillNamesAreRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> Agent.normalizeSkill(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void proficiencyFromOneToFiveIsAccepted(int level) {
        assertEquals(level, agent(3, Map.of("billing", level)).proficiencyIn("billing"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 6, 10})
    void proficiencyOutsideOneToFiveIsRejected(int level) {
        assertThrows(IllegalArgumentException.class, () -> agent(3, Map.of("billing", level)));
    }

    @Test
    void aMissingProficiencyIsRejected() {
        Map<String, Integer> skills = new HashMap<>();
        skills.put("billing", null);

        assertThrows(IllegalArgumentException.class, () -> agent(3, skills));
    }

    @Test
    void replacingSkillsReplacesAll() {
        Agent agent = agent(3, Map.of("billing", 5, "general", 3));

        agent.replaceSkills(Map.of("Sales", 2));

        assertEquals(Map.of("sales", 2), agent.getSkills());
        assertEquals(0, agent.proficiencyIn("billing"));
    }

    @Test
    void aRejectedReplacementKeepsTheOldSkills() {
        Agent agent = agent(3, Map.of("billing", 5));

        assertThrows(IllegalArgumentException.class, () -> agent.replaceSkills(Map.of("sales", 2, "general", 9)));

        assertEquals(Map.of("billing", 5), agent.getSkills());
    }

    @Test
    void skillsCannotBeChangedFromOutside() {
        Agent agent = agent(3, Map.of("billing", 5));

        assertThrows(UnsupportedOperationException.class, () -> agent.getSkills().put("sales", 1));
    }

    @Test
    void proficiencyInAnUnknownOrMissingSkillIsZero() {
        Agent agent = agent(3, Map.of("billing", 5));

        assertEquals(0, agent.proficiencyIn("sales"));
        assertEquals(0, agent.proficiencyIn(null));
    }

    @Test
    void onlineAndEnabledIsAvailable() {
        Agent agent = agent(3, Map.of());
        assertFalse(agent.isAvailable());

        agent.changePresence(Presence.ONLINE);
        assertTrue(agent.isAvailable());

        user.disable();
        assertFalse(agent.isAvailable());

        user.enable();
        assertTrue(agent.isAvailable());
    }

    @ParameterizedTest
    @EnumSource(value = Presence.class, names = {"AWAY", "OFFLINE"})
    void awayOrOfflineIsNotAvailable(Presence presence) {
        Agent agent = agent(3, Map.of());
        agent.changePresence(Presence.ONLINE);

        agent.changePresence(presence);

        assertFalse(agent.isAvailable());
    }

    @Test
    void presenceIsRequired() {
        Agent agent = agent(3, Map.of());

        assertThrows(NullPointerException.class, () -> agent.changePresence(null));
        assertEquals(Presence.OFFLINE, agent.getPresence());
    }

    @Test
    void presenceWithoutAHeartbeatSinceTheCutoffCountsAsOffline() {
        Agent agent = agent(3, Map.of());
        Instant t0 = Instant.parse("2026-12-03T06:00:00Z");
        agent.changePresence(Presence.ONLINE);
        assertEquals(Presence.OFFLINE, agent.presenceSeenSince(t0), "online but never seen: a ghost");

        agent.changePresence(Presence.ONLINE, t0);
        assertEquals(Presence.ONLINE, agent.presenceSeenSince(t0));
        assertEquals(Presence.ONLINE, agent.presenceSeenSince(t0.minusSeconds(90)));
        assertEquals(Presence.OFFLINE, agent.presenceSeenSince(t0.plusSeconds(1)), "no heartbeat since the cutoff");

        agent.seen(t0.plusSeconds(60));
        agent.seen(t0.plusSeconds(30));
        assertEquals(t0.plusSeconds(60), agent.getPresenceSeenAt(), "a late heartbeat never moves it back");
        assertEquals(Presence.ONLINE, agent.presenceSeenSince(t0.plusSeconds(60)));
    }

    @Test
    void aUserIsRequired() {
        assertThrows(NullPointerException.class, () -> new Agent(null, 3, Map.of()));
    }

    @Test
    void assignedRecordsTheTime() {
        Agent agent = agent(3, Map.of());

        agent.assigned(T0);

        assertEquals(T0, agent.getLastAssignedAt());
    }
}
