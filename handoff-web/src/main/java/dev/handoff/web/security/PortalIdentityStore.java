package dev.handoff.web.security;

import dev.handoff.identity.boundary.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Locale;
import java.util.Set;

/**
 * The portal's users for Jakarta Security: the password checked by {@link SignInService} (PBKDF2,
 * old hashes upgraded at sign-in), the user's role, lower-cased, as their only group.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @Inject
    SignInService signIn;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return signIn.verify(credential.getCaller(), credential.getPassword().getValue())
                .map(role -> new CredentialValidationResult(credential.getCaller(), Set.of(role.name().toLowerCase(Locale.ROOT))))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
