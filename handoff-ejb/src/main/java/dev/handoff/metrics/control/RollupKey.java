package dev.handoff.metrics.control;

import java.time.LocalDate;

/** A row of {@code metric_daily}: the day the conversations started (UTC), skill, channel and first trigger ('' for none). */
public record RollupKey(LocalDate day, String skill, String channel, String trigger) implements Comparable<RollupKey> {

    @Override
    public int compareTo(RollupKey o) {
        int c = day.compareTo(o.day);
        if (c == 0) {
            c = skill.compareTo(o.skill);
        }
        if (c == 0) {
            c = channel.compareTo(o.channel);
        }
        return c != 0 ? c : trigger.compareTo(o.trigger);
    }
}
