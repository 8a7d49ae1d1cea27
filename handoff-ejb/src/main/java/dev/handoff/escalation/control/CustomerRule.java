package dev.handoff.escalation.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A customer trigger: fires on who the customer is rather than what they wrote, by tier, account
 * value or a recent handoff to a person.
 */
record CustomerRule(TriggerSetDocument.TriggerSpec spec) implements Rule {
    @Override
    public Optional<TriggerFiring> test(Analysis a, Map<String, TriggerFiring> fired) {
        TriggerInput.CustomerFacts c = a.input.customer();
        if (spec.tiers() != null && c.tier() != null
                && spec.tiers().stream().anyMatch(t -> t.equalsIgnoreCase(c.tier().strip()))) {
            return Optional.of(fire("Customer tier " + c.tier(), "tier=" + c.tier()));
        }
        if (spec.minAccountValue() != null && c.accountValue() != null && c.accountValue().compareTo(spec.minAccountValue()) >= 0) {
            return Optional.of(fire("Account value " + c.accountValue().toPlainString() + " is at least "
                    + spec.minAccountValue().toPlainString(), "accountValue=" + c.accountValue().toPlainString()));
        }
        int days = spec.recentEscalationDays() == null ? 0 : spec.recentEscalationDays();
        if (days > 0 && c.lastEscalatedAt() != null
                && Duration.between(c.lastEscalatedAt(), c.asOf()).compareTo(Duration.ofDays(days)) <= 0) {
            return Optional.of(fire("Handed to a person within the last " + days + " days", "lastEscalatedAt=" + c.lastEscalatedAt()));
        }
        return Optional.empty();
    }
}
