package dev.handoff.routing.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * An available agent with the needed skill and spare capacity: the most proficient first, then the
 * least loaded relative to capacity, then whoever has waited longest since their last chat.
 * The default skill ("general") is something every agent can take.
 */
public class SkillRouter implements Router {

    private final String defaultSkill;

    public SkillRouter(String defaultSkill) {
        this.defaultSkill = defaultSkill;
    }

    @Override
    public Optional<Candidate> choose(String skill, Collection<Candidate> candidates, Set<Long> excluded) {
        String needed = skill == null ? defaultSkill : skill;
        return candidates.stream()
                .filter(Candidate::available)
                .filter(Candidate::hasRoom)
                .filter(c -> !excluded.contains(c.agentId()))
                .filter(c -> c.proficiency(needed) > 0 || needed.equals(defaultSkill))
                .min(Comparator.comparingInt((Candidate c) -> -c.proficiency(needed))
                        .thenComparingDouble(c -> (double) c.load() / c.capacity())
                        .thenComparing(c -> c.lastAssignedAt() == null ? Instant.MIN : c.lastAssignedAt()));
    }
}
