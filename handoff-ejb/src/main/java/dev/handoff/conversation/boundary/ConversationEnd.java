package dev.handoff.conversation.boundary;

import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.control.CustomerNotices;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.CsatResponse;
import dev.handoff.conversation.entity.Message;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.CsatReceived;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.Resolved;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * How a conversation ends for the customer: ended from the widget (resolved by the bot when no
 * person was needed, otherwise closed: the customer left), and the satisfaction rating afterwards,
 * for chats a person handled and for chats the bot resolved alike.
 */
@Stateless
public class ConversationEnd {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    ConversationService conversations;

    @Inject
    CustomerNotices notices;

    @Inject
    Clock clock;

    @Inject
    Event<DomainEvent> domainEvents;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    Event<MessagePosted> messagePosted;

    /**
     * The customer ends the chat. While the bot has it, the bot resolved it: a goodbye and the CSAT
     * question follow. While it waits or a person has it, the customer left: it is closed (a waiting
     * customer who leaves is recorded as abandoned).
     */
    public ConversationView endByCustomer(String conversationId) {
        Conversation conversation = store.getForUpdate(conversationId);
        if (!conversation.getState().isOpen()) {
            return store.view(conversation);
        }
        if (conversation.getState() != ConversationState.BOT) {
            return conversations.close(conversationId);
        }
        Instant now = clock.instant();
        Message question = conversation.append(Author.SYSTEM, "Handoff", notices.csatQuestion(null), now).withBotSignal("csat_question", null);
        em.persist(question);
        conversation.resolveByBot(now);
        em.flush();
        domainEvents.fire(new Resolved(conversationId, null, conversation.getResolution(), null, now));
        messagePosted.fire(new MessagePosted(conversationId, question.getSeq(), Author.SYSTEM, null));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), null));
        return store.view(conversation);
    }

    /** Stores the customer's rating of a finished conversation, once; fires {@link CsatReceived}. */
    public ConversationView.CsatView rate(String conversationId, int rating, String comment) {
        Conversation conversation = store.getForUpdate(conversationId);
        if (conversation.getState().isOpen()) {
            throw new ConflictException("A chat is rated once it has ended; this one is " + conversation.getState().wireName());
        }
        if (em.find(CsatResponse.class, conversationId) != null) {
            throw new ConflictException("This chat was already rated");
        }
        String agent = conversation.getAssignedAgent() == null ? null : conversation.getAssignedAgent().getUsername();
        Instant now = clock.instant();
        CsatResponse response = new CsatResponse(conversationId, rating, comment, agent, conversation.getEscalatedAt() != null, now);
        em.persist(response);
        em.flush();
        domainEvents.fire(new CsatReceived(conversationId, agent, response.isEscalated(), rating, response.getComment(), now));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), agent));
        return view(response);
    }

    public Optional<ConversationView.CsatView> csat(String conversationId) {
        return Optional.ofNullable(em.find(CsatResponse.class, conversationId)).map(ConversationEnd::view);
    }

    private static ConversationView.CsatView view(CsatResponse r) {
        return ConversationView.CsatView.of(r);
    }
}
