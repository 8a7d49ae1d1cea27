package dev.handoff.escalation.control;

/**
 * Decides whether a conversation needs a human. The foundation ships {@link BuiltInTriggers};
 * the configurable engine replaces it behind this interface.
 */
public interface TriggerEngine {

    Decision evaluate(TriggerInput input);
}
