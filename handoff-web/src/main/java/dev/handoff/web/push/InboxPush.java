package dev.handoff.web.push;

import dev.handoff.platform.events.ConversationChanged;
import dev.handoff.platform.events.MessagePosted;
import dev.handoff.platform.events.OfferChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Pushes changes to the portal after they commit. Agents listen on the user-scoped channel
 * {@code inbox} (events "offers" and "chat"); supervisors on the application-wide {@code queue}.
 */
@ApplicationScoped
public class InboxPush {

    public static final String OFFERS = "offers";
    public static final String CHAT = "chat";
    public static final String QUEUE = "queue";

    @Inject
    @Push(channel = "inbox")
    PushContext inbox;

    @Inject
    @Push(channel = "queue")
    PushContext queue;

    void onOffers(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged event) {
        inbox.send(OFFERS, event.agents());
        queue.send(QUEUE);
    }

    void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        if (event.owner() != null) {
            inbox.send(CHAT, event.owner());
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        if (event.owner() != null) {
            inbox.send(OFFERS, event.owner());
        }
        queue.send(QUEUE);
    }
}
