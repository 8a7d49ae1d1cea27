package dev.handoff.conversation.boundary;

import dev.handoff.platform.RoutingSettings;
import dev.handoff.conversation.control.ContextCapture;
import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.control.FollowUps;
import dev.handoff.conversation.control.HandoffAvailability;
import dev.handoff.conversation.control.HandoffQueue;
import dev.handoff.conversation.control.WaitEstimates;
import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerFiring;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.escalation.entity.TriggerHit;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.Closed;
import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.Escalated;
import dev.handoff.platform.events.HandoffCaptured;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot platform's side of a conversation: start it, post customer and bot messages (each one
 * runs through the live triggers and may escalate the chat), read its state and new messages.
 */
@Stateless
public class ConversationService {

    /** How much of the transcript the triggers see. */
    static final int TRIGGER_WINDOW = 20;
    public static final int MAX_PAGE = 200;
    /** How much of the transcript the context package (summary, facts, pages) is built from. */
    static final int CONTEXT_MESSAGES = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    TriggerEngine triggers;

    @Inject
    CustomerRegistry customers;

    /** Routing, through the conversation's port (ADR 0063). */
    @Inject
    HandoffQueue routing;

    @Inject
    HandoffAvailability availability;

    @Inject
    ContextCapture context;

    @Inject
    Event<HandoffCaptured> handoffCaptured;

    @Inject
    Clock clock;

    @Inject
    Event<MessagePosted> messagePosted;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    RoutingSettings routingSettings;

    @Inject
    Event<DomainEvent> domainEvents;

    @Inject
    dev.handoff.conversation.control.CustomerNotices notices;

    @Inject
    FollowUps followUps;

    public ConversationView start(StartCommand command) {
        Instant now = clock.instant();
        Customer customer = upsertCustomer(command.customerExternalId().strip());
        customer.updateProfile(command.customerName(), command.customerEmail(), command.customerTier(),
                command.customerAccountValue(), now);
        customer.updateDetails(command.customerCompany(), command.customerRenewalDate(), command.customerNotes(), now);
        Conversation conversation = new Conversation(customer, command.channel(), now);
        conversation.onPage(command.pageUrl(), command.pageTitle());
        conversation.attachMetadata(command.metadataJson());
        em.persist(conversation);
        em.flush();
        domainEvents.fire(new ConversationStarted(conversation.getId(), customer.getExternalId(), command.channel(), now));
        return store.view(conversation);
    }

    /**
     * The customer with this external id, registered if new, locked for this transaction: concurrent
     * starts for one customer wait for each other instead of failing on the unique id or the version.
     */
    private Customer upsertCustomer(String externalId) {
        if (store.findCustomer(externalId).isEmpty()) {
            customers.register(externalId);
        }
        return store.lockCustomer(externalId)
                .orElseThrow(() -> new dev.handoff.platform.ConflictException("The customer could not be registered just now; try again"));
    }

    /**
     * One message, one pass: the trigger window and the customer's facts are read before the new
     * message exists (so reading them forces no flush), the message and its effects are written in
     * one flush, and the view is built from what this transaction already holds. The transcript is
     * read once more only when the chat is handed over or its context refreshed.
     */
    public PostOutcome post(String conversationId, PostCommand command) {
        if (command.author() == Author.AGENT) {
            throw new InvalidInputException("author", "agents write through the portal; the API accepts customer, bot or system");
        }
        Instant now = clock.instant();
        Conversation conversation = store.getForUpdate(conversationId);
        if (!conversation.getState().isOpen() && command.author() == Author.CUSTOMER) {
            // The customer writes again after the end: a new conversation continues this one (no 409).
            Conversation next = continuation(conversation, now);
            return post(next.getId(), command);
        }
        if (command.clientMessageId() != null) {
            Optional<Message> stored = store.messageByClientId(conversationId, command.clientMessageId());
            if (stored.isPresent()) {
                return new PostOutcome(MessageView.of(stored.get()), false, List.of(), store.view(conversation));
            }
        }
        boolean evaluate = conversation.getState() == ConversationState.BOT && command.author() != Author.SYSTEM;
        List<Message> earlier = evaluate ? store.lastMessages(conversation, TRIGGER_WINDOW - 1) : List.of();
        TriggerInput.CustomerFacts facts = evaluate ? customerFacts(conversation) : null;
        Message message = conversation.append(command.author(), null, command.text(), now)
                .withClientId(command.clientMessageId())
                .withBotSignal(command.intent(), command.confidence())
                .onPage(command.pageUrl());
        conversation.onPage(command.pageUrl(), command.pageTitle());
        em.persist(message);

        List<TriggerView> fired = List.of();
        boolean escalatedNow = false;
        Handover handover = null;
        if (evaluate) {
            Decision decision = triggers.evaluate(transcript(earlier, message, facts));
            if (decision.escalate()) {
                handover = escalate(conversation, message, earlier, decision, now);
                escalatedNow = handover != null;
                fired = decision.firings().stream().map(f -> TriggerView.of(f, message.getSeq())).toList();
            }
        }
        if (!escalatedNow && conversation.getEscalatedAt() != null && command.author() == Author.CUSTOMER) {
            context.refresh(conversation, store.messagesAfter(conversationId, 0, CONTEXT_MESSAGES));
        }
        em.flush();
        if (command.author() == Author.CUSTOMER && conversation.getState() == ConversationState.ASSIGNED) {
            routing.customerWrote(conversationId);
        }
        messagePosted.fire(new MessagePosted(conversationId, message.getSeq(), message.getAuthor(), owner(conversation)));
        return new PostOutcome(MessageView.of(message), escalatedNow, fired, store.view(conversation),
                handover == null ? null : handover.transition(), handover == null ? null : handover.confirmation());
    }

    /** The texts sent to the customer when the chat was handed over. */
    record Handover(String transition, String confirmation) {}

    /** A new conversation for the same customer, channel and page, pointing back at {@code ended}. */
    private Conversation continuation(Conversation ended, Instant now) {
        Conversation next = new Conversation(ended.getCustomer(), ended.getChannel(), now);
        next.onPage(ended.getPageUrl(), ended.getPageTitle());
        next.attachMetadata(ended.getMetadata());
        next.continues(ended.getId());
        em.persist(next);
        em.flush();
        domainEvents.fire(new ConversationStarted(next.getId(), ended.getCustomer().getExternalId(), next.getChannel(), now));
        return next;
    }

    /**
     * The customer asked for a person ("Talk to a person"): the message goes through the triggers
     * like any other; if they did not hand the chat over, it is handed over anyway, at once.
     */
    public PostOutcome requestPerson(String conversationId, String text, String pageUrl, String pageTitle) {
        PostOutcome outcome = post(conversationId, new PostCommand(Author.CUSTOMER, text, "talk_to_a_person", null, pageUrl, pageTitle));
        Conversation conversation = store.getForUpdate(outcome.conversation().id());
        if (conversation.getState() != ConversationState.BOT) {
            return outcome;
        }
        TriggerFiring asked = new TriggerFiring("talk-to-a-person", "The customer pressed 'Talk to a person'", "Talk to a person",
                routingSettings.defaultSkill(), 90);
        Decision decision = new Decision(List.of(asked));
        List<Message> window = store.lastMessages(conversation, TRIGGER_WINDOW);
        Message message = window.stream().filter(m -> m.getSeq() == outcome.message().seq()).findFirst()
                .orElseThrow(() -> new dev.handoff.platform.ConflictException("The chat changed while handing it over; try again"));
        List<Message> earlier = window.stream().filter(m -> m.getSeq() < message.getSeq()).toList();
        Handover handover = escalate(conversation, message, earlier, decision, clock.instant());
        return new PostOutcome(outcome.message(), handover != null, List.of(TriggerView.of(asked, message.getSeq())), store.view(conversation),
                handover == null ? null : handover.transition(), handover == null ? null : handover.confirmation());
    }

    /**
     * Hands the chat over. {@code earlier} is the trigger window read before {@code message}; when it
     * holds the whole chat (most escalations happen early), the context is built from it without
     * reading the transcript again.
     */
    private Handover escalate(Conversation conversation, Message message, List<Message> earlier, Decision decision, Instant now) {
        String skill = decision.skill(routingSettings.defaultSkill()).orElse(routingSettings.defaultSkill());
        if (!conversation.escalate(skill, decision.priority(), decision.summary(), now)) {
            return null;
        }
        for (TriggerFiring f : decision.firings()) {
            em.persist(new TriggerHit(conversation.getId(), message.getSeq(), f.name(), f.reason(), f.evidence(), now));
        }
        List<Message> transcript;
        if (earlier.size() + 1 == message.getSeq()) {
            transcript = new ArrayList<>(earlier);
            transcript.add(message);
        } else {
            transcript = store.messagesAfter(conversation.getId(), 0, CONTEXT_MESSAGES);
        }
        dev.handoff.conversation.entity.HandoffContext captured = context.capture(conversation, transcript,
                decision.firings().stream().map(TriggerFiring::reason).toList());
        handoffCaptured.fire(new HandoffCaptured(conversation.getId()));
        Optional<HandoffAvailability.Unavailable> unavailable = availability.unavailability(skill);
        unavailable.ifPresent(u -> conversation.noticeUnavailable(u.reason()));
        String customerName = conversation.getCustomer().getName();
        String transition = notices.transition(skill, decision.firings().stream().map(TriggerFiring::name).toList(), customerName);
        Message notice = conversation.append(Author.SYSTEM, "Handoff", transition, now);
        em.persist(notice);
        Optional<String> confirmation = notices.confirmation(captured, skill, customerName);
        Message confirmed = confirmation.map(text -> conversation.append(Author.SYSTEM, "Handoff", text, now)).orElse(null);
        if (confirmed != null) {
            em.persist(confirmed);
        }
        // Nobody can take it now: said honestly, last, with the callback / e-mail choice.
        Message honest = unavailable.map(u -> conversation.append(Author.SYSTEM, "Handoff", unavailableText(u), now)).orElse(null);
        if (honest != null) {
            em.persist(honest);
            confirmed = honest;
        }
        em.flush();
        domainEvents.fire(new Escalated(conversation.getId(), skill, decision.priority(),
                decision.firings().stream().map(TriggerFiring::name).toList(), message.getSeq(),
                unavailable.map(HandoffAvailability.Unavailable::reason).orElse(null), now));
        conversationChanged.fire(new ConversationChanged(conversation.getId(), conversation.getState(), null));
        messagePosted.fire(new MessagePosted(conversation.getId(), (confirmed != null ? confirmed : notice).getSeq(), Author.SYSTEM, null));
        routing.route(conversation);
        return new Handover(notice.getText(), confirmation.orElse(null));
    }

    /** Honest words when nobody can take the chat now; the request stays queued for the next agent. */
    static String unavailableText(HandoffAvailability.Unavailable why) {
        String now = switch (why.reason()) {
            case HandoffAvailability.QUEUE_FULL -> "Our team is handling more requests than usual right now, so it may take a while before someone can join.";
            case HandoffAvailability.CLOSED -> "Our team is not working right now; we're back " + why.reopens() + ".";
            default -> "Nobody from our team is available right now.";
        };
        return now + " I've saved your request with everything you've written, and the next person available will pick it up. "
                + "If you'd rather not wait here, leave an e-mail address for a written reply or a phone number for a call back.";
    }

    /**
     * The customer (through the bot) asks to be contacted instead of waiting: recorded for the agents,
     * confirmed to the customer; the chat stays in the queue for the next agent.
     */
    public ConversationView requestFollowUp(String conversationId, String channel, String contact, String preferredTime) {
        Conversation conversation = store.getForUpdate(conversationId);
        if (conversation.getState() != ConversationState.QUEUED) {
            throw new dev.handoff.platform.ConflictException("A follow-up can be requested only while the chat waits for a person");
        }
        Instant now = clock.instant();
        String how = "phone".equals(channel) ? "a call back on " + contact : "a written reply to " + contact;
        String when = preferredTime == null || preferredTime.isBlank() ? "" : " (preferred: " + preferredTime.strip() + ")";
        em.persist(new ChatNote(conversationId, ChatNote.Kind.FOLLOW_UP, "customer",
                conversation.getCustomer().getName() == null ? "Customer" : conversation.getCustomer().getName(),
                "The customer asked for " + how + when + ".", now));
        followUps.create(conversation, channel, contact, preferredTime, now);
        Message confirmation = conversation.append(Author.SYSTEM, "Handoff", "Thanks - we'll get back to you with " + how + when
                + ". Your request keeps its place, so whoever picks it up sees everything you've written.", now);
        em.persist(confirmation);
        em.flush();
        domainEvents.fire(new dev.handoff.platform.events.FollowUpRequested(conversationId, channel, contact,
                preferredTime == null || preferredTime.isBlank() ? null : preferredTime.strip(), now));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), owner(conversation)));
        messagePosted.fire(new MessagePosted(conversationId, confirmation.getSeq(), Author.SYSTEM, owner(conversation)));
        return store.view(conversation);
    }

    /** The trigger window: the earlier messages read before {@code latest} was appended, then {@code latest}. */
    static TriggerInput transcript(List<Message> earlier, Message latest, TriggerInput.CustomerFacts facts) {
        List<TriggerInput.Line> lines = new ArrayList<>(earlier.size() + 1);
        for (Message m : earlier) {
            lines.add(new TriggerInput.Line(m.getAuthor(), m.getText(), m.getConfidence(), m.getIntent()));
        }
        lines.add(new TriggerInput.Line(latest.getAuthor(), latest.getText(), latest.getConfidence(), latest.getIntent()));
        return new TriggerInput(lines, facts);
    }

    /** The customer's facts for the triggers; the last handoff is looked up only when a trigger reads it. */
    private TriggerInput.CustomerFacts customerFacts(Conversation conversation) {
        Customer customer = conversation.getCustomer();
        if (!triggers.readsRecentEscalations()) {
            return new TriggerInput.CustomerFacts(customer.getTier(), customer.getAccountValue());
        }
        // The newest by ORDER BY, not MAX(): EclipseLink hands an aggregate's raw JDBC value to the Instant
        // converter, a Timestamp on the embedded H2 database, where it failed every message.
        Instant lastEscalated = em.createQuery("SELECT c.escalatedAt FROM Conversation c WHERE c.customer = :customer AND c.id <> :id"
                        + " AND c.escalatedAt IS NOT NULL ORDER BY c.escalatedAt DESC", Instant.class)
                .setParameter("customer", customer)
                .setParameter("id", conversation.getId())
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        return new TriggerInput.CustomerFacts(customer.getTier(), customer.getAccountValue(), lastEscalated, clock.instant());
    }

    /** The customer's view of the queue: position, wait and the words for them (no transcript, no context). */
    public QueueStatus queueStatus(String conversationId) {
        Conversation c = store.get(conversationId);
        long waited = c.getEscalatedAt() == null ? 0 : c.waitSoFar(clock.instant()).toSeconds();
        if (c.getState() != ConversationState.QUEUED) {
            return new QueueStatus(c.getId(), c.getState().wireName(), c.getRequiredSkill(), null, null, waited, null, null);
        }
        WaitEstimates.Estimate e = store.estimate(c);
        return new QueueStatus(c.getId(), c.getState().wireName(), c.getRequiredSkill(), e.position(), e.waitSeconds(), waited,
                notices.queue(c.getRequiredSkill(), e.position(), e.waitSeconds()), c.getUnavailableNotice());
    }

    public ConversationView get(String conversationId) {
        return store.view(store.get(conversationId));
    }

    /** Messages with a sequence number above {@code after}, oldest first, at most {@code limit}. */
    public List<MessageView> messagesAfter(String conversationId, int after, int limit) {
        store.get(conversationId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return store.messagesAfter(conversationId, Math.max(0, after), size).stream().map(MessageView::of).toList();
    }

    /** The bot platform ends the chat: the customer left or the bot solved it. */
    public ConversationView close(String conversationId) {
        Conversation conversation = store.getForUpdate(conversationId);
        String owner = owner(conversation);
        ConversationState before = conversation.getState();
        Instant now = clock.instant();
        conversation.close(now);
        domainEvents.fire(new Closed(conversationId, before.name(), owner, now));
        if (before == ConversationState.QUEUED) {
            // The customer left while waiting for a person: recorded with the wait, and the place is freed.
            domainEvents.fire(new dev.handoff.platform.events.Abandoned(conversationId, conversation.getRequiredSkill(),
                    conversation.waitSoFar(now).toSeconds(), now));
        }
        routing.settleOffers(conversationId, null);
        routing.released(conversationId);
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), owner));
        return store.view(conversation);
    }

    private static String owner(Conversation conversation) {
        return conversation.getAssignedAgent() == null ? null : conversation.getAssignedAgent().getUsername();
    }
}
