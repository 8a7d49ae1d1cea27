package dev.handoff.conversation.control;

import dev.handoff.context.boundary.ContextService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.TriggerView;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.CsatResponse;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.conversation.entity.Message;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.escalation.entity.TriggerHit;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.control.QueueEstimator;
import dev.handoff.routing.entity.Agent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Loads conversations and turns them into views. Runs inside the calling boundary's transaction. */
@Dependent
public class ConversationStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    QueueEstimator queue;

    @Inject
    ContextService context;

    @Inject
    SlaService sla;

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

    /** How often this customer was handed to a person before this conversation. */
    long previousHandoffs(Conversation c) {
        if (c.getEscalatedAt() == null) {
            return 0;
        }
        return em.createQuery("SELECT COUNT(o) FROM Conversation o WHERE o.customer = :customer AND o.escalatedAt IS NOT NULL AND o.createdAt < :before",
                        Long.class)
                .setParameter("customer", c.getCustomer())
                .setParameter("before", c.getCreatedAt())
                .getSingleResult();
    }

    public QueueEstimator.Estimate estimate(Conversation c) {
        return queue.estimate(c);
    }

    public ConversationView view(Conversation c) {
        Customer customer = c.getCustomer();
        Integer position = null;
        Long estimate = null;
        if (c.getState() == ConversationState.QUEUED) {
            QueueEstimator.Estimate e = queue.estimate(c);
            position = e.position();
            estimate = e.waitSeconds();
        }
        return new ConversationView(c.getId(), c.getState().wireName(), c.getChannel(),
                new ConversationView.CustomerView(customer.getExternalId(), customer.getName(), customer.getEmail(),
                        customer.getTier(), customer.getAccountValue(), customer.getCompany(), customer.getRenewalDate(), customer.getNotes(),
                        customer.getCrmSource(), customer.getCrmUrl(), customer.getCrmOwner(), previousHandoffs(c), customer.getCrmId()),
                c.getPageUrl(), c.getPageTitle(), c.getMetadata(), c.getRequiredSkill(), c.getPriority(),
                c.getEscalationReason(), c.getEscalatedAt() == null ? List.of() : triggers(c.getId()), position, estimate,
                c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUsername(),
                c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUser().getDisplayName(),
                c.getMessageCount(), c.getCreatedAt(), c.getEscalatedAt(), c.getAcceptedAt(), c.getClosedAt(),
                c.getResolution(), c.getEscalatedAt() == null ? null : context.view(c.getId()).orElse(null),
                c.getState() == ConversationState.ASSIGNED ? sla.timers(c) : List.of(),
                c.getState() == ConversationState.QUEUED ? c.getUnavailableNotice() : null,
                c.getState().isOpen() ? null : Optional.ofNullable(em.find(CsatResponse.class, c.getId())).map(ConversationView.CsatView::of).orElse(null),
                c.getPreviousConversationId());
    }
}
