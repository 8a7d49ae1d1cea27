package dev.handoff.routing.boundary;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.routing.control.Candidate;
import dev.handoff.routing.control.Router;
import dev.handoff.routing.entity.Agent;
import dev.handoff.routing.entity.Offer;
import dev.handoff.routing.entity.OfferState;
import dev.handoff.routing.entity.Presence;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offers queued handoffs to agents: when a chat escalates, when an agent comes online or frees a
 * seat, and on a clock that expires offers nobody answered and hands them to the next agent.
 */
@Stateless
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Inject
    Event<OfferChanged> offerChanged;

    @Inject
    @ConfigProperty(name = "handoff.routing.offer-timeout-seconds", defaultValue = "45")
    long offerTimeoutSeconds;

    /** Offers one queued conversation to the best agent, unless an offer is already pending. */
    public Optional<String> route(Conversation conversation) {
        if (conversation.getState() != ConversationState.QUEUED || hasPendingOffer(conversation.getId())) {
            return Optional.empty();
        }
        Set<Long> excluded = em.createNamedQuery(Offer.FIND_BY_CONVERSATION, Offer.class)
                .setParameter("conversationId", conversation.getId())
                .getResultStream()
                .map(o -> o.getAgent().getId())
                .collect(Collectors.toSet());
        List<Candidate> candidates = candidates();
        Optional<Candidate> choice = router.choose(conversation.getRequiredSkill(), candidates, excluded);
        if (choice.isEmpty() && !excluded.isEmpty()) {
            // Everyone suitable has seen it once: start another round rather than leave it unoffered.
            choice = router.choose(conversation.getRequiredSkill(), candidates, Set.of());
        }
        return choice.map(c -> {
            Agent agent = em.find(Agent.class, c.agentId());
            em.persist(new Offer(conversation, agent, clock.instant()));
            offerChanged.fire(new OfferChanged(conversation.getId(), Set.of(agent.getUsername())));
            return agent.getUsername();
        });
    }

    /** Offers every queued conversation without a pending offer, most urgent first. */
    public int routeWaiting() {
        int offered = 0;
        for (Conversation c : em.createNamedQuery(Conversation.FIND_QUEUED, Conversation.class).getResultList()) {
            if (route(c).isPresent()) {
                offered++;
            }
        }
        return offered;
    }

    public void setPresence(String username, Presence presence) {
        Agent agent = agentByUsername(username);
        if (agent.getPresence() == presence) {
            return;
        }
        agent.changePresence(presence);
        if (presence != Presence.ONLINE) {
            withdrawPendingOffers(agent);
        }
        em.flush();
        routeWaiting();
    }

    public Presence presenceOf(String username) {
        return agentByUsername(username).getPresence();
    }

    /** The agent passes on an offer; it goes to the next agent. */
    public void decline(String conversationId, String username) {
        Agent agent = agentByUsername(username);
        Instant now = clock.instant();
        for (Offer offer : pendingOffers(conversationId)) {
            if (offer.getAgent().getId().equals(agent.getId())) {
                offer.close(OfferState.DECLINED, now);
                offerChanged.fire(new OfferChanged(conversationId, Set.of(username)));
            }
        }
        em.flush();
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation != null) {
            route(conversation);
        }
    }

    /** Closes every pending offer for a conversation that has just been taken. */
    public void settleOffers(String conversationId, String winner) {
        Instant now = clock.instant();
        Set<String> touched = new HashSet<>();
        for (Offer offer : pendingOffers(conversationId)) {
            offer.close(offer.getAgent().getUsername().equals(winner) ? OfferState.ACCEPTED : OfferState.WITHDRAWN, now);
            touched.add(offer.getAgent().getUsername());
        }
        if (!touched.isEmpty()) {
            offerChanged.fire(new OfferChanged(conversationId, touched));
        }
    }

    /** Expires offers nobody answered in time, then offers what is waiting. Run by {@link RoutingClock}. */
    public void tick() {
        Instant cutoff = clock.instant().minusSeconds(offerTimeoutSeconds);
        List<Offer> stale = em.createNamedQuery(Offer.FIND_PENDING_OLDER_THAN, Offer.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
        for (Offer offer : stale) {
            offer.close(OfferState.EXPIRED, clock.instant());
            offerChanged.fire(new OfferChanged(offer.getConversation().getId(), Set.of(offer.getAgent().getUsername())));
            LOG.fine(() -> "Offer of " + offer.getConversation().getId() + " to " + offer.getAgent().getUsername() + " expired");
        }
        em.flush();
        routeWaiting();
    }

    private void withdrawPendingOffers(Agent agent) {
        Instant now = clock.instant();
        for (Offer offer : em.createNamedQuery(Offer.FIND_PENDING_BY_AGENT, Offer.class).setParameter("agent", agent).getResultList()) {
            offer.close(OfferState.WITHDRAWN, now);
            offerChanged.fire(new OfferChanged(offer.getConversation().getId(), Set.of(agent.getUsername())));
        }
    }

    private boolean hasPendingOffer(String conversationId) {
        return !pendingOffers(conversationId).isEmpty();
    }

    private List<Offer> pendingOffers(String conversationId) {
        return em.createNamedQuery(Offer.FIND_PENDING_BY_CONVERSATION, Offer.class)
                .setParameter("conversationId", conversationId)
                .getResultList();
    }

    private List<Candidate> candidates() {
        List<Agent> online = em.createNamedQuery(Agent.FIND_ONLINE, Agent.class).getResultList();
        Map<Long, Integer> active = counts(
                "SELECT c.assignedAgent.id, COUNT(c) FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED GROUP BY c.assignedAgent.id");
        Map<Long, Integer> pending = counts(
                "SELECT o.agent.id, COUNT(o) FROM Offer o WHERE o.state = dev.handoff.routing.entity.OfferState.PENDING GROUP BY o.agent.id");
        return online.stream()
                .map(a -> new Candidate(a.getId(), a.getUsername(), a.isAvailable(), a.getSkills(), a.getMaxConcurrentChats(),
                        active.getOrDefault(a.getId(), 0), pending.getOrDefault(a.getId(), 0), a.getLastAssignedAt()))
                .toList();
    }

    private Map<Long, Integer> counts(String jpql) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    Agent agentByUsername(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(username + " has no agent profile"));
    }
}
