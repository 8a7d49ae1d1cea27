package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerInput;
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

    public Evaluation evaluate(TriggerInput whole) {
        return run(engine, whole);
    }

    /** Walks a transcript through any trigger set, line by line, up to the first line that escalates. */
    static Evaluation run(TriggerEngine engine, TriggerInput whole) {
        List<TriggerInput.Line> seen = new ArrayList<>();
        int index = 0;
        for (TriggerInput.Line line : whole.transcript()) {
            seen.add(line);
            index++;
            Decision decision = engine.evaluate(new TriggerInput(seen, whole.customer()));
            if (decision.escalate()) {
                return new Evaluation(decision, index, index);
            }
        }
        return new Evaluation(Decision.NONE, 0, whole.transcript().size());
    }

    /** The decision, the 1-based index of the message that escalated (0 if none) and how many were read (it stops there). */
    public record Evaluation(Decision decision, int escalatedAt, int evaluated) {}
}
