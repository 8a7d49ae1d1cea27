package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillCoverageTest {

    private static final TriggerSetDocument SET = DefaultTriggerSet.parse("""
            {"format": "handoff.trigger-set/1", "name": "t", "triggers": [
              {"name": "human", "kind": "phrase", "phrases": ["talk to a person"], "skills": ["general"]},
              {"name": "security", "kind": "phrase", "phrases": ["hacked"], "skills": ["Security", "general"]},
              {"name": "legal", "kind": "phrase", "phrases": ["lawyer"], "skills": ["legal"], "enabled": false},
              {"name": "vip", "kind": "customer", "tiers": ["gold"], "skills": ["accounts"], "standalone": false},
              {"name": "unsure", "kind": "botFailure", "minConfidence": 0.3},
              {"name": "billing", "kind": "phrase", "phrases": ["refund"], "skills": ["billing", "security"]}
            ]}""");

    @Test
    void warnsOnceForEachEnabledStandaloneTriggerWhoseRoutingSkillNobodyHas() {
        List<String> warnings = SkillCoverage.warnings(SET, Set.of("general", "billing"));
        assertEquals(List.of("Trigger 'security' routes to skill 'security', which no agent has: "
                + "its handoffs will wait in the queue until someone with that skill is added"), warnings);
    }

    @Test
    void disabledAndCombinationOnlyTriggersAndLaterSkillsDoNotCount() {
        assertTrue(SkillCoverage.warnings(SET, Set.of("general", "billing", "security")).isEmpty(),
                "legal is disabled, accounts only feeds combinations, billing's second skill is not used for routing");
    }

    @Test
    void withNobodyActiveEveryEscalatingTriggerWarnsIncludingTheDefaultSkill() {
        List<String> warnings = SkillCoverage.warnings(SET, Set.of());
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(2).startsWith("Trigger 'unsure' routes to skill 'general'"), warnings.toString());
    }
}
