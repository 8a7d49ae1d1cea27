package dev.handoff.web.push;

import dev.handoff.platform.events.ConversationChanged;
import dev.handoff.platform.events.MessagePosted;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.SlaBreached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Pushes changes to the portal after they commit. Agents listen on the user-scoped channel
 * {@code inbox} (events "offers" and "chat"); supervisors on the user-scoped {@code queue}, sent to
 * everyone who opened the queue page ({@link QueueChannel}). User-scoped channels have a socket URL
 * of their session's own, and web.xml lets only signed-in sessions open one.
 */
@ApplicationScoped
public class InboxPush {

    public static final String OFFERS = "offers";
    public static final String CHAT = "chat";
    public static final String QUEUE = "queue";
    public static final String TYPING_PREFIX = "typing:";

    void onOffers(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged event) {
        toQueue();
        toUsers(OFFERS, event.agents());
    }

    void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        if (event.owner() != null) {
            toUser(CHAT, event.owner());
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        // Supervisors first: a failing send to an agent who just left their inbox must not cost them the nudge.
        toQueue();
        if (event.owner() != null) {
            toUser(OFFERS, event.owner());
        }
    }

    /** The customer is typing: the owner's chat page shows it ("typing:&lt;conversation id&gt;"). */
    void onTyping(@Observes dev.handoff.platform.events.Typing event) {
        if ("customer".equals(event.author()) && event.owner() != null) {
            toUser(TYPING_PREFIX + event.conversationId(), event.owner());
        }
    }

    void onSlaBreach(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaBreached event) {
        toUser(OFFERS, event.owner());
        toQueue();
    }

    private static void toUser(String message, String user) {
        PushContext inbox = PushChannels.inbox();
        if (inbox != null) {
            inbox.send(message, user);
        }
    }

    private static <S extends Serializable> void toUsers(String message, Collection<S> users) {
        PushContext inbox = PushChannels.inbox();
        if (inbox != null && !users.isEmpty()) {
            inbox.send(message, users);
        }
    }

    private static void toQueue() {
        PushContext queue = PushChannels.queue();
        Set<String> watchers = PushChannels.queueWatchers();
        if (queue != null && !watchers.isEmpty()) {
            queue.send(QUEUE, Set.copyOf(watchers));
        }
    }
}
