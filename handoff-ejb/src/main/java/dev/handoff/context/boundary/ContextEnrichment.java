package dev.handoff.context.boundary;

import dev.handoff.platform.events.HandoffCaptured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a handoff commits, enriches its context asynchronously: the customer profile from the
 * configured CRM, and a summary from the configured LLM. Without either, does nothing.
 */
@ApplicationScoped
public class ContextEnrichment {

    @Inject
    ContextService context;

    @Inject
    CrmSync crm;

    void onCaptured(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffCaptured captured) {
        if (crm.configured()) {
            crm.syncFor(captured.conversationId());
        }
        if (context.llmConfigured()) {
            context.refineWithLlm(captured.conversationId());
        }
    }
}
