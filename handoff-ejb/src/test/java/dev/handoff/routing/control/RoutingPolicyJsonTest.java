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
                .withUnresponsiveOwner(90, RoutingPolicy.UnresponsiveAction.SUPERVISOR);
        assertEquals(policy, RoutingPolicyJson.read(RoutingPolicyJson.write(policy)));
    }

    @Test
    void aBadFieldIsNamed() {
        String json = RoutingPolicyJson.write(RoutingPolicy.defaults()).replace("\"offerTimeoutSeconds\": 45", "\"offerTimeoutSeconds\": 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoutingPolicyJson.read(json));
        assertTrue(e.getMessage().contains("offerTimeoutSeconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoutingPolicyJson.read("{not json"));
    }
}
