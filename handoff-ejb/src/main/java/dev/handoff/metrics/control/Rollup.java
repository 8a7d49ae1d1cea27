package dev.handoff.metrics.control;

import dev.handoff.platform.events.Abandoned;
import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.Closed;
import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.CsatReceived;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.Escalated;
import dev.handoff.platform.events.EscalationFlagged;
import dev.handoff.platform.events.Resolved;
import dev.handoff.platform.events.Transferred;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * How each domain event changes one conversation's {@link Facts} and the roll-up counters: pure,
 * no database. The recorder stores the facts and adds the deltas; tests and the demo history run
 * the same code on a list of events.
 */
public final class Rollup {

    public static final String NO_TRIGGER = "(none)";
    static final int BREACH_FIRST = 1;
    static final int BREACH_UPDATE = 2;
    static final int BREACH_RESOLUTION = 4;

    private final long ttaTargetSeconds;
    private final Function<String, String> teamOf;

    /** A roll-up that knows no teams: every conversation counts under team ''. */
    public Rollup(long ttaTargetSeconds) {
        this(ttaTargetSeconds, agent -> "");
    }

    /**
     * @param ttaTargetSeconds time-to-agent at or under this counts as "answered within target" (SLA_MET)
     * @param teamOf the team of an agent (username) now, null or blank for none: read once, at the
     *     conversation's first acceptance
     */
    public Rollup(long ttaTargetSeconds, Function<String, String> teamOf) {
        this.ttaTargetSeconds = ttaTargetSeconds;
        this.teamOf = teamOf;
    }

    /**
     * Applies {@code event} to {@code facts} (made by {@link #start} for the conversation's first
     * event) and returns what it adds to the roll-ups. Events that change nothing countable (a second
     * acceptance after a requeue, a second close) return empty deltas.
     */
    public Deltas apply(Facts facts, DomainEvent event) {
        Deltas d = new Deltas();
        if (event instanceof ConversationStarted) {
            return d;
        }
        if (event instanceof Escalated e) {
            if (facts.escalated()) {
                return d;
            }
            facts.escalatedAt = e.at();
            facts.skill = Facts.cut(e.skill() == null ? "" : e.skill(), Facts.MAX_SKILL);
            LinkedHashSet<String> names = new LinkedHashSet<>();
            e.triggers().forEach(t -> names.add(Facts.cut(t, Facts.MAX_TRIGGER)));
            facts.trigger = names.isEmpty() ? NO_TRIGGER : names.iterator().next();
            d.add(facts.key(), Counter.ESCALATED, 1);
            for (String name : names.isEmpty() ? List.of(NO_TRIGGER) : names) {
                d.addTrigger(new TriggerKey(facts.day, name, facts.skill, facts.channel), Deltas.FIRED, 1);
            }
        } else if (event instanceof Accepted a) {
            own(facts, a.agent(), a.at(), d);
            facts.agent = a.agent();
            Instant escalatedAt = facts.escalatedAt != null ? facts.escalatedAt : a.escalatedAt();
            if (facts.acceptedAt != null || escalatedAt == null) {
                return d;
            }
            String team = teamOf.apply(a.agent());
            long[] before = facts.escalated() ? counted(facts) : new long[Counter.SIZE];
            if (facts.csat != null && !facts.csatHuman) {
                // a bot rating before the escalation: a later re-rating takes it off the agent's row too
                before[Counter.CSAT_BOT_SUM.ordinal()] = facts.csat;
                before[Counter.CSAT_BOT_N.ordinal()] = 1;
            }
            moveToTeam(facts, Facts.cut(team == null ? "" : team.strip(), Facts.MAX_TEAM), d);
            facts.firstAgent = a.agent() == null || a.agent().isBlank() ? null : Facts.cut(a.agent().strip(), Facts.MAX_AGENT);
            AgentKey mine = facts.agentKey();
            if (mine != null) {
                for (Counter c : Counter.values()) {
                    d.addAgent(mine, c, before[c.ordinal()]);
                }
            }
            facts.acceptedAt = a.at();
            long wait = Math.max(0, Duration.between(escalatedAt, a.at()).toSeconds());
            facts.waitSeconds = wait;
            count(d, facts, Counter.ACCEPTED, 1);
            count(d, facts, Counter.TTA_SUM, wait);
            count(d, facts, Counter.ttaBucket(wait), 1);
            if (wait <= ttaTargetSeconds) {
                count(d, facts, Counter.SLA_MET, 1);
            }
            if (facts.predictedWaitSeconds != null) {
                double ratio = (double) wait / Math.max(1, facts.predictedWaitSeconds);
                count(d, facts, Counter.WAIT_PREDICTED, 1);
                count(d, facts, Counter.ratioBucket(ratio), 1);
                if (ratio >= 0.5 && ratio <= 1.5) {
                    count(d, facts, Counter.WAIT_WITHIN, 1);
                }
            }
        } else if (event instanceof Transferred t) {
            // the chat-time moves with the chat: to the agent it went to, or back to the queue (nobody)
            own(facts, t.toAgent(), t.at(), d);
            if (facts.escalated()) {
                facts.transfers++;
                count(d, facts, Counter.TRANSFERS, 1);
            }
        } else if (event instanceof Resolved r) {
            own(facts, null, r.at(), d);
            if (facts.outcome == null) {
                facts.outcome = "resolved";
                facts.agent = r.agent();
                count(d, facts, Counter.RESOLVED, 1);
                if (facts.acceptedAt != null) {
                    long handle = Math.max(0, Duration.between(facts.acceptedAt, r.at()).toSeconds());
                    count(d, facts, Counter.HANDLED, 1);
                    count(d, facts, Counter.HANDLE_SUM, handle);
                    count(d, facts, Counter.handleBucket(handle), 1);
                }
            }
        } else if (event instanceof Closed c) {
            own(facts, null, c.at(), d);
            if (facts.outcome == null) {
                if ("QUEUED".equals(c.stateBefore()) && facts.escalated()) {
                    abandon(facts, d, Math.max(0, Duration.between(facts.escalatedAt, c.at()).toSeconds()));
                } else {
                    facts.outcome = "closed";
                }
            }
        } else if (event instanceof Abandoned a) {
            if (facts.outcome == null && facts.escalated()) {
                abandon(facts, d, Math.max(0, a.waitedSeconds()));
            }
        } else if (event instanceof CsatReceived s) {
            if (facts.csat != null) {
                count(d, facts, facts.csatHuman ? Counter.CSAT_HUMAN_SUM : Counter.CSAT_BOT_SUM, -facts.csat);
                count(d, facts, facts.csatHuman ? Counter.CSAT_HUMAN_N : Counter.CSAT_BOT_N, -1);
            }
            facts.csat = s.rating();
            facts.csatHuman = s.escalated() || facts.escalated();
            count(d, facts, facts.csatHuman ? Counter.CSAT_HUMAN_SUM : Counter.CSAT_BOT_SUM, s.rating());
            count(d, facts, facts.csatHuman ? Counter.CSAT_HUMAN_N : Counter.CSAT_BOT_N, 1);
        } else if (event instanceof EscalationFlagged f) {
            if (!facts.escalated()) {
                return d;
            }
            if (!facts.notNeeded) {
                facts.notNeeded = true;
                count(d, facts, Counter.NOT_NEEDED, 1);
            }
            new LinkedHashSet<>(f.triggers()).forEach(t ->
                    d.addTrigger(new TriggerKey(facts.day, Facts.cut(t, Facts.MAX_TRIGGER), facts.skill, facts.channel), Deltas.FLAGGED, 1));
        }
        return d;
    }

    /**
     * The first message a person (agent or supervisor) wrote in the conversation, at {@code at}: its
     * first response, seconds from the escalation, counted once per handoff. A later message, or one
     * after a transfer or a requeue, counts nothing; neither does one in a chat never escalated.
     */
    public Deltas firstResponse(Facts facts, Instant at) {
        Deltas d = new Deltas();
        if (!facts.escalated() || facts.firstResponseSeconds != null || at == null) {
            return d;
        }
        long seconds = Math.max(0, Duration.between(facts.escalatedAt, at).toSeconds());
        facts.firstResponseSeconds = seconds;
        count(d, facts, Counter.RESPONDED, 1);
        count(d, facts, Counter.FR_SUM, seconds);
        count(d, facts, Counter.firstResponseBucket(seconds), 1);
        return d;
    }

    /**
     * The chat changes hands at {@code at}: the owner's chat-time so far is added to their occupancy
     * (per calendar day), and {@code next} (null: nobody) owns it from now on.
     */
    static void own(Facts facts, String next, Instant at, Deltas d) {
        if (facts.owner != null && facts.ownedSince != null && at != null) {
            Occupancy.chat(d, facts.owner, facts.ownedSince, at);
        }
        if (next == null || next.isBlank() || at == null) {
            facts.owner = null;
            facts.ownedSince = null;
        } else {
            facts.owner = Facts.cut(next.strip(), Facts.MAX_AGENT);
            facts.ownedSince = at;
        }
    }

    /** The conversation's first event: its facts, and "started" counted on its day and channel. */
    public Facts start(String conversationId, String channel, Instant startedAt, Deltas into) {
        Facts f = Facts.started(conversationId, channel, startedAt);
        into.add(f.startedKey(), Counter.STARTED, 1);
        return f;
    }

    /** A missed service level ({@code first-response}, {@code update}, {@code resolution}), counted once per kind and conversation. */
    public Deltas breach(Facts facts, String kind) {
        Deltas d = new Deltas();
        int bit;
        Counter counter;
        switch (kind) {
            case "first-response" -> { bit = BREACH_FIRST; counter = Counter.BREACH_FIRST; }
            case "update" -> { bit = BREACH_UPDATE; counter = Counter.BREACH_UPDATE; }
            case "resolution" -> { bit = BREACH_RESOLUTION; counter = Counter.BREACH_RESOLUTION; }
            default -> { return d; }
        }
        if ((facts.breaches & bit) == 0 && facts.escalated()) {
            facts.breaches |= bit;
            count(d, facts, counter, 1);
        }
        return d;
    }

    /**
     * The first acceptance decides the conversation's team: what was counted for it so far under
     * team '' (the escalation, and a flag, breach, rating or transfer that came before the
     * acceptance) moves to the team's row, so every counter of a conversation is in one row.
     */
    static void moveToTeam(Facts facts, String team, Deltas d) {
        if (team.equals(facts.team) || !facts.escalated()) {
            facts.team = team;
            return;
        }
        RollupKey from = facts.key();
        facts.team = team;
        RollupKey to = facts.key();
        long[] counted = counted(facts);
        for (Counter c : Counter.values()) {
            long v = counted[c.ordinal()];
            d.add(from, c, -v).add(to, c, v);
        }
    }

    /** What has been counted for an escalated conversation so far, in its row. */
    static long[] counted(Facts facts) {
        long[] counted = new long[Counter.SIZE];
        counted[Counter.ESCALATED.ordinal()] = 1;
        counted[Counter.NOT_NEEDED.ordinal()] = facts.notNeeded ? 1 : 0;
        counted[Counter.BREACH_FIRST.ordinal()] = (facts.breaches & BREACH_FIRST) != 0 ? 1 : 0;
        counted[Counter.BREACH_UPDATE.ordinal()] = (facts.breaches & BREACH_UPDATE) != 0 ? 1 : 0;
        counted[Counter.BREACH_RESOLUTION.ordinal()] = (facts.breaches & BREACH_RESOLUTION) != 0 ? 1 : 0;
        counted[Counter.TRANSFERS.ordinal()] = facts.transfers;
        counted[Counter.RESOLVED.ordinal()] = "resolved".equals(facts.outcome) ? 1 : 0;
        if ("abandoned".equals(facts.outcome)) {
            counted[Counter.ABANDONED.ordinal()] = 1;
            counted[Counter.ABANDON_WAIT_SUM.ordinal()] = facts.abandonedWaitSeconds == null ? 0 : facts.abandonedWaitSeconds;
        }
        if (facts.csat != null && facts.csatHuman) {
            counted[Counter.CSAT_HUMAN_SUM.ordinal()] = facts.csat;
            counted[Counter.CSAT_HUMAN_N.ordinal()] = 1;
        }
        if (facts.firstResponseSeconds != null) {
            counted[Counter.RESPONDED.ordinal()] = 1;
            counted[Counter.FR_SUM.ordinal()] = facts.firstResponseSeconds;
            counted[Counter.firstResponseBucket(facts.firstResponseSeconds).ordinal()] = 1;
        }
        return counted;
    }

    /** Adds to the conversation's row and, once it has been accepted, to its first agent's row. */
    private static void count(Deltas d, Facts facts, Counter counter, long amount) {
        d.add(facts.key(), counter, amount);
        AgentKey agent = facts.agentKey();
        if (agent != null) {
            d.addAgent(agent, counter, amount);
        }
    }

    private static void abandon(Facts facts, Deltas d, long waited) {
        facts.outcome = "abandoned";
        facts.abandonedWaitSeconds = waited;
        count(d, facts, Counter.ABANDONED, 1);
        count(d, facts, Counter.ABANDON_WAIT_SUM, waited);
    }
}
