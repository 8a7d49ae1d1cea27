package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.platform.RoutingSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Dry runs of the live trigger set: evaluates each customer or bot line of a transcript as if it
 * had just arrived, stops at the first that escalates, and persists nothing. The same walk runs a
 * draft for the admin API ({@link TriggerSetService#evaluateDraft}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EvaluationService {

    @Inject
    TriggerEngine engine;

    @Inject
    RoutingSettings routingSettings;

    public Evaluation evaluate(TriggerInput whole) {
        return run(engine, whole, routingSettings.defaultSkill());
    }

    /** Walks a transcript through any trigger set, line by line, up to the first line that escalates. */
    static Evaluation run(TriggerEngine engine, TriggerInput whole, String defaultSkill) {
        List<TriggerInput.Line> seen = new ArrayList<>();
        int index = 0;
        for (TriggerInput.Line line : whole.transcript()) {
            seen.add(line);
            index++;
            Decision decision = engine.evaluate(new TriggerInput(seen, whole.customer()));
            if (decision.escalate()) {
                return new Evaluation(decision, index, index, decision.skill(defaultSkill).orElse(defaultSkill));
            }
        }
        return new Evaluation(Decision.NONE, 0, whole.transcript().size(), null);
    }

    /**
     * The decision, the 1-based index of the message that escalated (0 if none), how many were read
     * (it stops there) and the skill the handoff would need (the default skill if no trigger names
     * one; null if nothing escalated).
     */
    public record Evaluation(Decision decision, int escalatedAt, int evaluated, String requiredSkill) {}
}
