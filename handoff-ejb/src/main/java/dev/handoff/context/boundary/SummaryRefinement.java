package dev.handoff.context.boundary;

import dev.handoff.platform.events.HandoffCaptured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** After a handoff commits, asks the configured LLM for a better summary (asynchronously); without one, does nothing. */
@ApplicationScoped
public class SummaryRefinement {

    @Inject
    ContextService context;

    void onCaptured(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffCaptured captured) {
        if (context.llmConfigured()) {
            context.refineWithLlm(captured.conversationId());
        }
    }
}
