package dev.handoff.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.routing.boundary.RoutingPolicyService.PolicyVersion;
import dev.handoff.routing.control.RoutingPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the live pilot began: the oldest version of the newest run that has the live pilot group. */
class PilotStartTest {

    static PolicyVersion version(int no, Set<Long> pilot) {
        return new PolicyVersion(no, RoutingPolicy.defaults().withPilotGroup(pilot), no == 4 ? "PUBLISHED" : "RETIRED", "admin",
                Instant.parse("2026-11-0" + no + "T09:00:00Z"), null);
    }

    @Test
    void theVersionThatPublishedTheLiveGroup() {
        // 4 changed something else, 3 published the group {1, 2}, 2 had another group, 1 none
        List<PolicyVersion> newestFirst = List.of(version(4, Set.of(1L, 2L)), version(3, Set.of(2L, 1L)), version(2, Set.of(1L)),
                version(1, Set.of()));
        PolicyVersion start = PolicyVersion.pilotStart(newestFirst).orElseThrow();
        assertEquals(3, start.versionNo());
        assertEquals(Instant.parse("2026-11-03T09:00:00Z"), start.publishedAt());
    }

    @Test
    void noPilotWhenTheLiveVersionHasNoGroup() {
        assertTrue(PolicyVersion.pilotStart(List.of(version(4, Set.of()), version(3, Set.of(1L)))).isEmpty());
        assertTrue(PolicyVersion.pilotStart(List.of()).isEmpty());
    }

    @Test
    void aGroupPublishedFromTheStartBeganWithTheFirstVersion() {
        assertEquals(1, PolicyVersion.pilotStart(List.of(version(4, Set.of(7L)), version(1, Set.of(7L)))).orElseThrow().versionNo());
    }
}
