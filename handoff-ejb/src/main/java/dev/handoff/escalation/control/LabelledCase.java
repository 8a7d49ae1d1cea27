package dev.handoff.escalation.control;

/**
 * One labelled sample for the test bench: a customer utterance, whether it should escalate, and
 * (optionally) the category or trigger expected to catch it.
 */
public record LabelledCase(String id, String text, boolean escalate, String category, String notes) {}
