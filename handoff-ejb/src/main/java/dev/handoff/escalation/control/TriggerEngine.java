package dev.handoff.escalation.control;

/**
 * Decides whether a conversation needs a human. The live implementation is the published trigger
 * set ({@link CompiledTriggerSet}, swapped in by {@code LiveTriggers}); tests use hand-made sets.
 */
public interface TriggerEngine {

    Decision evaluate(TriggerInput input);
}
