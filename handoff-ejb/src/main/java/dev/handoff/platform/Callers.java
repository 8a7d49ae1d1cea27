package dev.handoff.platform;

import jakarta.ejb.SessionContext;
import java.security.Principal;

/**
 * Who is calling a boundary: the signed-in portal user's principal and roles, as the container
 * passes them to the EJB ({@link SessionContext}). Boundaries decide from this, never from a
 * username or a "supervisor" flag handed in by the page (ADR 0023).
 */
public final class Callers {

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";

    private Callers() {}

    /** The caller's username; an anonymous caller is refused. */
    public static String name(SessionContext session) {
        Principal principal = session.getCallerPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isBlank() || "ANONYMOUS".equals(principal.getName())) {
            throw new ForbiddenException("Sign in first");
        }
        return principal.getName();
    }

    public static boolean supervisor(SessionContext session) {
        return session.isCallerInRole(SUPERVISOR);
    }
}
