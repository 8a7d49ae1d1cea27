package dev.handoff.escalation.control;

/**
 * One labelled sample for the test bench: a customer utterance (or a short transcript, one
 * {@code customer: …} / {@code bot: …} line per message), whether it should escalate, its category,
 * and optionally the trigger expected to catch it.
 */
public record LabelledCase(String id, String text, boolean escalate, String category, String expectedTrigger, String notes) {

    public LabelledCase(String id, String text, boolean escalate, String category, String notes) {
        this(id, text, escalate, category, null, notes);
    }

    public String categoryOrEmpty() {
        return category == null ? "" : category;
    }

    public boolean hasExpectedTrigger() {
        return expectedTrigger != null && !expectedTrigger.isBlank();
    }
}
