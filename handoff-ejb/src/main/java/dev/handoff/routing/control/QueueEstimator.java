package dev.handoff.routing.control;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.routing.boundary.RoutingDesk;
import dev.handoff.routing.entity.Agent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queue position and estimated wait of a queued conversation: from the routing engine (its place in
 * its skill's queue and {@link WaitEstimator}, see docs/routing.md) while the engine holds it.
 *
 * <p>Until the engine has loaded the conversation, a rough fallback from the database: position counts the handoffs needing
 * the same skill that are ahead of it (higher priority, or same priority and escalated earlier).
 * The wait is the mean time-to-accept of the last 20 accepted handoffs, with the configured default
 * counted as {@value #PRIOR_WEIGHT} extra samples so a handful of instant accepts cannot promise
 * "1 second"; times the number of "rounds" ahead: position divided by the agents online with the
 * skill, rounded up.
 */
@Dependent
public class QueueEstimator {

    static final int SAMPLE = 20;
    static final int PRIOR_WEIGHT = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "handoff.routing.default-wait-seconds", defaultValue = "60")
    long defaultWaitSeconds;

    @Inject
    RoutingSettings routingSettings;

    public record Estimate(int position, long waitSeconds) {}

    @Inject
    RoutingDesk desk;

    /**
     * Estimates of many queued conversations with one pass over the engine's queues (a supervisor
     * queue of thousands stays linear); the database fallback only for those the engine does not hold.
     */
    public java.util.Map<String, Estimate> estimates(List<Conversation> conversations) {
        java.util.Map<String, String> skills = new java.util.HashMap<>();
        for (Conversation c : conversations) {
            skills.put(c.getId(), c.getRequiredSkill() == null ? routingSettings.defaultSkill() : c.getRequiredSkill());
        }
        java.util.Map<String, Estimate> estimates = new java.util.HashMap<>();
        desk.estimates(skills).forEach((id, e) -> estimates.put(id, new Estimate(e.position(), e.seconds())));
        for (Conversation c : conversations) {
            if (!estimates.containsKey(c.getId())) {
                estimates.put(c.getId(), estimate(c));
            }
        }
        return estimates;
    }

    public Estimate estimate(Conversation conversation) {
        String needed = conversation.getRequiredSkill() == null ? routingSettings.defaultSkill() : conversation.getRequiredSkill();
        Optional<WaitEstimator.Estimate> live = desk.estimate(conversation.getId(), needed);
        if (live.isPresent()) {
            return new Estimate(live.get().position(), live.get().seconds());
        }
        List<Conversation> queued = em.createNamedQuery(Conversation.FIND_QUEUED, Conversation.class).getResultList();
        int position = 1;
        for (Conversation other : queued) {
            if (other.getId().equals(conversation.getId())) {
                break;
            }
            if (Objects.equals(other.getRequiredSkill(), conversation.getRequiredSkill())) {
                position++;
            }
        }
        String skill = conversation.getRequiredSkill() == null ? routingSettings.defaultSkill() : conversation.getRequiredSkill();
        long agents = em.createNamedQuery(Agent.FIND_ONLINE, Agent.class)
                .setParameter("seenSince", desk.presenceSeenSince(Instant.now())).getResultStream()
                .filter(a -> skill.equals(routingSettings.defaultSkill()) || a.proficiencyIn(skill) > 0)
                .count();
        return new Estimate(position, waitSeconds(position, agents, meanRecentWait()));
    }

    static long waitSeconds(int position, long agentsOnline, Duration meanWait) {
        long rounds = (position + Math.max(agentsOnline, 1) - 1) / Math.max(agentsOnline, 1);
        return Math.max(1, meanWait.toSeconds()) * rounds;
    }

    private Duration meanRecentWait() {
        List<Conversation> recent = em.createNamedQuery(Conversation.FIND_RECENTLY_ACCEPTED, Conversation.class)
                .setMaxResults(SAMPLE)
                .getResultList();
        long[] waits = recent.stream()
                // both ends of the wait: a chat this transaction read while it was queued comes back from the query as that
                // instance, without the accept time another agent's accept gave it meanwhile; it failed the whole inbox (ADR 0041)
                .filter(c -> c.getEscalatedAt() != null && c.getAcceptedAt() != null)
                .mapToLong(c -> Duration.between(c.getEscalatedAt(), c.getAcceptedAt()).toMillis())
                .toArray();
        return meanWithPrior(waits, Duration.ofSeconds(defaultWaitSeconds));
    }

    /** The mean of the observed waits, with the prior counted as {@value #PRIOR_WEIGHT} samples. */
    static Duration meanWithPrior(long[] waitMillis, Duration prior) {
        long total = prior.toMillis() * PRIOR_WEIGHT;
        for (long w : waitMillis) {
            total += Math.max(0, w);
        }
        return Duration.ofMillis(total / (waitMillis.length + PRIOR_WEIGHT));
    }
}
