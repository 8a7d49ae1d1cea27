package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which triggers of a set would hand chats to a skill nobody on the team has: such handoffs wait in
 * the queue until someone with that skill is added. Only enabled standalone triggers escalate, and
 * a trigger routes by its first skill ({@code general} when it names none). Pure.
 */
public final class SkillCoverage {

    private SkillCoverage() {}

    /**
     * @param staffed the skills (lower case) that at least one active agent has, including the default
     *                skill every agent takes when there is at least one active agent
     * @return one warning per trigger whose routing skill is not staffed, in the set's order
     */
    public static List<String> warnings(TriggerSetDocument document, Set<String> staffed) {
        List<String> warnings = new ArrayList<>();
        for (TriggerSetDocument.TriggerSpec t : document.triggersOrEmpty()) {
            if (!t.isEnabled() || !t.isStandalone()) {
                continue;
            }
            String skill = t.firstSkill().strip().toLowerCase(Locale.ROOT);
            if (!staffed.contains(skill)) {
                warnings.add("Trigger '" + t.name() + "' routes to skill '" + skill + "', which no agent has: "
                        + "its handoffs will wait in the queue until someone with that skill is added");
            }
        }
        return warnings;
    }
}
