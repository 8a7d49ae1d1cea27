package dev.handoff.metrics.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Which conversations a dashboard shows: started {@code from}..{@code to} (inclusive, UTC days), and
 * optionally one skill, channel, first trigger and team ({@code null} = all). The team is the team of
 * the agent who first accepted the conversation (ADR 0025).
 */
public record Filter(LocalDate from, LocalDate to, String skill, String channel, String trigger, String team) {

    public Filter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("from must be on or before to");
        }
        skill = blankToNull(skill);
        channel = blankToNull(channel);
        trigger = blankToNull(trigger);
        team = blankToNull(team);
    }

    /** Every team. */
    public Filter(LocalDate from, LocalDate to, String skill, String channel, String trigger) {
        this(from, to, skill, channel, trigger, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one, with the same dimensions. */
    public Filter previous() {
        return between(from.minusDays(days()), from.minusDays(1));
    }

    /** Another period with the same skill, channel, trigger and team. */
    public Filter between(LocalDate otherFrom, LocalDate otherTo) {
        return new Filter(otherFrom, otherTo, skill, channel, trigger, team);
    }

    /** The same period and dimensions, one first trigger (null: any). */
    public Filter withTrigger(String otherTrigger) {
        return new Filter(from, to, skill, channel, otherTrigger, team);
    }

    public boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether a row counts for the conversation measures (day, channel, and skill / trigger / team of escalated rows). */
    public boolean matches(RollupKey k) {
        return inPeriod(k.day()) && (channel == null || channel.equals(k.channel()))
                && (skill == null || skill.equals(k.skill())) && (trigger == null || trigger.equals(k.trigger()))
                && (team == null || team.equals(k.team()));
    }

    /** The denominator of the handoff rate: every conversation started in the period on the channel, whatever happened later. */
    public boolean matchesStarted(RollupKey k) {
        return inPeriod(k.day()) && (channel == null || channel.equals(k.channel()));
    }

    /** {@code metric_trigger_daily} has no team: with a team filter, {@link Measures} counts first triggers from the daily rows instead. */
    public boolean matches(TriggerKey k) {
        return team == null && inPeriod(k.day()) && (channel == null || channel.equals(k.channel()))
                && (skill == null || skill.equals(k.skill())) && (trigger == null || trigger.equals(k.trigger()));
    }
}
