package dev.handoff.escalation.control;

/**
 * Decides whether a conversation needs a human. The live implementation is the published trigger
 * set ({@link CompiledTriggerSet}, swapped in by {@code LiveTriggers}); tests use hand-made sets.
 */
public interface TriggerEngine {

    Decision evaluate(TriggerInput input);

    /**
     * Whether a trigger looks at the customer's last handoff ({@code recentEscalationDays}); when
     * none does, the caller can leave {@code lastEscalatedAt} out and save a query per message.
     */
    default boolean readsRecentEscalations() {
        return true;
    }
}
