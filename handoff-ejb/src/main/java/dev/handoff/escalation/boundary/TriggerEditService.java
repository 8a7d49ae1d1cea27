package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.TriggerSetDocument;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Edits one trigger of the draft at a time, as the portal's trigger editor does: the trigger with
 * all its settings and the topic it names (examples, negatives, keywords), in one transaction over
 * the draft as it is now. Like the other trigger boundaries, it is reached only by admins (the
 * portal's {@code /admin/*} pages).
 */
@Stateless
public class TriggerEditService {

    @Inject
    TriggerSetService triggerSets;

    /** Saves a trigger (and its topic) into the draft; the draft is validated and compiled before it is stored. */
    public TriggerSetView save(TriggerEdit edit, String user) {
        return triggerSets.saveDraft(DraftEdits.apply(draft(user), edit), user);
    }

    /** Switches a trigger of the draft on or off, keeping every other setting (its label included). */
    public TriggerSetView setEnabled(String name, boolean enabled, String user) {
        return triggerSets.saveDraft(DraftEdits.withEnabled(draft(user), name, enabled), user);
    }

    private TriggerSetDocument draft(String user) {
        return DefaultTriggerSet.parse(triggerSets.draft(user).document());
    }
}
