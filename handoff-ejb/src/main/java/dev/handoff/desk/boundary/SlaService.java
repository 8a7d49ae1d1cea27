package dev.handoff.desk.boundary;

import dev.handoff.conversation.boundary.SlaTimer;
import dev.handoff.conversation.control.SlaTimers;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.desk.control.SlaPolicy;
import dev.handoff.desk.entity.SlaBreach;
import dev.handoff.platform.events.SlaBreached;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ownership service levels: the timers of each owned chat (for the inbox and the supervisor's
 * view), and a sweep, run by {@link SlaClock}, that records every newly missed target once and tells
 * supervisors and the owner live.
 */
@Stateless
@LocalBean
@Local(SlaTimers.class)
public class SlaService implements SlaTimers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<SlaBreached> breached;

    @Inject
    @ConfigProperty(name = "handoff.sla.first-response-seconds", defaultValue = "120")
    long firstResponseSeconds;

    @Inject
    @ConfigProperty(name = "handoff.sla.update-seconds", defaultValue = "300")
    long updateSeconds;

    @Inject
    @ConfigProperty(name = "handoff.sla.resolution-seconds", defaultValue = "1800")
    long resolutionSeconds;

    /** A breach as supervisors see it. */
    public record BreachView(String conversationId, String customer, String kind, String agent, Instant dueAt, Instant detectedAt) {}

    public SlaPolicy policy() {
        return new SlaPolicy(Duration.ofSeconds(firstResponseSeconds), Duration.ofSeconds(updateSeconds), Duration.ofSeconds(resolutionSeconds));
    }

    @Override
    public List<SlaTimer> timers(Conversation c) {
        return policy().timers(c.getOwnedSince(), c.getFirstResponseAt(), c.getLastAgentMessageAt(), clock.instant());
    }

    /**
     * Records the targets missed since the last sweep; returns how many. Two reads whatever the number of
     * owned chats: their clocks (columns, not entities) and the breaches already recorded for them. It ran
     * every five seconds with every owned chat as an entity and one existence query per missed target, so
     * a desk of 500 agents sitting on answered-late chats paid 500 queries a sweep, forever.
     */
    public int sweep() {
        Instant now = clock.instant();
        SlaPolicy policy = policy();
        List<Object[]> owned = em.createQuery("SELECT c.id, c.ownedSince, c.firstResponseAt, c.lastAgentMessageAt, u.username"
                + " FROM Conversation c JOIN c.assignedAgent a JOIN a.user u"
                + " WHERE c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED", Object[].class).getResultList();
        if (owned.isEmpty()) {
            return 0;
        }
        java.util.Set<String> recorded = new java.util.HashSet<>();
        em.createQuery("SELECT b.conversationId, b.kind, b.dueAt FROM SlaBreach b, Conversation c WHERE c.id = b.conversationId"
                        + " AND c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED", Object[].class)
                .getResultStream().forEach(b -> recorded.add(breachKey((String) b[0], (String) b[1], (Instant) b[2])));
        int found = 0;
        for (Object[] c : owned) {
            String id = (String) c[0];
            for (SlaTimer t : policy.timers((Instant) c[1], (Instant) c[2], (Instant) c[3], now)) {
                if (t.breached() && recorded.add(breachKey(id, t.kind(), t.dueAt()))) {
                    String owner = (String) c[4];
                    em.persist(new SlaBreach(id, t.kind(), owner, t.dueAt(), now));
                    breached.fire(new SlaBreached(id, t.kind(), owner));
                    found++;
                }
            }
        }
        if (found > 0) {
            em.flush();
        }
        return found;
    }

    /** The unique key of a breach; the column holds microseconds. */
    static String breachKey(String conversationId, String kind, Instant dueAt) {
        return conversationId + '|' + kind + '|' + dueAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The latest breaches with their customers' names: two queries, not two per breach. */
    public List<BreachView> recentBreaches(int max) {
        List<SlaBreach> recent = em.createNamedQuery(SlaBreach.FIND_RECENT, SlaBreach.class).setMaxResults(max).getResultList();
        if (recent.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, String> customers = new java.util.HashMap<>();
        em.createQuery("SELECT c.id, c.customer.name, c.customer.externalId FROM Conversation c WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", recent.stream().map(SlaBreach::getConversationId).distinct().toList())
                .getResultStream()
                .forEach(row -> customers.put((String) row[0], row[1] == null ? (String) row[2] : (String) row[1]));
        return recent.stream()
                .map(b -> new BreachView(b.getConversationId(), customers.getOrDefault(b.getConversationId(), "?"), b.getKind(), b.getAgent(),
                        b.getDueAt(), b.getDetectedAt()))
                .toList();
    }

    /**
     * Owned chats whose next SLA target is missed or due within {@code within}: one count, the same
     * test as the smallest of {@link #timers}' {@code left} being under {@code within}.
     */
    public int atRisk(Duration within) {
        Instant horizon = clock.instant().plus(within);
        SlaPolicy policy = policy();
        return em.createQuery("SELECT COUNT(c) FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED"
                        + " AND c.ownedSince IS NOT NULL AND ((c.firstResponseAt IS NULL AND c.ownedSince < :firstResponse)"
                        + " OR (c.firstResponseAt IS NOT NULL AND COALESCE(c.lastAgentMessageAt, c.firstResponseAt) < :update)"
                        + " OR c.ownedSince < :resolution)", Long.class)
                .setParameter("firstResponse", horizon.minus(policy.firstResponse()))
                .setParameter("update", horizon.minus(policy.update()))
                .setParameter("resolution", horizon.minus(policy.resolution()))
                .getSingleResult().intValue();
    }
}
