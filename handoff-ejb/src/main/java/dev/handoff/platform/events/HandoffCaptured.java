package dev.handoff.platform.events;

/** A handoff's context package was stored; observers may enrich it once the escalation commits. */
public record HandoffCaptured(String conversationId) {}
