package dev.handoff.escalation.entity;

/** A trigger set is edited as the one DRAFT, becomes PUBLISHED (live) and is RETIRED by the next publication. */
public enum TriggerSetStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
