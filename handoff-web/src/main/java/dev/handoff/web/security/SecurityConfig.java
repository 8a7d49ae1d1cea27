package dev.handoff.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Portal sign-in: a Faces login form ({@code LoginBacking}, throttled by {@link LoginThrottle})
 * against Handoff's own users ({@link PortalIdentityStore}: PBKDF2 hashes, the user's role as their
 * only group), kept in the session by {@link PortalAuthentication}. The API does not use this; it
 * authenticates API keys.
 */
@DeclareRoles({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
@ApplicationScoped
public class SecurityConfig {}
