package dev.handoff.metrics.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the roll-ups know about one conversation ({@code metric_conversation}): its cohort's
 * dimensions and what has been counted for it already, so that no event is counted twice.
 */
public final class Facts {

    public static final int MAX_CHANNEL = 64;
    public static final int MAX_SKILL = 64;
    public static final int MAX_TRIGGER = 120;
    public static final int MAX_TEAM = 64;
    public static final int MAX_AGENT = 64;

    public String conversationId;
    public LocalDate day;
    public String channel;
    public String skill = "";
    public String trigger = "";
    /** The team of the agent who first accepted it; '' until then. */
    public String team = "";
    /** The agent (username) who first accepted it; null until then. Its counters are also that agent's. */
    public String firstAgent;
    public Instant startedAt;
    public Instant escalatedAt;
    public Instant acceptedAt;
    public Long waitSeconds;
    public Long predictedWaitSeconds;
    public String agent;
    /** resolved, abandoned, closed; null while open. */
    public String outcome;
    public Long abandonedWaitSeconds;
    public Integer csat;
    public boolean csatHuman;
    public int transfers;
    public boolean notNeeded;
    public int breaches;
    /** Seconds from the escalation to the first message a person wrote; null until then (counted once). */
    public Long firstResponseSeconds;
    /** Who owns the chat now and since when (its open chat-time interval); null when nobody does. */
    public String owner;
    public Instant ownedSince;

    public static Facts started(String conversationId, String channel, Instant at) {
        Facts f = new Facts();
        f.conversationId = conversationId;
        f.startedAt = at;
        f.day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        f.channel = channel(channel);
        return f;
    }

    /** The channel as the conversation stores it: blank means web; cut to the column. */
    public static String channel(String channel) {
        return cut(channel == null || channel.isBlank() ? "web" : channel.strip(), MAX_CHANNEL);
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }

    /** The row that holds this conversation's counters (skill and trigger '' until it is escalated, team '' until accepted). */
    public RollupKey key() {
        return new RollupKey(day, skill, channel, trigger, team);
    }

    /** The agent's row that also holds its counters, null until it is accepted. */
    public AgentKey agentKey() {
        return firstAgent == null || firstAgent.isEmpty() ? null : new AgentKey(day, firstAgent);
    }

    /** The row that counts it as started: always the bot's row of its day and channel. */
    public RollupKey startedKey() {
        return new RollupKey(day, "", channel, "");
    }
}
