package dev.handoff.web.faces.agent;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.InboxView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.presence.AgentSessions;
import dev.handoff.web.presence.PresenceSessionListener;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Backs agent/inbox.xhtml: presence, live offers with their context, active chats and the queue. */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgentDeskService desk;

    @Inject
    RoutingService routing;

    @Inject
    AgentSessions sessions;

    @Inject
    java.time.Clock clock;

    private transient InboxView inbox;
    private transient List<WaitingRow> waitingRows;

    /**
     * A row of the waiting list as the page prints it, read as properties: a method call in a page expression
     * is a reflective method search, three per row of fifty on every refresh (ADR 0069).
     *
     * @param since when it started waiting (epoch ms, for the page's ticking timer)
     */
    public record WaitingRow(String id, Integer position, String customer, String skill, String since, String waited, String why) {}

    /** Unread counts, computed once per refresh: the page asks for each row's count more than once. Concurrent: a double click or two tabs of one view may render at once. */
    private transient Map<String, Long> unread;
    private String presence;
    /** The reasons typed on the offer cards; an empty field writes null, so not a ConcurrentHashMap. */
    private final Map<String, String> declineReasons = java.util.Collections.synchronizedMap(new java.util.HashMap<>());

    /**
     * Opening the inbox (a GET) follows this session for presence and shows the inbox; it changes
     * no presence. Signing in sets an agent online; afterwards only the status buttons (a POST with
     * the view's token) do.
     */
    public void open() {
        String user = user();
        jakarta.servlet.http.HttpSession session = (jakarta.servlet.http.HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
        session.setAttribute(PresenceSessionListener.AGENT_ATTRIBUTE, user);
        sessions.opened(user, session.getId(), clock.instant());
        refresh();
    }

    public void refresh() {
        waitingRows = null;
        inbox = desk.inbox(user());
        presence = inbox.presence();
        unread = new ConcurrentHashMap<>();
    }

    public void changePresence() {
        if (Messages.attempt(() -> routing.setPresence(user(), Presence.valueOf(presence.toUpperCase(Locale.ROOT))))) {
            refresh();
        }
    }

    public void accept(String conversationId) throws IOException {
        ConversationView taken = Messages.attempt(() -> desk.accept(conversationId, user()));
        if (taken != null) {
            FacesContext.getCurrentInstance().getExternalContext()
                    .redirect(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/agent/chat.xhtml?id=" + conversationId);
            return;
        }
        refresh();
    }

    /**
     * "Take" on a row of the waiting list: the page's one remote command carries the chat's id. The desk's
     * accept checks that this agent may take it, as for an offer.
     */
    public void take() throws IOException {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id == null || id.isBlank() || id.length() > 36) {
            Messages.error("Choose a waiting chat to take.");
            refresh();
            return;
        }
        accept(id);
    }

    public void decline(String conversationId) {
        String reason = declineReasons.remove(conversationId);
        Messages.attempt(() -> desk.decline(conversationId, user(), reason));
        refresh();
    }

    /** Per offer, the optional reason typed next to Decline. */
    public Map<String, String> getDeclineReasons() {
        return declineReasons;
    }

    /** Customer messages the agent has not answered yet. */
    public long unread(String conversationId) {
        if (unread == null) {
            unread = new ConcurrentHashMap<>();
        }
        return unread.computeIfAbsent(conversationId, desk::unread);
    }

    /**
     * The last messages of an offered chat, so the agent knows the story before accepting: read with
     * the offers, for all of them in one query (ADR 0041), instead of each card reading its chat's
     * whole transcript and view.
     */
    public List<MessageView> preview(String conversationId) {
        return getInbox().previews().getOrDefault(conversationId, List.of());
    }

    public List<WaitingRow> getWaitingRows() {
        if (waitingRows == null) {
            waitingRows = getInbox().queue().stream().map(q -> new WaitingRow(q.id(), q.queuePosition(), q.customer().displayName(),
                    q.requiredSkill(), millis(q.escalatedAt()), waited(q), q.escalationReason())).toList();
        }
        return waitingRows;
    }

    public String waited(ConversationView c) {
        if (c.escalatedAt() == null) {
            return "";
        }
        Duration d = Duration.between(c.escalatedAt(), c.acceptedAt() != null ? c.acceptedAt() : Instant.now());
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    /** Epoch milliseconds for the page's timers (data-since / data-until), or empty. */
    public String millis(Instant at) {
        return at == null ? "" : String.valueOf(at.toEpochMilli());
    }

    /** When the offer of this chat to the viewer runs out (epoch ms), or null: the card counts down to it. */
    public Long offerExpiresAt(String conversationId) {
        Instant ends = getInbox().offerEnds().get(conversationId);
        return ends == null ? null : ends.toEpochMilli();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public InboxView getInbox() {
        if (inbox == null) {
            refresh();
        }
        return inbox;
    }

    public String getPresence() {
        return presence;
    }

    public void setPresence(String presence) {
        this.presence = presence;
    }
}
