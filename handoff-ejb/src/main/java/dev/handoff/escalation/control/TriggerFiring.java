package dev.handoff.escalation.control;

/**
 * One trigger that fired: its name, a sentence saying why, the evidence (the matched words or the
 * score), the skill the handoff needs and its urgency (higher first).
 */
public record TriggerFiring(String name, String reason, String evidence, String skill, int priority) {}
