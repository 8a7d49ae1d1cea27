package dev.handoff.desk.boundary;

import dev.handoff.conversation.boundary.ChatListItem;
import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.InboxView;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.OfferItem;
import dev.handoff.conversation.boundary.TriggerView;
import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.entity.ChatConsult;
import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.entity.EscalationFeedback;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.LockConflicts;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.EscalationFlagged;
import dev.handoff.platform.events.Resolved;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.platform.RoutingSettings;
import dev.handoff.identity.entity.Agent;
import dev.handoff.routing.entity.Offer;
import dev.handoff.platform.Callers;
import dev.handoff.platform.events.Transferred;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side: the inbox, accepting a handoff (exactly one agent wins), replying and
 * resolving. What a portal user may see and do is decided here from the caller's principal and
 * roles ({@link SessionContext}), never from a name or flag the page passes (ADR 0023): an agent
 * writes only in their own chats and reads the ones they took part in; a supervisor reads every
 * chat, writes in any open one, takes it over or resolves it. The methods that take a username
 * serve Handoff itself (the demo seed, the inbox's accept of the signed-in agent).
 */
@Stateless
@DeclareRoles({Callers.ADMIN, Callers.SUPERVISOR, Callers.AGENT})
public class AgentDeskService {

    @Inject
    dev.handoff.conversation.control.CustomerNotices notices;

    @Inject
    Event<dev.handoff.platform.events.Typing> typingEvents;

    private static final Logger LOG = Logger.getLogger(AgentDeskService.class.getName());
    /** The inbox lists the first this many chats the agent may take, in queue order, and counts the rest (ADR 0035). */
    public static final int INBOX_QUEUE_ROWS = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    RoutingService routing;

    @Inject
    RoutingSettings routingSettings;

    @Inject
    Clock clock;

    @Inject
    Event<MessagePosted> messagePosted;

    @Inject
    Event<ConversationChanged> conversationChanged;

    @Inject
    Event<AcceptChecked> acceptChecked;

    @Inject
    Event<DomainEvent> domainEvents;

    @Resource
    SessionContext session;

    public InboxView inbox(String username) {
        Agent agent = agent(username);
        // One query per list whatever its length; the views of all rows then come in a fixed number
        // of queries (ConversationStore.views), so the inbox costs the same with 5 or 5,000 waiting.
        List<String> offeredOrder = em.createQuery("SELECT o.conversation.id FROM Offer o WHERE o.agent = :agent"
                        + " AND o.state = dev.handoff.routing.entity.OfferState.PENDING ORDER BY o.offeredAt, o.id", String.class)
                .setParameter("agent", agent).getResultList();
        List<Conversation> offered = byIds(offeredOrder);
        List<Conversation> active = ConversationStore.withParts(em.createNamedQuery(Conversation.FIND_ACTIVE_BY_AGENT, Conversation.class))
                .setParameter("agent", agent).getResultList();
        boolean routedWork = routing.inPilot(agent.getId());
        // A chat offered to this agent is an offer, not also a "Take" row (issue 12, item 9).
        java.util.Set<String> offeredIds = offered.stream().map(Conversation::getId).collect(java.util.stream.Collectors.toSet());
        // The chats this agent may take, filtered in the query and cut to the head of the line (ADR 0035):
        // with 5,000 waiting, every agent's refresh read, viewed and rendered all of them.
        List<Conversation> queue = List.of();
        long queueTotal = 0;
        if (routedWork) {
            java.util.Set<String> skills = new java.util.HashSet<>();
            agent.getSkills().forEach((skill, level) -> {
                if (level != null && level > 0) {
                    skills.add(skill);
                }
            });
            skills.add(routingSettings.defaultSkill());
            String where = " FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED"
                    + " AND (c.requiredSkill IS NULL OR c.requiredSkill IN :skills)"
                    + (offeredIds.isEmpty() ? "" : " AND c.id NOT IN :offered");
            jakarta.persistence.TypedQuery<Conversation> head = ConversationStore.withParts(em.createQuery("SELECT c" + where
                    + " ORDER BY c.priority DESC, c.escalatedAt, c.id", Conversation.class)).setParameter("skills", skills)
                    .setMaxResults(INBOX_QUEUE_ROWS);
            jakarta.persistence.TypedQuery<Long> count = em.createQuery("SELECT COUNT(c)" + where, Long.class).setParameter("skills", skills);
            if (!offeredIds.isEmpty()) {
                head.setParameter("offered", offeredIds);
                count.setParameter("offered", offeredIds);
            }
            queue = head.getResultList();
            queueTotal = queue.size() < INBOX_QUEUE_ROWS ? queue.size() : count.getSingleResult();
        }
        List<String> consulted = em.createNamedQuery(ChatConsult.FIND_BY_AGENT, ChatConsult.class)
                .setParameter("agent", username)
                .getResultStream().map(ChatConsult::getConversationId).distinct().toList();
        List<Conversation> consults = byIds(consulted).stream()
                .filter(c -> c.getState().isOpen() && !c.isOwnedBy(username))
                .toList();
        // One batch of views for every list (ADR 0041): each views() call costs its own trigger, earlier-handoff,
        // context, rating and estimate queries, so four lists cost four times that.
        List<Conversation> rows = new java.util.ArrayList<>(offered.size() + active.size() + queue.size() + consults.size());
        rows.addAll(offered);
        rows.addAll(active);
        rows.addAll(queue);
        rows.addAll(consults);
        List<ConversationView> views = store.views(rows);
        int a = offered.size();
        int b = a + active.size();
        int q = b + queue.size();
        // What each offer card shows besides its view: the last messages and when the offer runs out, for all
        // offers at once (each card read the whole transcript, and asked the engine twice for its expiry).
        java.util.Map<String, java.time.Instant> offerEnds = new java.util.HashMap<>();
        offeredIds.forEach(id -> routing.offerExpiresAt(id, username).ifPresent(at -> offerEnds.put(id, at)));
        return new InboxView(agent.getPresence().name().toLowerCase(), agent.getMaxConcurrentChats(), views.subList(0, a),
                views.subList(a, b), views.subList(b, q), (int) queueTotal, views.subList(q, views.size()),
                lastMessages(offeredOrder, InboxView.PREVIEW), offerEnds);
    }

    /** The last {@code count} messages of each of these conversations, oldest first, in one query. */
    private java.util.Map<String, List<MessageView>> lastMessages(List<String> ids, int count) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, List<MessageView>> last = new java.util.HashMap<>();
        // columns, not entities: a Message brings its conversation along (an eager reference)
        em.createQuery("SELECT c.id, m.seq, m.author, m.authorName, m.text, m.intent, m.confidence, m.pageUrl, m.createdAt"
                        + " FROM Message m JOIN m.conversation c WHERE c.id IN :ids AND m.seq > c.messageCount - :count ORDER BY m.seq",
                        Object[].class)
                .setParameter("ids", ids).setParameter("count", count).getResultStream()
                .forEach(r -> last.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>()).add(new MessageView((Integer) r[1],
                        ((Author) r[2]).wireName(), (String) r[3], (String) r[4], (String) r[5], (Double) r[6], (String) r[7], (Instant) r[8])));
        return last;
    }

    /** The conversations with these ids, in the order given, with their parts, in one query. */
    private List<Conversation> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, Conversation> found = ConversationStore.withParts(
                        em.createQuery("SELECT c FROM Conversation c WHERE c.id IN :ids", Conversation.class))
                .setParameter("ids", ids).getResultStream()
                .collect(java.util.stream.Collectors.toMap(Conversation::getId, c -> c));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Takes ownership of a queued handoff. The conversation's row and then the agent's row are locked
     * ({@code SELECT … FOR UPDATE}, always in that order) before state and capacity are checked, so a
     * second accept of the same chat, or by the same agent, waits and then sees the first one's
     * result. Only a lost lock or a changed state reads as "taken"; any other database error is
     * logged and fails as an error.
     */
    public ConversationView accept(String conversationId, String username) {
        return accept(conversationId, username, null);
    }

    private ConversationView accept(String conversationId, String username, String assignedBy) {
        try {
            return acceptLocked(conversationId, username, assignedBy);
        } catch (PersistenceException e) {
            if (LockConflicts.isLockConflict(e)) {
                LOG.fine(() -> "accept of " + conversationId + " by " + username + " lost a lock: " + e);
                throw new ConflictException("This chat changed while you were accepting it. Refresh and try again.");
            }
            LOG.log(Level.WARNING, "accept of " + conversationId + " by " + username + " failed", e);
            throw e;
        }
    }

    private ConversationView acceptLocked(String conversationId, String username, String assignedBy) {
        Conversation conversation = store.getForUpdate(conversationId);
        Agent agent = agent(username);
        int active = store.lockSeats(agent);
        // A supervisor taking a waiting chat over (assigning it to themselves) steps in on purpose:
        // neither the pilot group nor their own capacity stops them.
        boolean supervisorStepsIn = username.equals(assignedBy);
        if (!supervisorStepsIn) {
            routing.requirePilotMember(agent);
        }
        if (conversation.getState() != ConversationState.QUEUED) {
            throw new ConflictException(conversation.isOwnedBy(username)
                    ? "You already own this chat"
                    : "This chat has already been taken or is no longer waiting");
        }
        if (active >= agent.getMaxConcurrentChats() && !supervisorStepsIn) {
            throw new ConflictException("You are at your capacity of " + agent.getMaxConcurrentChats() + " chats");
        }
        acceptChecked.fire(new AcceptChecked(conversationId, username));
        Instant now = clock.instant();
        conversation.acceptBy(agent, now);
        Message joined = conversation.append(Author.SYSTEM, "Handoff",
                notices.joined(conversation.getRequiredSkill(), agent.getUser().getDisplayName(), conversation.getCustomer().getName()), now);
        em.persist(joined);
        em.flush();
        routing.settleOffers(conversationId, username);
        routing.accepted(conversation, agent);
        em.flush();
        domainEvents.fire(new Accepted(conversationId, username, assignedBy, conversation.getEscalatedAt(), now));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), username));
        messagePosted.fire(new MessagePosted(conversationId, joined.getSeq(), Author.SYSTEM, username));
        return store.view(conversation);
    }

    /**
     * A supervisor hands a waiting chat to a named agent: the same as that agent accepting it (same
     * capacity check and race), recorded with a note saying who assigned it.
     */
    public ConversationView assign(String conversationId, String supervisor, String agentUsername) {
        routing.requireReachable(agent(agentUsername));
        ConversationView view = accept(conversationId, agentUsername, supervisor);
        em.persist(new ChatNote(conversationId, ChatNote.Kind.NOTE, supervisor, supervisor,
                "Assigned to " + view.assignedAgentName() + " by " + supervisor + ".", clock.instant()));
        em.flush();
        return view;
    }

    public void decline(String conversationId, String username) {
        decline(conversationId, username, null);
    }

    /** Passes on an offer; a reason, if given, is kept as a note for whoever takes the chat and for supervisors. */
    public void decline(String conversationId, String username, String reason) {
        if (reason != null && !reason.isBlank()) {
            if (reason.length() > 500) {
                throw new InvalidInputException("reason", "reason is longer than 500 characters");
            }
            Agent agent = agent(username);
            em.persist(new ChatNote(conversationId, ChatNote.Kind.NOTE, username, agent.getUser().getDisplayName(),
                    "Declined by " + agent.getUser().getDisplayName() + ": " + reason.strip(), clock.instant()));
        }
        routing.decline(conversationId, username);
    }

    /**
     * The caller's open chats for the workspace's list, oldest taken first: the last message of each and
     * its unread count (customer messages since the owner last wrote), in three queries whatever the count.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public List<ChatListItem> myChats() {
        String me = Callers.name(session);
        List<Conversation> mine = em.createQuery("SELECT c FROM Conversation c JOIN FETCH c.customer WHERE c.assignedAgent.user.username = :me"
                        + " AND c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED ORDER BY c.ownedSince, c.id", Conversation.class)
                .setParameter("me", me).getResultList();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<String> ids = mine.stream().map(Conversation::getId).toList();
        java.util.Map<String, Message> last = em.createQuery("SELECT m FROM Message m JOIN m.conversation c WHERE c.id IN :ids AND m.seq = c.messageCount",
                        Message.class)
                .setParameter("ids", ids).getResultStream()
                .collect(java.util.stream.Collectors.toMap(m -> m.getConversation().getId(), m -> m, (a, b) -> a));
        java.util.Map<String, Long> unread = new java.util.HashMap<>();
        em.createQuery("SELECT c.id, COUNT(m) FROM Message m JOIN m.conversation c WHERE c.id IN :ids"
                        + " AND m.author = dev.handoff.platform.entity.Author.CUSTOMER"
                        + " AND m.createdAt > COALESCE(c.lastAgentMessageAt, c.ownedSince) GROUP BY c.id", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .forEach(row -> unread.put((String) row[0], ((Number) row[1]).longValue()));
        return mine.stream().map(c -> {
            Message m = last.get(c.getId());
            String name = c.getCustomer().getName() != null && !c.getCustomer().getName().isBlank() ? c.getCustomer().getName()
                    : c.getCustomer().getExternalId();
            return new ChatListItem(c.getId(), name, m == null ? null : m.getAuthor().name().toLowerCase(java.util.Locale.ROOT),
                    m == null ? null : m.getText(), m == null ? null : m.getCreatedAt(), unread.getOrDefault(c.getId(), 0L),
                    c.getRequiredSkill(), c.getOwnedSince());
        }).toList();
    }

    /**
     * The caller's pending offers for the chat workspace, oldest first, in one query whatever the
     * count: an agent working chats sees new offers there (with their countdown) instead of missing
     * them and being set away (issue 12).
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public List<OfferItem> myOffers() {
        String me = Callers.name(session);
        return em.createQuery("SELECT c.id, cu.name, cu.externalId, c.escalationReason, c.requiredSkill, c.escalatedAt FROM Offer o"
                        + " JOIN o.conversation c JOIN c.customer cu WHERE o.agent.user.username = :me"
                        + " AND o.state = dev.handoff.routing.entity.OfferState.PENDING ORDER BY o.offeredAt, o.id", Object[].class)
                .setParameter("me", me).getResultStream()
                .map(row -> {
                    String id = (String) row[0];
                    String name = row[1] != null && !((String) row[1]).isBlank() ? (String) row[1] : (String) row[2];
                    return new OfferItem(id, name, (String) row[3], (String) row[4], (java.time.Instant) row[5],
                            routing.offerExpiresAt(id, me).orElse(null));
                })
                .toList();
    }

    /** Customer messages since the owner last wrote (or took the chat): the inbox's unread count. */
    public long unread(String conversationId) {
        Conversation c = store.get(conversationId);
        Instant since = c.getLastAgentMessageAt() != null ? c.getLastAgentMessageAt() : c.getOwnedSince();
        if (since == null) {
            return 0;
        }
        return em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.conversation.id = :id AND m.author = dev.handoff.platform.entity.Author.CUSTOMER "
                        + "AND m.createdAt > :since", Long.class)
                .setParameter("id", conversationId)
                .setParameter("since", since)
                .getSingleResult();
    }

    public MessageView reply(String conversationId, String username, String text) {
        Conversation conversation = store.getForUpdate(conversationId);
        requireOwner(conversation, username);
        Agent agent = conversation.getAssignedAgent();
        Message message = conversation.append(Author.AGENT, agent.getUser().getDisplayName(), text, clock.instant());
        em.persist(message);
        em.flush();
        messagePosted.fire(new MessagePosted(conversationId, message.getSeq(), Author.AGENT, username));
        routing.agentReplied(conversationId);
        return MessageView.of(message);
    }

    /** The owner hands the chat back to the bot: the customer is told, the agent's seat is freed. */
    public ConversationView handBack(String conversationId, String username) {
        Conversation conversation = store.getForUpdate(conversationId);
        requireOwner(conversation, username);
        String agentName = conversation.getAssignedAgent().getUser().getDisplayName();
        Message notice = conversation.append(Author.SYSTEM, "Handoff", agentName + " handed the chat back to our assistant. "
                + "Write here any time - if you need a person again, press \"Talk to a person\".", clock.instant());
        em.persist(notice);
        conversation.handBackToBot();
        em.flush();
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), username));
        messagePosted.fire(new MessagePosted(conversationId, notice.getSeq(), Author.SYSTEM, username));
        routing.released(conversationId);
        return store.view(conversation);
    }

    /** The owner is typing a reply: the customer sees it (widget, SSE event {@code typing}). */
    public void typing(String conversationId, String username) {
        Conversation conversation = store.get(conversationId);
        if (conversation.getState() == ConversationState.ASSIGNED && conversation.isOwnedBy(username)) {
            typingEvents.fire(new dev.handoff.platform.events.Typing(conversationId, "agent",
                    conversation.getAssignedAgent().getUser().getDisplayName(), username));
        }
    }

    public ConversationView resolve(String conversationId, String username, String resolution) {
        Conversation conversation = store.getForUpdate(conversationId);
        requireOwner(conversation, username);
        return resolveLocked(conversation, username, resolution);
    }

    private ConversationView resolveLocked(Conversation conversation, String username, String resolution) {
        String conversationId = conversation.getId();
        String note = resolution == null || resolution.isBlank() ? "resolved" : resolution.strip();
        Instant now = clock.instant();
        String kept = note.length() > 1000 ? note.substring(0, 1000) : note;
        // The customer is told the chat is over and asked how it went (the widget shows the rating there).
        String agentName = conversation.getAssignedAgent().getUser().getDisplayName();
        Message goodbye = conversation.append(Author.SYSTEM, "Handoff",
                notices.goodbye(conversation.getRequiredSkill(), agentName, conversation.getCustomer().getName()), now);
        em.persist(goodbye);
        Message question = conversation.append(Author.SYSTEM, "Handoff", notices.csatQuestion(conversation.getRequiredSkill()), now)
                .withBotSignal("csat_question", null);
        em.persist(question);
        conversation.resolve(kept, now);
        em.flush();
        messagePosted.fire(new MessagePosted(conversationId, question.getSeq(), Author.SYSTEM, username));
        domainEvents.fire(new Resolved(conversationId, username, kept, conversation.getEscalatedAt(), now));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), username));
        routing.released(conversationId);
        return store.view(conversation);
    }

    /**
     * The caller's reply in an open chat: the owner's, or a supervisor's stepping in (written under
     * the supervisor's own name; the owner keeps the chat).
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public MessageView reply(String conversationId, String text) {
        String me = Callers.name(session);
        Conversation conversation = store.getForUpdate(conversationId);
        boolean owner = conversation.isOwnedBy(me);
        if (!owner && !Callers.supervisor(session)) {
            throw new ForbiddenException("Only the agent who owns this chat can do that");
        }
        if (conversation.getState() != ConversationState.ASSIGNED) {
            throw new ConflictException("This chat is " + conversation.getState().name().toLowerCase(java.util.Locale.ROOT)
                    + "; take it over first to write to the customer");
        }
        Message message = conversation.append(Author.AGENT, displayName(me), text, clock.instant());
        em.persist(message);
        em.flush();
        messagePosted.fire(new MessagePosted(conversationId, message.getSeq(), Author.AGENT, conversation.getAssignedAgent().getUsername()));
        routing.agentReplied(conversationId);
        return MessageView.of(message);
    }

    /** The caller resolves the chat: its owner, or a supervisor (for any assigned chat). */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public ConversationView resolve(String conversationId, String resolution) {
        String me = Callers.name(session);
        Conversation conversation = store.getForUpdate(conversationId);
        if (!conversation.isOwnedBy(me) && !Callers.supervisor(session)) {
            throw new ForbiddenException("Only the agent who owns this chat can do that");
        }
        if (conversation.getState() != ConversationState.ASSIGNED) {
            throw new ConflictException("Only a chat an agent owns can be resolved; this one is "
                    + conversation.getState().name().toLowerCase(java.util.Locale.ROOT));
        }
        return resolveLocked(conversation, me, resolution);
    }

    /**
     * A supervisor takes a chat over: a waiting chat as if they accepted it, an agent's chat as a
     * transfer to themselves. The customer is told, the previous owner keeps read access (history),
     * and the supervisor is set busy if they were not online, so that no rule takes the chat from them
     * while they work it and routing offers them nothing new.
     */
    @RolesAllowed(Callers.SUPERVISOR)
    public ConversationView takeOver(String conversationId) {
        String me = Callers.name(session);
        Agent supervisor = agent(me);
        if (supervisor.getPresence() != dev.handoff.identity.entity.Presence.ONLINE
                && supervisor.getPresence() != dev.handoff.identity.entity.Presence.BUSY) {
            routing.setPresence(me, dev.handoff.identity.entity.Presence.BUSY);
        }
        Conversation conversation = store.getForUpdate(conversationId);
        if (conversation.getState() == ConversationState.QUEUED) {
            return accept(conversationId, me, me);
        }
        if (conversation.getState() != ConversationState.ASSIGNED) {
            throw new ConflictException("Only a waiting or assigned chat can be taken over");
        }
        if (conversation.isOwnedBy(me)) {
            throw new ConflictException("You already own this chat");
        }
        Agent from = conversation.getAssignedAgent();
        String name = supervisor.getUser().getDisplayName();
        Instant now = clock.instant();
        store.lockSeats(supervisor);
        em.persist(new ChatNote(conversationId, ChatNote.Kind.TRANSFER, me, name,
                "Taken over by " + name + " (supervisor) from " + from.getUser().getDisplayName() + ".", now));
        conversation.transferTo(supervisor, now);
        routing.transferred(conversation, supervisor);
        Message notice = conversation.append(Author.SYSTEM, "Handoff", name + ", a supervisor, has taken over your chat and can see everything so far.", now);
        em.persist(notice);
        em.flush();
        domainEvents.fire(new Transferred(conversationId, from.getUsername(), me, null, me, now));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), me));
        conversationChanged.fire(new ConversationChanged(conversationId, conversation.getState(), from.getUsername()));
        messagePosted.fire(new MessagePosted(conversationId, notice.getSeq(), Author.SYSTEM, from.getUsername()));
        return store.view(conversation);
    }

    /**
     * A chat and its transcript, if the caller may see it: its owner, an agent it is offered to, a
     * consulted colleague, an agent who owned it before (read only: history), or a supervisor. Other
     * agents see queued chats only as a line in their queue, never the transcript.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public ChatView chat(String conversationId) {
        String me = Callers.name(session);
        boolean supervisor = Callers.supervisor(session);
        Conversation conversation = store.get(conversationId);
        boolean owner = conversation.isOwnedBy(me);
        if (!supervisor && !owner && !isOfferedTo(conversation, me)
                && em.find(ChatConsult.class, new ChatConsult.Key(conversationId, me)) == null
                && !tookPart(conversationId, me)) {
            throw new ForbiddenException("This chat belongs to another agent");
        }
        boolean canWrite = conversation.getState() == ConversationState.ASSIGNED && (owner || supervisor);
        return new ChatView(store.view(conversation), store.transcript(conversationId), owner, notNeeded(conversationId), canWrite, supervisor);
    }

    /** Whether the agent owned the chat at some point (accepted it, was given it, passed it on): the journal says. */
    public boolean tookPart(String conversationId, String username) {
        return !em.createQuery("SELECT j.id FROM JournalEntry j WHERE j.conversationId = :id AND j.agent = :agent", Long.class)
                .setParameter("id", conversationId).setParameter("agent", username).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The owner (or a supervisor) says a person was not needed: recorded once against every trigger
     * that fired on the chat, with the optional reason, for trigger precision.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public List<String> markNotNeeded(String conversationId, String reason) {
        String username = Callers.name(session);
        Conversation conversation = store.get(conversationId);
        if (!Callers.supervisor(session) && !conversation.isOwnedBy(username)) {
            throw new ForbiddenException("Only the agent who owns this chat can give feedback on it");
        }
        if (conversation.getEscalatedAt() == null) {
            throw new ConflictException("This chat was never escalated");
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("reason", "reason is longer than 1000 characters");
        }
        List<String> already = notNeeded(conversationId);
        Instant now = clock.instant();
        List<String> flagged = store.triggers(conversationId).stream().map(TriggerView::name).distinct()
                .filter(name -> !already.contains(name))
                .toList();
        flagged.forEach(name -> em.persist(new EscalationFeedback(conversationId, name, username, reason, now)));
        em.flush();
        if (!flagged.isEmpty()) {
            domainEvents.fire(new EscalationFlagged(conversationId, username, flagged, now));
        }
        return notNeeded(conversationId);
    }

    private List<String> notNeeded(String conversationId) {
        return em.createNamedQuery(EscalationFeedback.FIND_BY_CONVERSATION, EscalationFeedback.class)
                .setParameter("conversationId", conversationId)
                .getResultStream()
                .map(EscalationFeedback::getTriggerName)
                .toList();
    }

    /** Supervisors' view: every queued and assigned chat. */
    public List<ConversationView> openHandoffs() {
        return openHandoffs(Integer.MAX_VALUE);
    }

    /** The first {@code max} queued and assigned chats, the longest open first (the queue page's table, ADR 0035). */
    public List<ConversationView> openHandoffs(int max) {
        return store.views(ConversationStore.withParts(em.createQuery("SELECT c FROM Conversation c WHERE c.state IN"
                + " (dev.handoff.conversation.entity.ConversationState.QUEUED, dev.handoff.conversation.entity.ConversationState.ASSIGNED)"
                + " ORDER BY c.escalatedAt, c.id", Conversation.class)).setMaxResults(max).getResultList());
    }

    /** A waiting chat as a line of the queue page's per-skill lists shows it: who waits and the wait estimate. */
    public record WaitingLine(String id, String customer, Long estimateSeconds) {}

    /**
     * The per-skill lines' rows (ADR 0041): the customer's name and the estimate, in one query and one
     * pass over the engine's queues, without the triggers, context and earlier handoffs a full view reads.
     */
    public java.util.Map<String, WaitingLine> waitingLines(List<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        List<Conversation> rows = em.createQuery("SELECT c FROM Conversation c JOIN FETCH c.customer WHERE c.id IN :ids", Conversation.class)
                .setParameter("ids", ids).getResultList();
        java.util.Map<String, dev.handoff.conversation.control.WaitEstimates.Estimate> estimates = store.estimates(rows.stream()
                .filter(c -> c.getState() == ConversationState.QUEUED).toList());
        java.util.Map<String, WaitingLine> lines = new java.util.HashMap<>();
        for (Conversation c : rows) {
            var estimate = estimates.get(c.getId());
            String name = c.getCustomer().getName();
            lines.put(c.getId(), new WaitingLine(c.getId(), name != null && !name.isBlank() ? name : c.getCustomer().getExternalId(),
                    estimate == null ? null : estimate.waitSeconds()));
        }
        return lines;
    }

    /**
     * What the queue page counts over every open handoff, however many: open and queued chats, the
     * oldest escalation still queued, and the queued chats per required skill. Four queries.
     */
    public record OpenCounts(int open, int queued, Instant oldestQueuedSince, java.util.Map<String, Long> queuedBySkill) {}

    public OpenCounts openCounts() {
        long queued = em.createQuery("SELECT COUNT(c) FROM Conversation c"
                + " WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED", Long.class).getSingleResult();
        // The oldest by ORDER BY, not MIN(): EclipseLink hands an aggregate's raw JDBC value to the Instant converter,
        // a Timestamp on the embedded H2 database, where the queue page failed whenever a chat was waiting.
        Instant oldest = em.createQuery("SELECT c.escalatedAt FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED"
                + " AND c.escalatedAt IS NOT NULL ORDER BY c.escalatedAt", Instant.class).setMaxResults(1).getResultStream().findFirst().orElse(null);
        long open = em.createQuery("SELECT COUNT(c) FROM Conversation c WHERE c.state IN"
                + " (dev.handoff.conversation.entity.ConversationState.QUEUED, dev.handoff.conversation.entity.ConversationState.ASSIGNED)",
                Long.class).getSingleResult();
        java.util.Map<String, Long> bySkill = new java.util.TreeMap<>();
        em.createQuery("SELECT c.requiredSkill, COUNT(c) FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED"
                        + " AND c.requiredSkill IS NOT NULL GROUP BY c.requiredSkill", Object[].class)
                .getResultStream().forEach(row -> bySkill.put((String) row[0], ((Number) row[1]).longValue()));
        return new OpenCounts((int) open, (int) queued, oldest, bySkill);
    }

    public List<ConversationView> recent(int max) {
        return store.views(ConversationStore.withParts(em.createNamedQuery(Conversation.FIND_RECENT, Conversation.class))
                .setMaxResults(max).getResultList());
    }

    private boolean isOfferedTo(Conversation conversation, String username) {
        return em.createNamedQuery(Offer.FIND_PENDING_BY_CONVERSATION, Offer.class)
                .setParameter("conversationId", conversation.getId())
                .getResultStream()
                .anyMatch(o -> o.getAgent().getUsername().equals(username));
    }

    private static void requireOwner(Conversation conversation, String username) {
        if (!conversation.isOwnedBy(username)) {
            throw new ForbiddenException("Only the agent who owns this chat can do that");
        }
    }

    private String displayName(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username).getResultStream()
                .findFirst().map(a -> a.getUser().getDisplayName()).orElse(username);
    }

    private Agent agent(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(username + " has no agent profile"));
    }

    /**
     * A chat with its transcript; {@code mine} says whether the viewer owns it; {@code notNeeded} lists
     * triggers flagged as unneeded; {@code canWrite}: the viewer may write to the customer and resolve
     * (owner or supervisor, chat assigned); {@code supervisor}: the viewer supervises.
     */
    public record ChatView(ConversationView conversation, List<MessageView> transcript, boolean mine, List<String> notNeeded,
            boolean canWrite, boolean supervisor) {

        /** Read only: a chat the viewer took part in, or one that is over. */
        public boolean isReadOnly() {
            return !canWrite;
        }

        public boolean isFlaggedNotNeeded() {
            return !notNeeded.isEmpty();
        }
    }
}
