package dev.handoff.escalation.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The verdict on one message: escalate or not, and every trigger that fired. */
public record Decision(List<TriggerFiring> firings) {

    public static final Decision NONE = new Decision(List.of());

    public Decision {
        firings = List.copyOf(firings);
    }

    public boolean escalate() {
        return !firings.isEmpty();
    }

    /** The most urgent firing decides the skill and the priority of the handoff. */
    public Optional<TriggerFiring> leading() {
        return firings.stream().max(Comparator.comparingInt(TriggerFiring::priority));
    }

    /** The skill of the most specific trigger (one that names a skill other than the default). */
    public Optional<String> skill(String defaultSkill) {
        return firings.stream()
                .sorted(Comparator.comparingInt(TriggerFiring::priority).reversed())
                .map(TriggerFiring::skill)
                .filter(s -> s != null && !s.equals(defaultSkill))
                .findFirst()
                .or(() -> leading().map(TriggerFiring::skill));
    }

    public int priority() {
        return leading().map(TriggerFiring::priority).orElse(0);
    }

    /** Why, in people's words, most urgent first: "asked for a person; billing dispute: charged twice". */
    public String summary() {
        return firings.stream().sorted(Comparator.comparingInt(TriggerFiring::priority).reversed())
                .map(TriggerFiring::reason).distinct().reduce((a, b) -> a + "; " + b)
                .map(s -> s.length() <= 1000 ? s : s.substring(0, 999) + "…").orElse("");
    }
}
