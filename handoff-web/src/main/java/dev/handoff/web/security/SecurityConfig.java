package dev.handoff.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Portal sign-in: a Faces login form ({@code LoginBacking}) against Handoff's own users, passwords checked as PBKDF2 hashes, the
 * user's role as their only group. The API does not use this; it authenticates API keys.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/handoff",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT LOWER(role) FROM app_user WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
@ApplicationScoped
public class SecurityConfig {}
