package dev.handoff.metrics.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Which conversations a dashboard shows: started {@code from}..{@code to} (inclusive, UTC days), and
 * optionally one skill (team), channel and first trigger ({@code null} = all).
 */
public record Filter(LocalDate from, LocalDate to, String skill, String channel, String trigger) {

    public Filter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("from must be on or before to");
        }
        skill = blankToNull(skill);
        channel = blankToNull(channel);
        trigger = blankToNull(trigger);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one, with the same dimensions. */
    public Filter previous() {
        return new Filter(from.minusDays(days()), from.minusDays(1), skill, channel, trigger);
    }

    public boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether a row counts for the conversation measures (day, channel, and skill / trigger of escalated rows). */
    public boolean matches(RollupKey k) {
        return inPeriod(k.day()) && (channel == null || channel.equals(k.channel()))
                && (skill == null || skill.equals(k.skill())) && (trigger == null || trigger.equals(k.trigger()));
    }

    /** The denominator of the handoff rate: every conversation started in the period on the channel, whatever happened later. */
    public boolean matchesStarted(RollupKey k) {
        return inPeriod(k.day()) && (channel == null || channel.equals(k.channel()));
    }

    public boolean matches(TriggerKey k) {
        return inPeriod(k.day()) && (channel == null || channel.equals(k.channel()))
                && (skill == null || skill.equals(k.skill())) && (trigger == null || trigger.equals(k.trigger()));
    }
}
