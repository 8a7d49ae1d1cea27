package dev.handoff.web.push;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.SlaBreached;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.PushContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pushes changes to the portal after they commit. Agents listen on the user-scoped channel
 * {@code inbox} (events "offers" and "chat"); supervisors on the user-scoped {@code queue}, sent to
 * everyone who opened the queue page ({@link QueueChannel}). User-scoped channels have a socket URL
 * of their session's own, and web.xml lets only signed-in sessions open one.
 *
 * <p>Pushes are coalesced per user and event ({@link PushThrottle}, window
 * {@code handoff.push.coalesce-millis}): the first change goes out at once, a burst after it costs
 * one more refresh at the end of the window.
 */
@ApplicationScoped
public class InboxPush {

    public static final String OFFERS = "offers";
    public static final String CHAT = "chat";
    public static final String QUEUE = "queue";
    public static final String TYPING_PREFIX = "typing:";
    /**
     * The customer's message arrived: the owner's page ends "Customer is typing…" for that chat
     * ("wrote:&lt;conversation id&gt;"). A plain "chat" refresh does not end it: that one also follows the
     * agent's own messages and other chats, and arriving after a fresh "typing:" it would hide it.
     */
    public static final String WROTE_PREFIX = "wrote:";

    private static final Logger LOG = Logger.getLogger(InboxPush.class.getName());
    private static final String QUEUE_KEY = "queue-watchers";
    private static final String OFFER_KEY = "offer-made/";

    @ConfigProperty(name = "handoff.push.coalesce-millis", defaultValue = "250")
    long coalesceMillis;

    private volatile PushThrottle throttle;
    private volatile PushThrottle.Scheduler scheduler;

    public void onOffers(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged event) {
        // The offered agent first, and in a coalescing slot of its own: an offer's push is never held behind
        // the window of an earlier nudge about the agent's own chats (ADR 0035), nor behind the supervisors'.
        for (String agent : event.agents()) {
            coalesced(OFFER_KEY + agent, () -> {
                PushContext inbox = PushChannels.inbox();
                if (inbox != null) {
                    inbox.send(OFFERS, agent);
                }
            });
        }
        toQueue();
    }

    @jakarta.inject.Inject
    Typing typing;

    public void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        // a message ends its writer's "typing…" (an indicator also fades by itself after Typing.FRESH).
        // On a full server the EJB module's start-up (the demo data) posts messages before this web
        // module's injection has run (seen in the EAR smoke): then there is nobody typing yet.
        if (typing == null) {
            LOG.fine("Typing not injected yet; no indicator to end");
        } else if (event.author() == dev.handoff.platform.entity.Author.CUSTOMER) {
            typing.customerWrote(event.conversationId());
        } else if (event.author() == dev.handoff.platform.entity.Author.AGENT) {
            typing.agentWrote(event.conversationId());
        }
        if (event.owner() != null) {
            toUser(CHAT, event.owner());
            if (event.author() == dev.handoff.platform.entity.Author.CUSTOMER) {
                toUser(WROTE_PREFIX + event.conversationId(), event.owner());
            }
        }
        toWatchers(event.conversationId(), event.owner());
    }

    @jakarta.inject.Inject
    ChatWatchers watchers;

    /** Everyone else with the chat open (a supervisor, a consulted colleague) sees it change too. */
    private void toWatchers(String conversationId, String owner) {
        if (watchers == null) {
            return; // as with typing: an event during a full server's start-up, before injection
        }
        for (String user : watchers.watchers(conversationId)) {
            if (!user.equals(owner)) {
                toUser(CHAT, user);
            }
        }
    }

    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        // Supervisors first: a failing send to an agent who just left their inbox must not cost them the nudge.
        toQueue();
        if (event.owner() != null) {
            toUser(OFFERS, event.owner());
        }
        toWatchers(event.conversationId(), null);
    }

    public void onPresence(@Observes(during = TransactionPhase.AFTER_SUCCESS) dev.handoff.platform.events.PresenceChanged event) {
        toQueue();
    }

    /** The customer is typing: the owner's chat page shows it ("typing:&lt;conversation id&gt;"). */
    public void onTyping(@Observes dev.handoff.platform.events.Typing event) {
        if ("customer".equals(event.author()) && event.owner() != null) {
            toUser(TYPING_PREFIX + event.conversationId(), event.owner());
        }
    }

    public void onSlaBreach(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaBreached event) {
        toUser(OFFERS, event.owner());
        toQueue();
    }

    private void toUser(String message, String user) {
        coalesced(message + "/" + user, () -> {
            PushContext inbox = PushChannels.inbox();
            if (inbox != null) {
                inbox.send(message, user);
            }
        });
    }

    private void toQueue() {
        coalesced(QUEUE_KEY, () -> {
            PushContext queue = PushChannels.queue();
            Set<String> watchers = PushChannels.queueWatchers();
            if (queue != null && !watchers.isEmpty()) {
                queue.send(QUEUE, Set.copyOf(watchers));
            }
        });
    }

    private void coalesced(String key, Runnable send) {
        PushThrottle t = throttle;
        if (t == null) {
            t = new PushThrottle(coalesceMillis, System::nanoTime);
            throttle = t;
        }
        t.submit(key, () -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "push " + key + " failed", e);
            }
        }, scheduler());
    }

    /**
     * The container's managed scheduler, looked up on first use (not at construction: in an EAR the
     * first event may arrive on a deployment thread without the web module's naming context). Without
     * one, a held push is sent at once instead of being lost.
     */
    private PushThrottle.Scheduler scheduler() {
        PushThrottle.Scheduler s = scheduler;
        if (s != null) {
            return s;
        }
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            s = (task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            scheduler = s;
            return s;
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "no managed scheduler here; sending at once", e);
            return (task, delayNanos) -> task.run();
        }
    }
}
