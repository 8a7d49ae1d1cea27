package dev.handoff.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Portal sign-in: a Faces login form ({@code LoginBacking}, throttled by {@link LoginThrottle})
 * against Handoff's own users ({@link PortalIdentityStore}: PBKDF2 hashes, the user's role as their
 * only group). The API does not use this; it authenticates API keys.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
@ApplicationScoped
public class SecurityConfig {}
