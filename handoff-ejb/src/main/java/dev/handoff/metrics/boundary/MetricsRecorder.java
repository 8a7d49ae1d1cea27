package dev.handoff.metrics.boundary;

import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.metrics.control.Deltas;
import dev.handoff.metrics.control.Facts;
import dev.handoff.metrics.control.MetricsSettings;
import dev.handoff.metrics.control.Occupancy;
import dev.handoff.metrics.control.Rollup;
import dev.handoff.metrics.control.RollupStore;
import dev.handoff.metrics.entity.MetricConversation;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.PresenceChanged;
import dev.handoff.platform.events.SlaBreached;
import dev.handoff.identity.entity.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the KPI roll-ups: every {@link DomainEvent} updates its conversation's row in
 * {@code metric_conversation} and adds to the counters of {@code metric_daily} and
 * {@code metric_trigger_daily}, in the transaction that made the change (IN_PROGRESS), so the
 * roll-ups hold exactly what committed. A conversation that started before the roll-ups existed
 * gets its row (and its "started") from the stored conversation at its next event.
 */
@ApplicationScoped
public class MetricsRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    RollupStore store;

    @Inject
    MetricsSettings settings;

    @Inject
    @ConfigProperty(name = "handoff.presence.ttl-seconds", defaultValue = "120")
    long presenceTtlSeconds;

    void record(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        String id = event.conversationId();
        if (id == null) {
            return;
        }
        Rollup rollup = new Rollup(settings.ttaTargetSeconds(), this::teamOf);
        Deltas deltas = new Deltas();
        MetricConversation row = em.find(MetricConversation.class, id);
        boolean fresh = row == null;
        Facts facts;
        if (fresh) {
            if (event instanceof ConversationStarted s) {
                facts = rollup.start(id, s.channel(), s.at(), deltas);
            } else {
                Conversation c = em.find(Conversation.class, id);
                if (c == null) {
                    return;
                }
                facts = rollup.start(id, c.getChannel(), c.getCreatedAt(), deltas);
            }
            row = new MetricConversation(id);
        } else {
            facts = facts(row);
        }
        if (event instanceof Accepted && facts.predictedWaitSeconds == null) {
            Conversation c = em.find(Conversation.class, id);
            if (c != null) {
                facts.predictedWaitSeconds = c.getPredictedWaitSeconds();
            }
        }
        deltas.addAll(rollup.apply(facts, event));
        copy(facts, row);
        if (fresh) {
            em.persist(row);
        }
        store.add(deltas);
    }

    /**
     * A person's message (author AGENT: the owner or a supervisor): the conversation's first response,
     * counted once (ADR 0034). The time is the message's own.
     */
    void messagePosted(@Observes(during = TransactionPhase.IN_PROGRESS) MessagePosted posted) {
        if (posted.author() != Author.AGENT || posted.conversationId() == null) {
            return;
        }
        MetricConversation row = em.find(MetricConversation.class, posted.conversationId());
        if (row == null || row.getEscalatedAt() == null || row.getFirstResponseSeconds() != null) {
            return;
        }
        Instant at = em.createQuery("SELECT m.createdAt FROM Message m WHERE m.conversation.id = :id AND m.seq = :seq", Instant.class)
                .setParameter("id", posted.conversationId()).setParameter("seq", posted.seq())
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultStream().findFirst().orElse(null);
        Facts facts = facts(row);
        Deltas deltas = new Rollup(settings.ttaTargetSeconds()).firstResponse(facts, at);
        if (!deltas.isEmpty()) {
            copy(facts, row);
            store.add(deltas);
        }
    }

    /**
     * An agent's presence changed: the interval that ends now is added to their occupancy (capped at
     * the last heartbeat + the presence time-to-live when the heartbeats had stopped), and the new one
     * is opened with the agent's capacity now.
     */
    void presenceChanged(@Observes(during = TransactionPhase.IN_PROGRESS) PresenceChanged changed) {
        if (changed.username() == null || changed.at() == null) {
            return;
        }
        String agent = new Occupancy.Open(changed.username().strip(), null, changed.at(), 0).agent();
        Deltas deltas = Occupancy.close(store.openPresence(agent).orElse(null), changed.at(), changed.seenBefore(),
                Duration.ofSeconds(Math.max(1, presenceTtlSeconds)));
        int capacity = em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", changed.username())
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultStream().findFirst().map(Agent::getMaxConcurrentChats).orElse(0);
        store.openPresence(new Occupancy.Open(agent, changed.presence(), changed.at(), capacity));
        store.add(deltas);
    }

    void breached(@Observes(during = TransactionPhase.IN_PROGRESS) SlaBreached breach) {
        MetricConversation row = em.find(MetricConversation.class, breach.conversationId());
        if (row == null) {
            return;
        }
        Facts facts = facts(row);
        Deltas deltas = new Rollup(settings.ttaTargetSeconds()).breach(facts, breach.kind());
        if (!deltas.isEmpty()) {
            copy(facts, row);
            store.add(deltas);
        }
    }

    /**
     * The agent's team now (as set on Admin → Users & agents), null for none or an unknown agent.
     * Read without flushing the accepting transaction's changes first (FlushModeType.COMMIT): the team
     * is not among them, and the accept's own flush keeps its place (ADR 0007).
     */
    String teamOf(String username) {
        if (username == null) {
            return null;
        }
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultStream().findFirst().map(Agent::getTeam).orElse(null);
    }

    static Facts facts(MetricConversation row) {
        Facts f = new Facts();
        f.conversationId = row.getConversationId();
        f.day = row.getDay();
        f.channel = row.getChannel();
        f.skill = row.getSkill();
        f.trigger = row.getTrigger();
        f.team = row.getTeam();
        f.firstAgent = row.getFirstAgent();
        f.startedAt = row.getStartedAt();
        f.escalatedAt = row.getEscalatedAt();
        f.acceptedAt = row.getAcceptedAt();
        f.waitSeconds = row.getWaitSeconds();
        f.predictedWaitSeconds = row.getPredictedWaitSeconds();
        f.agent = row.getAgent();
        f.outcome = row.getOutcome();
        f.abandonedWaitSeconds = row.getAbandonedWaitSeconds();
        f.csat = row.getCsat();
        f.csatHuman = row.isCsatHuman();
        f.transfers = row.getTransfers();
        f.notNeeded = row.isNotNeeded();
        f.breaches = row.getBreaches();
        f.firstResponseSeconds = row.getFirstResponseSeconds();
        f.owner = row.getOwner();
        f.ownedSince = row.getOwnedSince();
        return f;
    }

    public static void copy(Facts f, MetricConversation row) {
        row.setDay(f.day);
        row.setChannel(f.channel);
        row.setSkill(f.skill);
        row.setTrigger(f.trigger);
        row.setTeam(f.team);
        row.setFirstAgent(f.firstAgent);
        row.setStartedAt(f.startedAt);
        row.setEscalatedAt(f.escalatedAt);
        row.setAcceptedAt(f.acceptedAt);
        row.setWaitSeconds(f.waitSeconds);
        row.setPredictedWaitSeconds(f.predictedWaitSeconds);
        row.setAgent(f.agent);
        row.setOutcome(f.outcome);
        row.setAbandonedWaitSeconds(f.abandonedWaitSeconds);
        row.setCsat(f.csat);
        row.setCsatHuman(f.csatHuman);
        row.setTransfers(f.transfers);
        row.setNotNeeded(f.notNeeded);
        row.setBreaches(f.breaches);
        row.setFirstResponseSeconds(f.firstResponseSeconds);
        row.setOwner(f.owner);
        row.setOwnedSince(f.ownedSince);
    }
}
