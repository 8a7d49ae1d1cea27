package dev.handoff.metrics.control;

import java.time.LocalDate;

/** A row of {@code metric_trigger_daily}: every trigger that fired, per started day, skill and channel. */
public record TriggerKey(LocalDate day, String trigger, String skill, String channel) implements Comparable<TriggerKey> {

    @Override
    public int compareTo(TriggerKey o) {
        int c = day.compareTo(o.day);
        if (c == 0) {
            c = trigger.compareTo(o.trigger);
        }
        if (c == 0) {
            c = skill.compareTo(o.skill);
        }
        return c != 0 ? c : channel.compareTo(o.channel);
    }
}
