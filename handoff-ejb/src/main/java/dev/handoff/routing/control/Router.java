package dev.handoff.routing.control;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the agent to offer a queued handoff to. The foundation ships {@link SkillRouter}; the
 * routing engine replaces it behind this interface.
 */
public interface Router {

    /**
     * @param skill the skill the handoff needs
     * @param excluded agents who already declined or let an offer for this handoff expire
     */
    Optional<Candidate> choose(String skill, Collection<Candidate> candidates, Set<Long> excluded);
}
