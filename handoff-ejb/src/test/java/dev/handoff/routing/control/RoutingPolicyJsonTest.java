package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPolicyJsonTest {

    @Test
    void aPolicySurvivesTheRoundTrip() {
        RoutingPolicy policy = RoutingPolicy.defaults().withStrategy(RoutingPolicy.Strategy.LEAST_BUSY)
                .withPilotGroup(Set.of(3L, 7L)).withRelatedSkills(Map.of("billing", Set.of("general")))
                .withUnresponsiveOwner(90, RoutingPolicy.UnresponsiveAction.SUPERVISOR)
                .withTeamOwnerReply(Map.of("vip", new RoutingPolicy.OwnerReply(60, RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT)));
        assertEquals(policy, RoutingPolicyJson.read(RoutingPolicyJson.write(policy)));
    }

    @Test
    void aDocumentPublishedBeforeTeamRulesReadsWithNone() {
        String json = RoutingPolicyJson.write(RoutingPolicy.defaults());
        String old = json.replaceAll(",\\s*\"teamOwnerReply\"\\s*:\\s*\\{\\s*}", "");
        assertTrue(!old.contains("teamOwnerReply"), old);
        assertEquals(RoutingPolicy.defaults(), RoutingPolicyJson.read(old));
    }

    @Test
    void teamRulesAreChecked() {
        String json = RoutingPolicyJson.write(RoutingPolicy.defaults().withTeamOwnerReply(
                Map.of("vip", new RoutingPolicy.OwnerReply(60, RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT))));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicyJson.read(json.replace("\"seconds\": 60", "\"seconds\": 90000")));
        assertTrue(tooLong.getMessage().contains("86400"), tooLong.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicyJson.read(json.replace("\"vip\"", "\" \"")));
        assertTrue(blank.getMessage().contains("team name"), blank.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicy.defaults().withTeamOwnerReply(Map.of("x".repeat(65), new RoutingPolicy.OwnerReply(1, null))));
        assertEquals(RoutingPolicy.UnresponsiveAction.REQUEUE_FRONT, new RoutingPolicy.OwnerReply(5, null).action());
    }

    @Test
    void aBadFieldIsNamed() {
        String json = RoutingPolicyJson.write(RoutingPolicy.defaults()).replace("\"offerTimeoutSeconds\": 45", "\"offerTimeoutSeconds\": 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoutingPolicyJson.read(json));
        assertTrue(e.getMessage().contains("offerTimeoutSeconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoutingPolicyJson.read("{not json"));
    }
}
