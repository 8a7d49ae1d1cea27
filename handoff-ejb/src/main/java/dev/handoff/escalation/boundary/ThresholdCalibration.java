package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.control.ThresholdCurve;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.entity.TriggerSetVersion;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Calibrates a semantic trigger of the draft (a topic trigger, or a phrase or sentiment trigger
 * that names a topic): how the set's catch rate and false-positive rate move with the trigger's
 * threshold over the labelled suites the admin picks (the shipped suite and their own), the
 * threshold that reaches a target catch rate with the fewest false positives, and setting the
 * chosen threshold in the draft. Like the other trigger boundaries, it is reached only by admins
 * (the portal's {@code /admin/*} pages).
 */
@Stateless
public class ThresholdCalibration {

    /** More cases than this are refused: the curve is computed in the request. */
    public static final int MAX_CASES = 6_000;

    @Inject
    TriggerSetStore store;

    @Inject
    SuiteService suites;

    @Inject
    LiveTriggers live;

    @Inject
    TriggerSetService triggerSets;

    /** A curve and what it was computed over. */
    public record Calibration(ThresholdCurve curve, List<String> suites, int cases, int escalate, int stay, long millis) {}

    /**
     * The curve of {@code trigger} in the draft (the live version while there is no draft) over the
     * named suites, each case evaluated once. A disabled trigger is calibrated as if it were on.
     * Reads only; runs without a transaction, so a long computation holds no database resources.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Calibration curve(String trigger, Collection<String> suiteNames, double target) {
        if (Double.isNaN(target) || target <= 0 || target > 1) {
            throw new InvalidInputException("target", "the target catch rate must be above 0% and at most 100%");
        }
        if (suiteNames == null || suiteNames.isEmpty()) {
            throw new InvalidInputException("suites", "choose at least one suite to calibrate on");
        }
        List<String> names = List.copyOf(new LinkedHashSet<>(suiteNames));
        List<LabelledCase> cases = new ArrayList<>();
        for (String name : names) {
            cases.addAll(suites.cases(name));
            if (cases.size() > MAX_CASES) {
                throw new InvalidInputException("suites", "the chosen suites hold more than " + MAX_CASES + " cases; choose fewer");
            }
        }
        if (cases.isEmpty()) {
            throw new InvalidInputException("suites", "the chosen suites have no cases yet");
        }
        TriggerSetDocument doc = DraftEdits.withEnabled(draftDocument(), trigger, true);
        long started = System.nanoTime();
        CompiledTriggerSet set = live.compile(doc);
        ThresholdCurve curve = ThresholdCurve.compute(set, trigger, cases, target);
        int escalate = (int) cases.stream().filter(LabelledCase::escalate).count();
        return new Calibration(curve, names, cases.size(), escalate, cases.size() - escalate, (System.nanoTime() - started) / 1_000_000);
    }

    /** Sets the trigger's threshold ({@code minScore}, rounded to two decimals) in the draft. */
    public TriggerSetView useThreshold(String trigger, double minScore, String user) {
        double rounded = Math.round(minScore * 100) / 100.0;
        if (Double.isNaN(minScore) || rounded < 0.01 || rounded > 1) {
            throw new InvalidInputException("minScore", "a threshold is between 0.01 and 1");
        }
        TriggerSetDocument draft = DefaultTriggerSet.parse(triggerSets.draft(user).document());
        return triggerSets.saveDraft(DraftEdits.withMinScore(draft, trigger, rounded), user);
    }

    private TriggerSetDocument draftDocument() {
        TriggerSetVersion version = store.draft().or(store::published)
                .orElseThrow(() -> new NotFoundException("no trigger set is published yet"));
        return DefaultTriggerSet.parse(version.getDocument());
    }
}
