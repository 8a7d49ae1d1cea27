package dev.handoff.integration.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a connector's e-mail alert goes out, and what it says. One incident is one stretch of
 * failure ({@code failing_since}): its "failing" mail once it has lasted {@code alertAfter}, and a
 * "recovered" mail when it ends; {@code alertedAt} remembers the mail across checks and restarts.
 */
public final class AlertMail {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]{1,190}\\.[^@\\s,;<>\"]{1,63}");

    private AlertMail() {}

    public enum Action {
        /** Nothing to send. */
        NONE,
        /** The connector has failed longer than the threshold and no mail went out for this incident. */
        FAILING,
        /** The incident that was mailed is over: tell the admins. */
        RECOVERED,
        /** The connector was switched off while alerted: forget the alert without a mail. */
        FORGET
    }

    /** A connector's alert facts. */
    public record State(long id, String name, boolean enabled, Instant failingSince, Instant alertedAt, String lastError, long undelivered) {}

    public static Action decide(State s, Instant now, Duration alertAfter) {
        if (s.alertedAt() != null) {
            if (!s.enabled()) {
                return Action.FORGET;
            }
            // over, or over and failing again since (a new incident, mailed on its own once it lasts)
            return s.failingSince() == null || s.failingSince().isAfter(s.alertedAt()) ? Action.RECOVERED : Action.NONE;
        }
        if (s.enabled() && s.failingSince() != null && !s.failingSince().plus(alertAfter).isAfter(now)) {
            return Action.FAILING;
        }
        return Action.NONE;
    }

    public static String subject(Action a, State s) {
        return a == Action.FAILING ? "[Handoff] " + s.name() + " is failing" : "[Handoff] " + s.name() + " has recovered";
    }

    public static String body(Action a, State s, Instant now, String publicUrl) {
        StringBuilder b = new StringBuilder();
        if (a == Action.FAILING) {
            b.append("The integration \"").append(s.name()).append("\" has been failing since ").append(TIME.format(s.failingSince())).append(".\n");
            if (s.lastError() != null) {
                b.append("Last error: ").append(s.lastError()).append('\n');
            }
            b.append("Waiting to be delivered: ").append(s.undelivered()).append(" (nothing is lost; delivery resumes when it works again).\n");
        } else {
            b.append("The integration \"").append(s.name()).append("\" works again (checked ").append(TIME.format(now)).append(").\n");
            if (s.failingSince() != null) {
                b.append("It has been failing again since ").append(TIME.format(s.failingSince())).append("; a new alert follows if that lasts.\n");
            }
        }
        b.append("\nIntegration health: ").append(publicUrl).append("admin/integration-health.xhtml\n");
        b.append("You get one mail when a connector starts failing and one when it recovers.\n");
        return b.toString();
    }

    /** The distinct valid addresses among the configured list and the admins' user names that are addresses, comma-joined; empty when none. */
    public static String recipients(String configured, Collection<String> adminNames) {
        Set<String> out = new LinkedHashSet<>();
        if (configured != null) {
            for (String part : configured.split("[,;\\s]+")) {
                if (ADDRESS.matcher(part.strip()).matches()) {
                    out.add(part.strip());
                }
            }
        }
        for (String name : adminNames) {
            if (name != null && ADDRESS.matcher(name.strip()).matches()) {
                out.add(name.strip());
            }
        }
        return String.join(",", out);
    }
}
