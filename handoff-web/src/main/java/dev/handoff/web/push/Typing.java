package dev.handoff.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.PushContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typing indicators, both ways (issue 12, item 5): the bot platform reports that the customer is
 * typing ({@code POST /api/v1/conversations/{id}/typing}) and the owner's chat page shows "Customer
 * is typing…" by push; the owner's chat page reports the agent typing ({@code POST /agent/typing})
 * and the bot reads it ({@code GET /api/v1/conversations/{id}/typing}). Held in memory for
 * {@link #FRESH}: a lost indicator costs nothing, so nothing is stored.
 */
@ApplicationScoped
public class Typing {

    /** How long one report counts as "typing". */
    public static final Duration FRESH = Duration.ofSeconds(6);
    /** The inbox channel's message for the owner's page: "typing:" and the chat's id. */
    public static final String PREFIX = "typing:";

    private final Map<String, Instant> customer = new ConcurrentHashMap<>();
    private final Map<String, Instant> agent = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** The customer is typing; their agent's page is told (at most once a second per chat). */
    public void customerTyping(String conversationId, String owner) {
        Instant now = clock.instant();
        Instant before = customer.put(conversationId, now);
        if (owner != null && (before == null || Duration.between(before, now).toMillis() >= 1000)) {
            PushContext inbox = PushChannels.inbox();
            if (inbox != null) {
                inbox.send(PREFIX + conversationId, owner);
            }
        }
        prune(now);
    }

    public void agentTyping(String conversationId) {
        Instant now = clock.instant();
        agent.put(conversationId, now);
        prune(now);
    }

    public boolean isCustomerTyping(String conversationId) {
        return fresh(customer.get(conversationId));
    }

    public boolean isAgentTyping(String conversationId) {
        return fresh(agent.get(conversationId));
    }

    /** A message from that side ends its indicator. */
    public void customerWrote(String conversationId) {
        customer.remove(conversationId);
    }

    public void agentWrote(String conversationId) {
        agent.remove(conversationId);
    }

    private boolean fresh(Instant at) {
        return at != null && Duration.between(at, clock.instant()).compareTo(FRESH) < 0;
    }

    private void prune(Instant now) {
        if (customer.size() + agent.size() > 10_000) {
            customer.values().removeIf(at -> Duration.between(at, now).compareTo(FRESH) >= 0);
            agent.values().removeIf(at -> Duration.between(at, now).compareTo(FRESH) >= 0);
        }
    }
}
