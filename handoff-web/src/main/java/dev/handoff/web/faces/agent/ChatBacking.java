package dev.handoff.web.faces.agent;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.desk.control.SlaPolicy;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Backs agent/chat.xhtml: one chat with its transcript, reply and resolve. Only its owner or a supervisor gets in. */
@Named
@ViewScoped
public class ChatBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgentDeskService desk;

    @Inject
    TemplateService templates;

    @Inject
    dev.handoff.web.push.ChatWatchers watchers;

    @Inject
    RoutingService routing;

    @Inject
    dev.handoff.integration.boundary.IntegrationSettings integrations;

    private transient List<dev.handoff.integration.boundary.IntegrationSettings.LinkView> links;

    private String id;
    private transient AgentDeskService.ChatView chat;
    private String reply;
    private String resolution;
    private String disposition = DISPOSITIONS.get(0);
    private String notNeededReason;
    private transient List<dev.handoff.conversation.boundary.ChatListItem> myChats;
    private transient Object myChatsRequest;
    private transient List<dev.handoff.conversation.boundary.OfferItem> myOffers;
    private transient Object myOffersRequest;

    /** How a chat ended, for reporting; the free-text note follows it. */
    static final List<String> DISPOSITIONS = List.of("Resolved", "Resolved - ticket created", "Workaround given",
            "Customer stopped answering", "Duplicate", "Not a support matter");

    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (id == null || id.isBlank()) {
            external.responseSendError(404, "No chat given");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        try {
            chat = desk.chat(id);
            watchers.watch(id, external.getRemoteUser());
            boolean awaitingFirstResponse = chat.conversation().sla().stream().anyMatch(t -> SlaPolicy.FIRST_RESPONSE.equals(t.kind()));
            if (chat.mine() && awaitingFirstResponse && reply == null) {
                reply = templates.opening(id, external.getRemoteUser()).orElse(null);
            }
        } catch (ForbiddenException | NotFoundException | jakarta.ejb.EJBAccessException e) {
            // only a real refusal is "Not allowed"; any other failure is logged with an incident id
            external.responseSendError(e instanceof NotFoundException ? 404 : 403, "Not your chat");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /**
     * A push refresh. A view that lost its state meanwhile (the session ended while the refresh was
     * in flight, as when signing out with the chat open) no longer knows its chat: the browser goes
     * to the inbox (or, without a session, the login page) instead of an error page.
     */
    public void pushed() throws IOException {
        if (id == null || id.isBlank()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/agent/inbox.xhtml");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        refresh();
    }

    public void refresh() {
        chat = desk.chat(id);
        watchers.renew(id, FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    public void send() {
        if (Messages.attempt(() -> desk.reply(id, reply)) != null) {
            reply = null;
        }
        refresh();
    }

    /** A supervisor takes the chat over: they own it from now, the agent keeps read access, the customer is told. */
    public void takeOver() {
        if (Messages.attempt(() -> desk.takeOver(id)) != null) {
            Messages.info("You own this chat now; the customer was told.");
        }
        refresh();
    }

    public void resolve() {
        String chosen = DISPOSITIONS.contains(disposition) ? disposition : DISPOSITIONS.get(0);
        String note = chosen + (resolution == null || resolution.isBlank() ? "" : ": " + resolution.strip());
        if (Messages.attempt(() -> desk.resolve(id, note)) != null) {
            Messages.info("Chat resolved.");
        }
        refresh();
    }

    /** Hands the chat back to the bot (the customer is told; the chat leaves the agent's desk). */
    public void handBack() {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (Messages.attempt(() -> desk.handBack(id, user)) != null) {
            Messages.info("The chat is the bot's again.");
        }
        refresh();
    }

    public void markNotNeeded() {
        List<String> flagged = Messages.attempt(() -> desk.markNotNeeded(id, notNeededReason));
        if (flagged != null) {
            Messages.info("Thanks - recorded against " + String.join(", ", flagged) + ". It counts against those triggers' precision.");
            notNeededReason = null;
        }
        refresh();
    }

    public List<String> getDispositions() {
        return DISPOSITIONS;
    }

    public String getDisposition() {
        return disposition;
    }

    public void setDisposition(String disposition) {
        this.disposition = disposition;
    }

    public String getNotNeededReason() {
        return notNeededReason;
    }

    public void setNotNeededReason(String notNeededReason) {
        this.notNeededReason = notNeededReason;
    }

    /** The triggers that fired on a message ("billing-dispute, frustration"), or empty: marks the escalation moment in the transcript. */
    public String firedAt(int seq) {
        if (chat == null) {
            return "";
        }
        return chat.conversation().triggers().stream()
                .filter(t -> t.messageSeq() != null && t.messageSeq() == seq)
                .map(t -> t.name())
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** "14:05:09" in UTC: when a message was written. */
    public String time(java.time.Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /**
     * When this chat goes back to the queue unless its owner (the viewer) replies or keeps working on
     * it (epoch ms), or null; the page warns and counts down, and the heartbeat moves it on.
     */
    public Long getReplyDueAt() {
        if (chat == null || !chat.mine()) {
            return null;
        }
        return routing.replyDueAt(id).map(java.time.Instant::toEpochMilli).orElse(null);
    }

    /** The triggers the "not needed" flag was recorded against, in words: "billing dispute, human request". */
    public String getNotNeededText() {
        return chat == null ? "" : String.join(", ", chat.notNeeded().stream().map(ChatBacking::words).toList());
    }

    /** A note's kind as agents read it: nothing for a plain note, "transfer", "consult", "follow-up request". */
    public String noteKind(String kind) {
        return kind == null || kind.equals("note") ? "" : kind.equals("follow_up") ? "follow-up request" : words(kind);
    }

    /** "billing-dispute" / "follow_up" → "billing dispute" / "follow up". */
    static String words(String name) {
        return name == null ? "" : name.replace('-', ' ').replace('_', ' ');
    }

    /** The tickets and messages the connectors made for this chat (the Zendesk ticket with its link). */
    public List<dev.handoff.integration.boundary.IntegrationSettings.LinkView> getLinks() {
        if (links == null && id != null) {
            links = integrations.links(id);
        }
        return links == null ? List.of() : links;
    }

    /** The viewer's open chats for the workspace's list (loaded once per request, so a push shows new messages and counts). */
    public List<dev.handoff.conversation.boundary.ChatListItem> getMyChats() {
        Object request = FacesContext.getCurrentInstance();
        if (myChats == null || myChatsRequest != request) {
            List<dev.handoff.conversation.boundary.ChatListItem> loaded = Messages.attempt(() -> desk.myChats());
            myChats = loaded == null ? List.of() : loaded;
            myChatsRequest = request;
        }
        return myChats;
    }

    /** Whether the page shows the list of chats (the viewer owns at least one, or has an offer waiting). */
    public boolean isWorkspace() {
        return !getMyChats().isEmpty() || !getMyOffers().isEmpty();
    }

    /**
     * The viewer's pending offers, listed above the chats with their countdown and Accept (loaded once
     * per request; the inbox push re-renders the list when an offer comes or goes).
     */
    public List<dev.handoff.conversation.boundary.OfferItem> getMyOffers() {
        Object request = FacesContext.getCurrentInstance();
        if (myOffers == null || myOffersRequest != request) {
            List<dev.handoff.conversation.boundary.OfferItem> loaded = Messages.attempt(() -> desk.myOffers());
            myOffers = loaded == null ? List.of() : loaded;
            myOffersRequest = request;
        }
        return myOffers;
    }

    /** Accepts an offer from the workspace and opens that chat; this one stays in the list. */
    public void acceptOffer(String conversationId) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (Messages.attempt(() -> desk.accept(conversationId, external.getRemoteUser())) != null) {
            external.redirect(external.getRequestContextPath() + "/agent/chat.xhtml?id=" + conversationId);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** Declines an offer from the workspace (it goes to the next agent). */
    public void declineOffer(String conversationId) {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        Messages.attempt(() -> desk.decline(conversationId, user, null));
    }

    public AgentDeskService.ChatView getChat() {
        return chat;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }
}
