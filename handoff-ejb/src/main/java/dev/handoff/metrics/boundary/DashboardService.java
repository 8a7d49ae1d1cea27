package dev.handoff.metrics.boundary;

import dev.handoff.metrics.control.AgentMeasures;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Measures;
import dev.handoff.metrics.control.MetricsSettings;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.RollupStore;
import dev.handoff.metrics.entity.MetricConversation;
import dev.handoff.platform.Callers;
import dev.handoff.platform.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The KPI dashboards: every figure is computed from the roll-up rows of the period and the previous
 * period of the same length (a few thousand rows at most, whatever the number of conversations);
 * the drill-down lists the conversations behind a figure from {@code metric_conversation}.
 */
@Stateless
@DeclareRoles({Callers.ADMIN, Callers.SUPERVISOR, Callers.AGENT})
public class DashboardService {

    public static final int DRILL_LIMIT = 500;
    /** The longest period a dashboard covers (days). */
    public static final int MAX_DAYS = 366;

    /** Which conversations behind a figure: all started, escalated, abandoned, flagged "not needed", rated. */
    public enum Drill { STARTED, ESCALATED, ABANDONED, NOT_NEEDED, RATED, SLOW }

    /** One conversation behind a figure. */
    public record Row(String conversationId, LocalDate day, String channel, String skill, String trigger, String team, Instant startedAt,
                      Instant escalatedAt, Long waitSeconds, Long predictedWaitSeconds, String agent, String outcome,
                      Integer csat, boolean notNeeded, int transfers, boolean history) implements java.io.Serializable {}

    /** The values each filter can take: those seen in the roll-ups. */
    public record Dimensions(List<String> skills, List<String> channels, List<String> triggers, List<String> teams)
            implements java.io.Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    RollupStore store;

    @Inject
    MetricsSettings settings;

    @Resource
    SessionContext session;

    public Overview overview(Filter filter) {
        LocalDate from = filter.previous().from();
        return new Measures(settings.trainingShare()).overview(filter, store.daily(from, filter.to()), store.triggers(from, filter.to()));
    }

    /** The period against another one of the same dimensions (the quarterly report: a quarter and the one before). */
    public Overview overview(Filter filter, Filter previous) {
        LocalDate from = previous.from().isBefore(filter.from()) ? previous.from() : filter.from();
        LocalDate to = previous.to().isAfter(filter.to()) ? previous.to() : filter.to();
        return new Measures(settings.trainingShare()).overview(filter, previous, store.daily(from, to), store.triggers(from, to));
    }

    /**
     * The caller's own dashboard: the conversations they first accepted, started {@code from} to
     * {@code to}, against the previous period of the same length, beside all agents' figures
     * together. The agent is the signed-in caller (ADR 0030): there is no way to ask for another's.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public AgentMeasures.Dashboard mine(LocalDate from, LocalDate to) {
        String me = Callers.name(session);
        long days = period(from, to);
        return dashboard(me, from, to, days);
    }

    /** The group's figures (agents' usernames) beside every other agent's, for conversations started {@code from} to {@code to}. */
    /**
     * One agent's dashboard as a supervisor opens it from the overview: the same figures the agent sees
     * on their own page. Supervisors only; an agent's page never takes a name (see {@link #mine}).
     */
    @RolesAllowed(Callers.SUPERVISOR)
    public AgentMeasures.Dashboard ofAgent(String username, LocalDate from, LocalDate to) {
        if (username == null || username.isBlank() || username.strip().length() > 64) {
            throw new dev.handoff.platform.InvalidInputException("Choose an agent.");
        }
        long days = period(from, to);
        return dashboard(username.strip(), from, to, days);
    }

    /** The agent's own days (two periods), beside every agent's sums per period, added up in the database. */
    private AgentMeasures.Dashboard dashboard(String agent, LocalDate from, LocalDate to, long days) {
        LocalDate prevFrom = from.minusDays(days);
        List<dev.handoff.metrics.control.Measures.AgentRow> everyone = new java.util.ArrayList<>(store.agentSums(from, to));
        everyone.addAll(store.agentSums(prevFrom, from.minusDays(1)));
        List<dev.handoff.metrics.control.Measures.OccupancyRow> everyoneTime = new java.util.ArrayList<>(store.occupancySums(from, to, false));
        everyoneTime.addAll(store.occupancySums(prevFrom, from.minusDays(1), false));
        return AgentMeasures.dashboard(agent, from, to, store.agents(prevFrom, to, agent), store.occupancy(prevFrom, to, agent), everyone, everyoneTime);
    }

    @RolesAllowed({Callers.SUPERVISOR, Callers.ADMIN})
    public AgentMeasures.Pilot pilot(LocalDate from, LocalDate to, Set<String> group) {
        period(from, to);
        if (group == null || group.isEmpty()) {
            throw new InvalidInputException("group", "Name at least one agent to compare");
        }
        return AgentMeasures.pilot(from, to, group, store.agentSums(from, to), store.occupancySums(from, to, false));
    }

    /**
     * Every agent's figures for the overview's agent table (chats they first accepted, first response,
     * time online, chat-time and occupancy against capacity), beside the previous period's.
     */
    @RolesAllowed({Callers.SUPERVISOR, Callers.ADMIN})
    public AgentMeasures.Agents agents(LocalDate from, LocalDate to) {
        long days = period(from, to);
        LocalDate prevFrom = from.minusDays(days);
        List<dev.handoff.metrics.control.Measures.AgentRow> rows = new java.util.ArrayList<>(store.agentSums(from, to));
        rows.addAll(store.agentSums(prevFrom, from.minusDays(1)));
        List<dev.handoff.metrics.control.Measures.OccupancyRow> time = new java.util.ArrayList<>(store.occupancySums(from, to, false));
        time.addAll(store.occupancySums(prevFrom, from.minusDays(1), false));
        return AgentMeasures.agents(from, to, rows, time, store.occupancySums(from, to, true));
    }

    /** The agents (usernames) that have accepted a conversation since the agent roll-ups began: for choosing a group to compare. */
    @RolesAllowed({Callers.SUPERVISOR, Callers.ADMIN})
    public List<String> agentNames() {
        return strings("SELECT DISTINCT agent FROM metric_agent_daily ORDER BY agent");
    }

    private static long period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("from", "Choose a start date on or before the end date.");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > MAX_DAYS) {
            throw new InvalidInputException("to", "Choose at most " + MAX_DAYS + " days.");
        }
        return days;
    }

    /** The targets the dashboards and the report compare with (docs/runbook.md), for callers outside the component. */
    public record Targets(double handoffRateLow, double handoffRateHigh, double trainingShare, long ttaTargetSeconds)
            implements java.io.Serializable {}

    public Targets targets() {
        return new Targets(settings.handoffRateLow(), settings.handoffRateHigh(), settings.trainingShare(), settings.ttaTargetSeconds());
    }

    public MetricsSettings settings() {
        return settings;
    }

    public Dimensions dimensions() {
        return new Dimensions(
                strings("SELECT DISTINCT skill FROM metric_daily WHERE skill <> '' ORDER BY skill"),
                strings("SELECT DISTINCT channel FROM metric_daily ORDER BY channel"),
                strings("SELECT DISTINCT trig FROM metric_daily WHERE trig <> '' ORDER BY trig"),
                strings("SELECT DISTINCT team FROM metric_daily WHERE team <> '' ORDER BY team"));
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }

    /**
     * The conversations behind a figure of {@code filter} (its skill, channel, trigger and team
     * filters apply to escalated conversations), newest first, at most {@link #DRILL_LIMIT}.
     */
    public List<Row> conversations(Filter filter, Drill drill) {
        return conversations(filter, drill, null);
    }

    /**
     * As {@link #conversations(Filter, Drill)}; with {@code flaggedTrigger}, only conversations an
     * agent flagged "not needed" against that trigger (first or not).
     */
    public List<Row> conversations(Filter filter, Drill drill, String flaggedTrigger) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM MetricConversation m WHERE m.day BETWEEN :from AND :to");
        if (filter.channel() != null) {
            jpql.append(" AND m.channel = :channel");
        }
        if (filter.skill() != null) {
            jpql.append(" AND m.skill = :skill");
        }
        if (filter.trigger() != null) {
            jpql.append(" AND m.trigger = :trigger");
        }
        if (filter.team() != null) {
            jpql.append(" AND m.team = :team");
        }
        switch (drill) {
            case ESCALATED -> jpql.append(" AND m.escalatedAt IS NOT NULL");
            case ABANDONED -> jpql.append(" AND m.outcome = 'abandoned'");
            case NOT_NEEDED -> jpql.append(" AND m.notNeeded = TRUE");
            case RATED -> jpql.append(" AND m.csat IS NOT NULL");
            case SLOW -> jpql.append(" AND m.waitSeconds > :target");
            default -> { }
        }
        if (flaggedTrigger != null) {
            jpql.append(" AND (m.trigger = :flagged OR m.conversationId IN (SELECT f.conversationId FROM EscalationFeedback f WHERE f.triggerName = :flagged))");
        }
        jpql.append(" ORDER BY m.startedAt DESC, m.conversationId");
        TypedQuery<MetricConversation> q = em.createQuery(jpql.toString(), MetricConversation.class)
                .setParameter("from", filter.from())
                .setParameter("to", filter.to())
                .setMaxResults(DRILL_LIMIT);
        if (filter.channel() != null) {
            q.setParameter("channel", filter.channel());
        }
        if (filter.skill() != null) {
            q.setParameter("skill", filter.skill());
        }
        if (filter.trigger() != null) {
            q.setParameter("trigger", filter.trigger());
        }
        if (filter.team() != null) {
            q.setParameter("team", filter.team());
        }
        if (flaggedTrigger != null) {
            q.setParameter("flagged", flaggedTrigger);
        }
        if (drill == Drill.SLOW) {
            q.setParameter("target", settings.ttaTargetSeconds());
        }
        return q.getResultStream().map(m -> new Row(m.getConversationId(), m.getDay(), m.getChannel(), m.getSkill(), m.getTrigger(), m.getTeam(),
                m.getStartedAt(), m.getEscalatedAt(), m.getWaitSeconds(), m.getPredictedWaitSeconds(), m.getAgent(), m.getOutcome(),
                m.getCsat(), m.isNotNeeded(), m.getTransfers(), m.isHistory())).toList();
    }
}
