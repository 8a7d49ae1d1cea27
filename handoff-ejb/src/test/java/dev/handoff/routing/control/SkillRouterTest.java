package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillRouterTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final SkillRouter router = new SkillRouter("general");

    private static Candidate agent(long id, Map<String, Integer> skills, int capacity, int active, int pending,
            Instant lastAssignedAt) {
        return new Candidate(id, "agent" + id, true, skills, capacity, active, pending, lastAssignedAt);
    }

    private static Candidate agent(long id, Map<String, Integer> skills) {
        return agent(id, skills, 3, 0, 0, null);
    }

    private Optional<Long> choose(String skill, List<Candidate> candidates) {
        return choose(skill, candidates, Set.of());
    }

    private Optional<Long> choose(String skill, List<Candidate> candidates, Set<Long> excluded) {
        return router.choose(skill, candidates, excluded).map(Candidate::agentId);
    }

    @Test
    void onlyAgentsWithTheSkillAreChosen() {
        List<Candidate> candidates = List.of(agent(1, Map.of("general", 5)), agent(2, Map.of("billing", 1)));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void nobodyWithTheSkillMeansNoChoice() {
        List<Candidate> candidates = List.of(agent(1, Map.of("general", 5)), agent(2, Map.of("sales", 4)));

        assertEquals(Optional.empty(), choose("billing", candidates));
    }

    @Test
    void noCandidatesMeansNoChoice() {
        assertEquals(Optional.empty(), choose("general", List.of()));
    }

    @Test
    void theMostProficientWinsEvenWhenBusier() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 3), 4, 0, 0, null),
                agent(2, Map.of("billing", 5), 4, 3, 0, T0));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void fullAgentsAreSkipped() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 5), 2, 2, 0, null),
                agent(2, Map.of("billing", 2), 2, 1, 0, null));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void pendingOffersCountTowardsCapacity() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 5), 2, 1, 1, null),
                agent(2, Map.of("billing", 2), 2, 0, 1, null));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void everyoneFullMeansNoChoice() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 5), 1, 1, 0, null),
                agent(2, Map.of("billing", 5), 3, 1, 2, null));

        assertEquals(Optional.empty(), choose("billing", candidates));
    }

    @Test
    void equalProficiencyPrefersTheLowerLoadRatio() {
        // 2 of 8 (25%) beats 1 of 2 (50%) although it has more chats in absolute terms.
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 4), 2, 1, 0, null),
                agent(2, Map.of("billing", 4), 8, 1, 1, T0));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void equalRatioPrefersWhoeverWaitedLongest() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 4), 4, 1, 0, T0.plusSeconds(60)),
                agent(2, Map.of("billing", 4), 4, 1, 0, T0),
                agent(3, Map.of("billing", 4), 4, 1, 0, T0.plusSeconds(30)));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void neverAssignedComesBeforeAnyAssignment() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 4), 4, 0, 0, T0.minusSeconds(86_400 * 365L)),
                agent(2, Map.of("billing", 4), 4, 0, 0, null));

        assertEquals(Optional.of(2L), choose("billing", candidates));
    }

    @Test
    void unavailableAgentsAreSkipped() {
        Candidate away = new Candidate(1, "away", false, Map.of("billing", 5), 5, 0, 0, null);
        Candidate online = agent(2, Map.of("billing", 1), 5, 4, 0, T0);

        assertEquals(Optional.of(2L), choose("billing", List.of(away, online)));
        assertEquals(Optional.empty(), choose("billing", List.of(away)));
    }

    @Test
    void excludedAgentsAreSkipped() {
        List<Candidate> candidates = List.of(agent(1, Map.of("billing", 5)), agent(2, Map.of("billing", 3)),
                agent(3, Map.of("billing", 1)));

        assertEquals(Optional.of(2L), choose("billing", candidates, Set.of(1L)));
        assertEquals(Optional.of(3L), choose("billing", candidates, Set.of(1L, 2L)));
        assertEquals(Optional.empty(), choose("billing", candidates, Set.of(1L, 2L, 3L)));
    }

    @Test
    void theDefaultSkillIsAcceptedByAnyAgent() {
        List<Candidate> candidates = List.of(agent(1, Map.of("billing", 5)));

        assertEquals(Optional.of(1L), choose("general", candidates));
    }

    @Test
    void aMissingSkillMeansTheDefault() {
        List<Candidate> candidates = List.of(agent(1, Map.of()));

        assertEquals(Optional.of(1L), choose(null, candidates));
    }

    @Test
    void forTheDefaultSkillADeclaredProficiencyStillCounts() {
        List<Candidate> candidates = List.of(
                agent(1, Map.of("billing", 5), 5, 0, 0, null),
                agent(2, Map.of("general", 2), 5, 4, 0, T0));

        assertEquals(Optional.of(2L), choose("general", candidates));
    }

    @Test
    void theDefaultSkillIsConfigurable() {
        SkillRouter salesFirst = new SkillRouter("sales");
        List<Candidate> candidates = List.of(agent(1, Map.of("billing", 2)));

        assertEquals(Optional.of(1L), salesFirst.choose("sales", candidates, Set.of()).map(Candidate::agentId));
        assertEquals(Optional.empty(), salesFirst.choose("general", candidates, Set.of()));
    }

    @Test
    void candidateLoadAndRoom() {
        Candidate c = agent(1, Map.of("billing", 3), 3, 1, 1, null);

        assertEquals(2, c.load());
        assertTrue(c.hasRoom());
        assertEquals(3, c.proficiency("billing"));
        assertEquals(0, c.proficiency("sales"));
        assertEquals(0, c.proficiency(null));
    }
}
