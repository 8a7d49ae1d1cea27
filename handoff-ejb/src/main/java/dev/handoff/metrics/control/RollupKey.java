package dev.handoff.metrics.control;

import java.time.LocalDate;

/**
 * A row of {@code metric_daily}: the day the conversations started (UTC), skill, channel, first
 * trigger ('' for none) and team (of the agent who first accepted them; '' until accepted).
 */
public record RollupKey(LocalDate day, String skill, String channel, String trigger, String team) implements Comparable<RollupKey> {

    /** A row of no team: the bot's, or escalations nobody has accepted yet. */
    public RollupKey(LocalDate day, String skill, String channel, String trigger) {
        this(day, skill, channel, trigger, "");
    }

    @Override
    public int compareTo(RollupKey o) {
        int c = day.compareTo(o.day);
        if (c == 0) {
            c = skill.compareTo(o.skill);
        }
        if (c == 0) {
            c = channel.compareTo(o.channel);
        }
        if (c == 0) {
            c = trigger.compareTo(o.trigger);
        }
        return c != 0 ? c : team.compareTo(o.team);
    }
}
