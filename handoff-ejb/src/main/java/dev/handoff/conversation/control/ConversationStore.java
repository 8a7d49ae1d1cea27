package dev.handoff.conversation.control;

import dev.handoff.conversation.boundary.ContextView;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.TriggerView;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.CsatResponse;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.conversation.entity.HandoffContext;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.entity.TriggerHit;
import dev.handoff.platform.NotFoundException;
import dev.handoff.identity.entity.Agent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Loads conversations and turns them into views. Runs inside the calling boundary's transaction. */
@Dependent
public class ConversationStore {

    @PersistenceContext
    EntityManager em;

    /** Routing's wait estimates, through the conversation's port (ADR 0063). */
    @Inject
    WaitEstimates queue;

    @Inject
    SlaTimers sla;

    public Conversation get(String id) {
        Conversation conversation = id == null || id.length() > 36 ? null : em.find(Conversation.class, id);
        if (conversation == null) {
            throw new NotFoundException("Conversation " + id + " does not exist");
        }
        return conversation;
    }

    /** The conversation, locked for writing so messages get gap-free sequence numbers. */
    public Conversation getForUpdate(String id) {
        Conversation conversation = id == null || id.length() > 36
                ? null
                : em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (conversation == null) {
            throw new NotFoundException("Conversation " + id + " does not exist");
        }
        return conversation;
    }

    /**
     * Locks the agent's row ({@code SELECT … FOR UPDATE}) and answers how many chats they own now,
     * read with a locking read so that it sees every committed accept whatever the transaction read
     * before. Accepts and transfers call this after locking the conversation: always conversation
     * first, then agent, so two of them cannot deadlock. While the lock is held, nobody else can give
     * this agent a chat, so a capacity check made now stays true until commit.
     */
    public int lockSeats(Agent agent) {
        em.refresh(agent, LockModeType.PESSIMISTIC_WRITE);
        return em.createNamedQuery(Conversation.FIND_ACTIVE_BY_AGENT, Conversation.class)
                .setParameter("agent", agent)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }

    public Optional<Customer> findCustomer(String externalId) {
        return em.createNamedQuery(Customer.FIND_BY_EXTERNAL_ID, Customer.class)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /** The customer, locked for writing until the transaction ends (reads the newest committed row). */
    public Optional<Customer> lockCustomer(String externalId) {
        return em.createNamedQuery(Customer.FIND_BY_EXTERNAL_ID, Customer.class)
                .setParameter("externalId", externalId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** The message the bot platform sent with this id of its own, if it was stored. */
    public Optional<Message> messageByClientId(String conversationId, String clientMessageId) {
        return em.createNamedQuery(Message.FIND_BY_CLIENT_ID, Message.class)
                .setParameter("conversationId", conversationId)
                .setParameter("clientMessageId", clientMessageId)
                .getResultStream()
                .findFirst();
    }

    public List<Message> messagesAfter(String conversationId, int after, int limit) {
        return em.createNamedQuery(Message.FIND_AFTER, Message.class)
                .setParameter("conversationId", conversationId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The last {@code count} stored messages of the conversation, oldest first. */
    public List<Message> lastMessages(Conversation conversation, int count) {
        return messagesAfter(conversation.getId(), Math.max(0, conversation.getMessageCount() - count), count);
    }

    public List<MessageView> transcript(String conversationId) {
        return messagesAfter(conversationId, 0, 10_000).stream().map(MessageView::of).toList();
    }

    public List<TriggerView> triggers(String conversationId) {
        return em.createNamedQuery(TriggerHit.FIND_BY_CONVERSATION, TriggerHit.class)
                .setParameter("conversationId", conversationId)
                .getResultStream()
                .map(TriggerView::of)
                .toList();
    }

    public WaitEstimates.Estimate estimate(Conversation c) {
        return queue.estimate(c);
    }

    /** The wait estimates of these queued conversations, with one pass over the engine's queues. */
    public Map<String, WaitEstimates.Estimate> estimates(List<Conversation> queued) {
        return queued.isEmpty() ? Map.of() : queue.estimates(queued);
    }

    public ConversationView view(Conversation c) {
        return views(List.of(c)).get(0);
    }

    /**
     * Many conversations' views at a fixed number of queries, whatever their number (issue 10's read
     * side): the triggers, earlier handoffs, contexts and ratings of all of them are read in one query
     * each, instead of four to seven per row. Customers and agents come with the rows when the
     * caller's query asked for them with {@link #withParts}.
     */
    public List<ConversationView> views(List<Conversation> conversations) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        List<String> escalated = conversations.stream().filter(c -> c.getEscalatedAt() != null).map(Conversation::getId).toList();
        List<String> closed = conversations.stream().filter(c -> !c.getState().isOpen()).map(Conversation::getId).toList();
        Map<String, List<TriggerView>> triggers = new HashMap<>();
        Map<String, Long> previous = new HashMap<>();
        Map<String, ContextView> contexts = Map.of();
        if (!escalated.isEmpty()) {
            em.createQuery("SELECT h.conversationId, h.triggerName, h.reason, h.evidence, h.messageSeq FROM TriggerHit h"
                            + " WHERE h.conversationId IN :ids ORDER BY h.id", Object[].class)
                    .setParameter("ids", escalated).getResultStream()
                    .forEach(r -> triggers.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                            .add(new TriggerView((String) r[1], (String) r[2], (String) r[3], (Integer) r[4])));
            em.createQuery("SELECT c.id, COUNT(o) FROM Conversation c, Conversation o WHERE c.id IN :ids AND o.customer = c.customer"
                            + " AND o.escalatedAt IS NOT NULL AND o.createdAt < c.createdAt GROUP BY c.id", Object[].class)
                    .setParameter("ids", escalated).getResultStream()
                    .forEach(r -> previous.put((String) r[0], ((Number) r[1]).longValue()));
            contexts = contexts(escalated);
        }
        Map<String, CsatResponse> ratings = closed.isEmpty() ? Map.of()
                : em.createQuery("SELECT r FROM CsatResponse r WHERE r.conversationId IN :ids", CsatResponse.class)
                        .setParameter("ids", closed).getResultStream()
                        .collect(Collectors.toMap(CsatResponse::getConversationId, r -> r));
        List<Conversation> queued = conversations.stream().filter(c -> c.getState() == ConversationState.QUEUED).toList();
        Map<String, WaitEstimates.Estimate> estimates = estimates(queued);
        List<ConversationView> views = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            views.add(view(c, triggers.getOrDefault(c.getId(), List.of()), previous.getOrDefault(c.getId(), 0L),
                    contexts.get(c.getId()), ratings.get(c.getId()), estimates.get(c.getId())));
        }
        return views;
    }

    /**
     * The context packages of many conversations, by conversation id, in three queries whatever their
     * number (the contexts, then their facts and their pages, each batch-read by id).
     */
    private Map<String, ContextView> contexts(List<String> conversationIds) {
        return em.createQuery("SELECT x FROM HandoffContext x WHERE x.conversationId IN :ids", HandoffContext.class)
                .setParameter("ids", conversationIds)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "x.facts")
                .setHint("eclipselink.batch", "x.pages")
                .getResultStream()
                .collect(Collectors.toMap(HandoffContext::getConversationId, ContextView::of));
    }

    /**
     * Asks a query over conversations ({@code c}) to bring their customers and owning agents (with
     * their accounts and skills) in batches, not one row at a time.
     */
    public static <T> TypedQuery<T> withParts(TypedQuery<T> query) {
        return query.setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "c.customer")
                .setHint("eclipselink.batch", "c.assignedAgent")
                .setHint("eclipselink.batch", "c.assignedAgent.user")
                .setHint("eclipselink.batch", "c.assignedAgent.skills");
    }

    private ConversationView view(Conversation c, List<TriggerView> triggers, long previousHandoffs, ContextView contextView,
            CsatResponse csat, WaitEstimates.Estimate wait) {
        Customer customer = c.getCustomer();
        Integer position = wait == null ? null : wait.position();
        Long estimate = wait == null ? null : wait.waitSeconds();
        boolean escalated = c.getEscalatedAt() != null;
        return new ConversationView(c.getId(), c.getState().wireName(), c.getChannel(),
                new ConversationView.CustomerView(customer.getExternalId(), customer.getName(), customer.getEmail(),
                        customer.getTier(), customer.getAccountValue(), customer.getCompany(), customer.getRenewalDate(), customer.getNotes(),
                        customer.getCrmSource(), customer.getCrmUrl(), customer.getCrmOwner(), escalated ? previousHandoffs : 0,
                        customer.getCrmId()),
                c.getPageUrl(), c.getPageTitle(), c.getMetadata(), c.getRequiredSkill(), c.getPriority(),
                c.getEscalationReason(), escalated ? triggers : List.of(), position, estimate,
                c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUsername(),
                c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUser().getDisplayName(),
                c.getMessageCount(), c.getCreatedAt(), c.getEscalatedAt(), c.getAcceptedAt(), c.getClosedAt(),
                c.getResolution(), escalated ? contextView : null,
                c.getState() == ConversationState.ASSIGNED ? sla.timers(c) : List.of(),
                c.getState() == ConversationState.QUEUED ? c.getUnavailableNotice() : null,
                c.getState().isOpen() || csat == null ? null : ConversationView.CsatView.of(csat),
                c.getPreviousConversationId());
    }
}
