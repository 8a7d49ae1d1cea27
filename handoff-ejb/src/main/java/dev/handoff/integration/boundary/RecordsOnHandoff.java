package dev.handoff.integration.boundary;

import dev.handoff.platform.events.HandoffCaptured;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * After a handoff commits, starts reading the customer's tickets and deals in the background, so
 * that the offer card has them when the agent looks (a stateless bean as observer: see
 * {@code ContextEnrichment} on FISH-451).
 */
@Stateless
public class RecordsOnHandoff {

    @EJB
    CustomerRecordsService records;

    public void onCaptured(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffCaptured captured) {
        records.start(captured.conversationId());
    }
}
