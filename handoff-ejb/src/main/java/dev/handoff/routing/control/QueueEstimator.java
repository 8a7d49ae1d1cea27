package dev.handoff.routing.control;

import dev.handoff.conversation.control.WaitEstimates;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.platform.RoutingSettings;
import dev.handoff.routing.boundary.RoutingDesk;
import dev.handoff.identity.entity.Agent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 *
 * <p>It answers the conversation's {@link WaitEstimates} port, whose {@link WaitEstimates.Estimate} it returns (ADR 0063).
 */
@Dependent
public class QueueEstimator implements WaitEstimates {

    static final int SAMPLE = 20;
    static final int PRIOR_WEIGHT = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "handoff.routing.default-wait-seconds", defaultValue = "60")
    long defaultWaitSeconds;

    @Inject
    RoutingSettings routingSettings;

    @Inject
    RoutingDesk desk;

    /**
     * Estimates of many queued conversations with one pass over the engine's queues (a supervisor
     * queue of thousands stays linear); those the engine does not hold (not loaded yet, or beyond its
     * queue cap) share one database fallback: the queue, the agents online and the recent waits read
     * once for all of them, not once each (issue 10: 250 such rows each reading 5,000 queued chats
     * kept a server's two cores busy).
     */
    public java.util.Map<String, Estimate> estimates(List<Conversation> conversations) {
        java.util.Map<String, String> skills = new java.util.HashMap<>();
        for (Conversation c : conversations) {
            skills.put(c.getId(), skillOf(c));
        }
        java.util.Map<String, Estimate> estimates = new java.util.HashMap<>();
        desk.estimates(skills).forEach((id, e) -> estimates.put(id, new Estimate(e.position(), e.seconds())));
        Fallback fallback = null;
        String first = null;
        int fellBack = 0;
        for (Conversation c : conversations) {
            if (!estimates.containsKey(c.getId())) {
                fallback = fallback == null ? fallback() : fallback;
                estimates.put(c.getId(), fallback.estimate(c.getId(), skillOf(c)));
                first = first == null ? c.getId() : first;
                fellBack++;
            }
        }
        if (first != null) {
            reportFallback(first, fellBack, conversations.size());
        }
        return estimates;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(QueueEstimator.class.getName());
    private static final java.util.concurrent.atomic.AtomicLong LAST_REPORT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Queued rows the engine has no estimate for cost a read of the whole queue: says so at most once a
     * minute, with one of them, so an operator (or the desk benchmark) sees it (ADR 0064).
     */
    private static void reportFallback(String id, int rows, int of) {
        long now = System.currentTimeMillis();
        long last = LAST_REPORT.get();
        if (now - last < 60_000 || !LAST_REPORT.compareAndSet(last, now)) {
            return;
        }
        LOG.info(() -> String.format(java.util.Locale.ROOT, "%d of %d queued conversations were estimated from the database,"
                + " not by the routing engine, which does not hold them (for example %s)", rows, of, id));
    }

    public Estimate estimate(Conversation conversation) {
        String needed = skillOf(conversation);
        Optional<WaitEstimator.Estimate> live = desk.estimate(conversation.getId(), needed);
        if (live.isPresent()) {
            return new Estimate(live.get().position(), live.get().seconds());
        }
        return fallback().estimate(conversation.getId(), needed);
    }

    private String skillOf(Conversation c) {
        return c.getRequiredSkill() == null ? routingSettings.defaultSkill() : c.getRequiredSkill();
    }

    /** The database's view of the queue, read once: positions by skill, agents online, the recent mean wait. */
    private Fallback fallback() {
        List<Object[]> queued = em.createQuery("SELECT c.id, c.requiredSkill FROM Conversation c"
                + " WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED"
                + " ORDER BY c.priority DESC, c.escalatedAt ASC, c.id ASC", Object[].class).getResultList();
        List<Agent> online = em.createNamedQuery(Agent.FIND_ONLINE, Agent.class)
                .setParameter("seenSince", desk.presenceSeenSince(Instant.now())).getResultList();
        return new Fallback(queued, online, routingSettings.defaultSkill(), meanRecentWait());
    }

    /**
     * The rough estimate from the database (see the class comment), for any number of conversations:
     * position counts the handoffs ahead needing the same skill; the wait is the mean recent wait
     * times the rounds ahead (position over the agents online with the skill).
     */
    static final class Fallback {
        private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> perSkill = new java.util.HashMap<>();
        private final java.util.Map<String, Long> agentsBySkill = new java.util.HashMap<>();
        private final List<Agent> online;
        private final String defaultSkill;
        private final Duration meanWait;

        Fallback(List<Object[]> queuedInOrder, List<Agent> online, String defaultSkill, Duration meanWait) {
            for (Object[] row : queuedInOrder) {
                String skill = row[1] == null ? defaultSkill : (String) row[1];
                int position = perSkill.merge(skill, 1, Integer::sum);
                positions.put((String) row[0], position);
            }
            this.online = online;
            this.defaultSkill = defaultSkill;
            this.meanWait = meanWait;
        }

        Estimate estimate(String id, String skill) {
            Integer position = positions.get(id);
            int p = position != null ? position : perSkill.getOrDefault(skill, 0) + 1;
            long agents = agentsBySkill.computeIfAbsent(skill, s -> online.stream()
                    .filter(a -> s.equals(defaultSkill) || a.proficiencyIn(s) > 0).count());
            return new Estimate(p, waitSeconds(p, agents, meanWait));
        }
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
