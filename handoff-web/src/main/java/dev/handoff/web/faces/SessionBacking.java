package dev.handoff.web.faces;

import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.web.presence.PresenceSessionListener;
import dev.handoff.web.presence.SessionEnd;
import dev.handoff.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;

/** The signed-in user for the layout: name, roles, home page, sign-out. */
@Named("portal")
@RequestScoped
public class SessionBacking {

    @Inject
    SessionEnd sessionEnd;

    @Inject
    FacesContext faces;

    @Inject
    UserService users;

    @Inject
    AgentProfiles profiles;

    @Inject
    ChatTeamwork teamwork;

    @Inject
    java.time.Clock clock;

    private String displayName;
    private Integer openChats;
    private String handOverTo;
    private String handOverNote;

    public String getUsername() {
        return faces.getExternalContext().getRemoteUser();
    }

    public String getDisplayName() {
        if (displayName == null && getUsername() != null) {
            displayName = users.findByUsername(getUsername()).map(UserAccount::getDisplayName).orElse(getUsername());
        }
        return displayName;
    }

    /** The caller's roles, asked once a request: the queue page asks per row, and each ask is a policy check. */
    private final java.util.Map<String, Boolean> roles = new java.util.HashMap<>();

    private boolean inRole(String role) {
        return roles.computeIfAbsent(role, r -> faces.getExternalContext().isUserInRole(r));
    }

    public boolean isAdmin() {
        return inRole(Roles.ADMIN);
    }

    public boolean isSupervisor() {
        return inRole(Roles.SUPERVISOR);
    }

    public boolean isAgent() {
        return inRole(Roles.AGENT);
    }

    /** Sends each role to where its work is. */
    public void goHome() throws IOException {
        ExternalContext external = faces.getExternalContext();
        String home = isAgent() ? "/agent/inbox.xhtml"
                : isSupervisor() ? "/supervisor/queue.xhtml"
                : isAdmin() ? "/admin/users.xhtml"
                : "/login.xhtml";
        external.redirect(external.getRequestContextPath() + home);
    }

    /** The server's time (epoch ms), so the browser's timers count from the server's clock, not its own. */
    public long getServerNow() {
        return clock.instant().toEpochMilli();
    }

    /** The agent's open chats: signing out with any asks what happens to them first. */
    public int getOpenChats() {
        if (openChats == null) {
            Long count = (isAgent() || isSupervisor()) && getUsername() != null ? Messages.attempt(() -> teamwork.openChatCount(getUsername())) : null;
            openChats = count == null ? 0 : count.intValue();
        }
        return openChats;
    }

    /**
     * Colleagues who can take the chats now (online or busy). Read when the sign-out dialog is filled (the
     * "Sign out" click re-renders it) and submitted, both postbacks; a page's first render leaves it empty, so
     * opening the inbox does not read every agent of the desk for a dialog that is seldom opened.
     */
    public List<SelectItem> getHandOverTargets() {
        return faces.isPostback() ? AgentChoices.reachable(profiles.roster(), getUsername()) : List.of();
    }

    /**
     * The header's "Sign out": an agent with open chats is asked first who continues them (the page
     * opens the dialog when the {@code openChats} callback parameter is set); anyone else is signed out.
     */
    public void signOut() throws IOException, ServletException {
        if (getOpenChats() > 0) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("openChats", getOpenChats());
            return;
        }
        logout();
    }

    /**
     * Signs out after handing every open chat to the chosen colleague, or (none chosen) back to the
     * front of the queue with each customer told; nothing is stranded with an agent who has left.
     */
    public void handOverAndLogout() throws IOException, ServletException {
        if (Messages.attempt(() -> teamwork.handOverAll(handOverTo, handOverNote)) != null) {
            logout();
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null && session.getAttribute(PresenceSessionListener.AGENT_ATTRIBUTE) instanceof String agent) {
            sessionEnd.ended(agent, session.getId());
        }
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    public String getHandOverTo() {
        return handOverTo;
    }

    public void setHandOverTo(String handOverTo) {
        this.handOverTo = handOverTo;
    }

    public String getHandOverNote() {
        return handOverNote;
    }

    public void setHandOverNote(String handOverNote) {
        this.handOverNote = handOverNote;
    }
}
