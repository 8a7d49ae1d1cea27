package dev.handoff.desk.boundary;

/**
 * Fired synchronously inside {@link AgentDeskService#accept} once the conversation's and the agent's
 * rows are locked and the state and capacity checks have passed, before anything is written. Nothing
 * in the product observes it; a test observes it to hold one accept at this point while another
 * tries (docs/adr/0007-accept-race-optimistic-locking.md).
 */
public record AcceptChecked(String conversationId, String agent) {}
