package dev.handoff.identity.boundary;

import dev.handoff.identity.control.PasswordHashes;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks portal passwords for the portal's identity store, and starts an agent's work when they
 * sign in. A hash written with fewer iterations than new hashes get (the 2,048 of the first
 * releases) is written again with the password just checked (ADR 0015).
 */
@Stateless
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class.getName());
    /** Checked when the user does not exist, so an unknown name costs as long as a wrong password. */
    private static volatile String decoy;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes hashes;

    @Inject
    Event<SignedIn> signedIn;

    /** The user's role when the username and password match an enabled account. */
    public Optional<Role> verify(String username, char[] password) {
        Optional<UserAccount> found = username == null ? Optional.empty()
                : em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                        .setParameter("username", username).getResultStream().findFirst();
        if (found.isEmpty()) {
            hashes.verify(password, decoy());
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (!hashes.verify(password, user.getPasswordHash()) || !user.isEnabled()) {
            return Optional.empty();
        }
        if (hashes.needsUpgrade(user.getPasswordHash())) {
            user.changePassword(hashes.hash(password));
            LOG.info(() -> "Password hash of " + username + " upgraded to " + hashes.iterations() + " iterations");
        }
        return Optional.of(user.getRole());
    }

    /**
     * The role of an account that may still use the portal (it exists and is enabled), for a sign-in
     * carried over from another server of the cluster (ADR 0048): the role is read now, not as it was;
     * given as the portal's group name (the role in lower case), as the identity store gives it.
     */
    public Optional<String> stillAllowed(String username) {
        return username == null ? Optional.empty()
                : em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                        .setParameter("username", username).getResultStream().findFirst()
                        .filter(UserAccount::isEnabled).map(u -> u.getRole().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Signing in (a POST with the form's token) puts an agent to work: offline becomes online; away and
     * busy stay. Routing does that, observing {@link SignedIn} in this transaction (ADR 0047).
     */
    public void signedIn(String username) {
        Optional<UserAccount> user = em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
        user.ifPresent(u -> signedIn.fire(new SignedIn(u.getUsername(), u.getRole())));
    }

    private String decoy() {
        if (decoy == null) {
            decoy = hashes.hash("decoy-password".toCharArray());
        }
        return decoy;
    }
}
