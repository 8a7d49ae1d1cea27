package dev.handoff.web.faces;

import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.web.presence.PresenceSessionListener;
import dev.handoff.web.presence.SessionEnd;
import dev.handoff.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

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

    private String displayName;

    public String getUsername() {
        return faces.getExternalContext().getRemoteUser();
    }

    public String getDisplayName() {
        if (displayName == null && getUsername() != null) {
            displayName = users.findByUsername(getUsername()).map(UserAccount::getDisplayName).orElse(getUsername());
        }
        return displayName;
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole(Roles.ADMIN);
    }

    public boolean isSupervisor() {
        return faces.getExternalContext().isUserInRole(Roles.SUPERVISOR);
    }

    public boolean isAgent() {
        return faces.getExternalContext().isUserInRole(Roles.AGENT);
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
}
