package dev.handoff.context.boundary;

import dev.handoff.platform.events.HandoffCaptured;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a handoff commits, enriches its context asynchronously: the customer profile from the
 * configured CRM, and a summary from the configured LLM. Without either, does nothing. A stateless
 * session bean rather than an application-scoped one: in an EAR on Payara Server, Weld called an
 * application-scoped observer's instance with its injected EJBs missing (FISH-451); the EAR smoke
 * test caught it.
 */
@Stateless
public class ContextEnrichment {

    @Inject
    ContextService context;

    @Inject
    CrmSync crm;

    public void onCaptured(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffCaptured captured) {
        if (crm.configured()) {
            crm.syncFor(captured.conversationId());
        }
        if (context.llmConfigured()) {
            context.refineWithLlm(captured.conversationId());
        }
    }
}
