package dev.handoff.desk.boundary;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.entity.ChatConsult;
import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Message;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.Transferred;
import dev.handoff.routing.boundary.OfferBook;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Agent;
import dev.handoff.platform.Callers;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Agents working a chat together: internal notes, a warm transfer to a named agent or back to the
 * queue for a skill (the note travels with it and the next agent sees the whole context), and
 * consulting a colleague, who can read the chat and add notes without taking it over; a supervisor's
 * whisper to the owner. Who may do what follows from the caller's principal and roles (ADR 0023).
 */
@Stateless
@DeclareRoles({Callers.ADMIN, Callers.SUPERVISOR, Callers.AGENT})
public class ChatTeamwork {

    @Resource
    SessionContext session;

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    RoutingService routing;

    @Inject
    Clock clock;

    @Inject
    UserService users;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    Event<MessagePosted> messagePosted;

    @Inject
    Event<OfferChanged> offerChanged;

    @Inject
    Event<DomainEvent> domainEvents;

    public List<NoteView> notes(String conversationId) {
        return em.createNamedQuery(ChatNote.FIND_BY_CONVERSATION, ChatNote.class).setParameter("conversationId", conversationId)
                .getResultStream().map(NoteView::of).toList();
    }

    public boolean isConsulted(String conversationId, String username) {
        return em.find(ChatConsult.class, new ChatConsult.Key(conversationId, username)) != null;
    }

    /** The open chats a colleague asked this agent about. */
    public List<String> consultsFor(String username) {
        return em.createNamedQuery(ChatConsult.FIND_BY_AGENT, ChatConsult.class).setParameter("agent", username).getResultStream()
                .map(ChatConsult::getConversationId)
                .filter(id -> {
                    Conversation c = em.find(Conversation.class, id);
                    return c != null && c.getState().isOpen();
                })
                .toList();
    }

    /** A note only agents see; the owner, a consulted colleague or a supervisor may write one. */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public NoteView addNote(String conversationId, String text) {
        String username = Callers.name(session);
        boolean supervisor = Callers.supervisor(session);
        Conversation c = store.get(conversationId);
        if (!supervisor && !c.isOwnedBy(username) && !isConsulted(conversationId, username)) {
            throw new ForbiddenException("Only the owner, a consulted colleague or a supervisor can add notes to this chat");
        }
        ChatNote note = note(conversationId, ChatNote.Kind.NOTE, username, text);
        em.persist(note);
        em.flush();
        notifyAgents(c, username);
        return NoteView.of(note);
    }

    /**
     * A supervisor whispers to the agent who owns the chat: an internal note the owner's chat page
     * shows at once and highlighted; the customer and the bot API never see it.
     */
    @RolesAllowed(Callers.SUPERVISOR)
    public NoteView whisper(String conversationId, String text) {
        String username = Callers.name(session);
        Conversation c = store.get(conversationId);
        if (c.getState() != ConversationState.ASSIGNED || c.getAssignedAgent() == null) {
            throw new ConflictException("Only the owner of an assigned chat can be whispered to");
        }
        if (c.isOwnedBy(username)) {
            throw new ConflictException("You own this chat; write a note instead");
        }
        ChatNote note = note(conversationId, ChatNote.Kind.WHISPER, username, text);
        em.persist(note);
        em.flush();
        notifyAgents(c, username);
        return NoteView.of(note);
    }

    /** Warm transfer to a named agent with room for another chat; their first-response clock starts now. */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public void transferToAgent(String conversationId, String toUsername, String noteText) {
        transferToAgent(conversationId, Callers.name(session), Callers.supervisor(session), toUsername, noteText);
    }

    private void transferToAgent(String conversationId, String username, boolean supervisor, String toUsername, String noteText) {
        Conversation c = ownedChat(conversationId, username, supervisor);
        Agent target = agentByUsername(toUsername);
        if (target.getUsername().equals(c.getAssignedAgent().getUsername())) {
            throw new InvalidInputException("to", "the chat is already " + toUsername + "'s");
        }
        routing.requireReachable(target);
        routing.requirePilotMember(target);
        // The conversation is locked (ownedChat); the target's row next, in the accept's order.
        if (store.lockSeats(target) >= target.getMaxConcurrentChats()) {
            throw new ConflictException(target.getUser().getDisplayName() + " is at their capacity of " + target.getMaxConcurrentChats() + " chats");
        }
        String from = c.getAssignedAgent().getUser().getDisplayName();
        String fromAgent = c.getAssignedAgent().getUsername();
        Instant now = clock.instant();
        String by = c.isOwnedBy(username) ? "" : " by " + users.displayName(username);
        em.persist(note(conversationId, ChatNote.Kind.TRANSFER, username,
                "Transferred from " + from + " to " + target.getUser().getDisplayName() + by + (blank(noteText) ? "" : ": " + noteText.strip())));
        c.transferTo(target, now);
        routing.transferred(c, target);
        Message notice = c.append(Author.SYSTEM, "Handoff", from + " has passed your chat to " + target.getUser().getDisplayName()
                + ", who can see everything so far.", now);
        em.persist(notice);
        em.flush();
        domainEvents.fire(new Transferred(conversationId, fromAgent, target.getUsername(), null, username, now));
        conversationChanged.fire(new ConversationChanged(conversationId, c.getState(), target.getUsername()));
        offerChanged.fire(new OfferChanged(conversationId, Set.of(target.getUsername(), username)));
        messagePosted.fire(new MessagePosted(conversationId, notice.getSeq(), Author.SYSTEM, target.getUsername()));
    }

    /** Transfer to a skill: back to the queue (needing that skill) with the note, and offered to the best agent for it. */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public void transferToSkill(String conversationId, String skill, String noteText) {
        String username = Callers.name(session);
        Conversation c = ownedChat(conversationId, username, Callers.supervisor(session));
        if (blank(skill) || !skill.strip().matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
            throw new InvalidInputException("skill", "name a skill to transfer to");
        }
        String needed = skill.strip().toLowerCase(Locale.ROOT);
        String from = c.getAssignedAgent().getUser().getDisplayName();
        String fromAgent = c.getAssignedAgent().getUsername();
        Instant now = clock.instant();
        // Says who did it: the owner, or a supervisor who put an agent's chat back (issue 12, item 8).
        String what = c.isOwnedBy(username) ? "Transferred by " + from + " to the " + needed + " queue"
                : "Put back in the " + needed + " queue by " + users.displayName(username) + " (it was " + from + "'s)";
        em.persist(note(conversationId, ChatNote.Kind.TRANSFER, username, what + (blank(noteText) ? "" : ": " + noteText.strip())));
        c.requeueFor(needed, now);
        Message notice = c.append(Author.SYSTEM, "Handoff", "I'm passing your chat to a member of our " + needed
                + " team, who will see everything so far.", now);
        em.persist(notice);
        em.flush();
        domainEvents.fire(new Transferred(conversationId, fromAgent, null, needed, username, now));
        conversationChanged.fire(new ConversationChanged(conversationId, c.getState(), username));
        messagePosted.fire(new MessagePosted(conversationId, notice.getSeq(), Author.SYSTEM, null));
        routing.route(c);
    }

    /** How many chats the agent owns now (the sign-out asks what happens to them). */
    public long openChatCount(String username) {
        return em.createQuery("SELECT COUNT(c) FROM Conversation c WHERE c.assignedAgent.user.username = :username"
                        + " AND c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED", Long.class)
                .setParameter("username", username)
                .getSingleResult();
    }

    /**
     * The agent is signing out with open chats: each goes to {@code toUsername} (an online agent, with
     * the note) or, when that is blank, back to the front of the queue with the customer told; returns
     * how many chats were handed over.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public int handOverAll(String toUsername, String noteText) {
        String username = Callers.name(session);
        List<String> open = em.createNamedQuery(Conversation.FIND_ACTIVE_BY_AGENT, Conversation.class)
                .setParameter("agent", agentByUsername(username))
                .getResultStream().map(Conversation::getId).toList();
        for (String id : open) {
            if (blank(toUsername)) {
                Conversation c = ownedChat(id, username, false);
                em.persist(note(id, ChatNote.Kind.TRANSFER, username, "Put back in the queue by " + users.displayName(username)
                        + " on signing out" + (blank(noteText) ? "" : ": " + noteText.strip())));
                routing.backToQueueFront(c, OfferBook.LEFT_NOTICE);
            } else {
                transferToAgent(id, username, false, toUsername, blank(noteText) ? "Handed over on signing out" : noteText);
            }
        }
        return open.size();
    }

    /** Asks a colleague for help: they can read the chat and add notes; the owner keeps it. */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public void consult(String conversationId, String colleague, String question) {
        String username = Callers.name(session);
        Conversation c = ownedChat(conversationId, username, Callers.supervisor(session));
        Agent target = agentByUsername(colleague);
        if (target.getUsername().equals(username)) {
            throw new InvalidInputException("colleague", "consult someone else");
        }
        if (!isConsulted(conversationId, target.getUsername())) {
            em.persist(new ChatConsult(conversationId, target.getUsername(), username, clock.instant()));
        }
        em.persist(note(conversationId, ChatNote.Kind.CONSULT, username,
                "Asked " + target.getUser().getDisplayName() + (blank(question) ? " to have a look" : ": " + question.strip())));
        em.flush();
        offerChanged.fire(new OfferChanged(conversationId, Set.of(target.getUsername())));
        notifyAgents(c, username);
    }

    private Conversation ownedChat(String conversationId, String username, boolean supervisor) {
        Conversation c = store.getForUpdate(conversationId);
        if (c.getState() != ConversationState.ASSIGNED) {
            throw new ConflictException("Only a chat an agent owns can be transferred or consulted on");
        }
        if (!supervisor && !c.isOwnedBy(username)) {
            throw new ForbiddenException("Only the agent who owns this chat can do that");
        }
        return c;
    }

    private ChatNote note(String conversationId, ChatNote.Kind kind, String username, String text) {
        String name = users.displayName(username);
        try {
            return new ChatNote(conversationId, kind, username, name, text, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("note", e.getMessage());
        }
    }

    private void notifyAgents(Conversation c, String except) {
        if (c.getAssignedAgent() != null && !c.getAssignedAgent().getUsername().equals(except)) {
            messagePosted.fire(new MessagePosted(c.getId(), c.getMessageCount(), Author.SYSTEM, c.getAssignedAgent().getUsername()));
        }
    }

    private Agent agentByUsername(String username) {
        if (blank(username)) {
            throw new InvalidInputException("to", "choose an agent");
        }
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username.strip())
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException(username + " is not an agent"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
