package dev.handoff.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Portal sign-in, kept in the HTTP session by Handoff itself: the login form ({@code LoginBacking},
 * through {@code SecurityContext.authenticate}) checks the password against {@link PortalIdentityStore}
 * and stores who signed in, with their role, in the session; every later request tells the container
 * that name and role again, as plain strings. A protected page without a signed-in session goes to
 * the login page and, after signing in, back to where it was ({@link #returnTo}).
 *
 * <p>Why not the built-in form mechanism: it re-applies the session's principal object on each
 * request, and Payara 6 resolves that object through a security context it shares between threads
 * (Payara FISH-7515, fixed only in Payara 7). With several live requests of one agent in flight (push
 * refreshes, heartbeats, typing) a request now and then lost its roles: "Not allowed" on a page the
 * agent may see, or a refused EJB call. A caller given by name and groups never takes that path (ADR 0028).
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute holding who signed in. */
    static final String SIGNED_IN = "handoff.signedIn";
    /** The session attribute holding the page to return to after signing in. */
    static final String RETURN_TO = "handoff.returnTo";

    /** Who signed in on this session: the username and the role (the only group). */
    record SignedIn(String username, Set<String> groups) implements Serializable {}

    @Inject
    IdentityStoreHandler identities;

    @Inject
    ClusterSignIns carried;

    @Inject
    dev.handoff.identity.boundary.SignInService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, response, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn who) {
            carried.touch(request);
            return context.notifyContainerAboutLogin(who.username(), who.groups());
        }
        Optional<SignedIn> before = carriedOver(request, response);
        if (before.isPresent()) {
            return context.notifyContainerAboutLogin(before.get().username(), before.get().groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isPageRequest(request.getMethod(), request.getHeader("Faces-Request"), request.getRequestURI())) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        return redirect(response, request.getContextPath() + "/login.xhtml", context);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // a session id seen before signing in is worth nothing after it
        String username = result.getCallerPrincipal().getName();
        session.setAttribute(SIGNED_IN, new SignedIn(username, Set.copyOf(result.getCallerGroups())));
        carried.issue(request, response, username);
        return context.notifyContainerAboutLogin(username, result.getCallerGroups());
    }

    /**
     * A browser signed in on another server of the cluster, sent here without a session (that server
     * stopped or died): signed in again on a new session, as the account is now (ADR 0048).
     */
    private Optional<SignedIn> carriedOver(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> username = carried.carriedOver(request);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> role;
        try {
            role = accounts.stillAllowed(username.get());
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(PortalAuthentication.class.getName())
                    .log(java.util.logging.Level.WARNING, "Could not check the account of a carried-over sign-in; the browser signs in again", e);
            return Optional.empty();
        }
        if (role.isEmpty()) {
            carried.revoke(request, response); // disabled or deleted meanwhile
            return Optional.empty();
        }
        boolean existing = request.getSession(false) != null;
        HttpSession session = request.getSession(true);
        if (existing) {
            request.changeSessionId();
        }
        SignedIn who = new SignedIn(username.get(), Set.of(role.get()));
        session.setAttribute(SIGNED_IN, who);
        carried.adopted(request);
        java.util.logging.Logger.getLogger(PortalAuthentication.class.getName())
                .info(() -> "Portal sign-in of " + who.username() + " carried over from another server of the cluster");
        return Optional.of(who);
    }

    /**
     * The page that sent the browser to sign in, once (the login form's ajax answer redirects there;
     * a redirect from here would reach the form's ajax request as a page and be lost).
     */
    public static Optional<String> returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object back = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        return back instanceof String path && isOwnPath(request.getContextPath(), path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        carried.revoke(request, response);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        context.cleanClientSubject();
    }

    /** A page the browser navigated to (not a live request, a push socket or a heartbeat): worth returning to. */
    static boolean isPageRequest(String method, String facesRequest, String uri) {
        return "GET".equals(method) && facesRequest == null && !uri.contains("/jakarta.faces.") && uri.endsWith(".xhtml");
    }

    /** Only a path inside this application, never another host ("//evil.example", "https://…"). */
    static boolean isOwnPath(String context, String path) {
        return path.startsWith(context + "/") && !path.startsWith("//") && !path.contains("://") && !path.contains("\\");
    }

    private static AuthenticationStatus redirect(HttpServletResponse response, String location, HttpMessageContext context) {
        try {
            response.sendRedirect(location);
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
