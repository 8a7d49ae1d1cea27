package dev.handoff.identity.boundary;

import dev.handoff.identity.control.PasswordHashes;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Portal users. Those who take chats get an agent profile from routing, which observes
 * {@link AccountCreated} and {@link AccountEnabled} in this bean's transaction (ADR 0047).
 */
@Stateless
public class UserService {

    public static final int MIN_PASSWORD = 8;
    /** Capacity of users created by an import without a capacity column. */
    public static final int DEFAULT_CAPACITY = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes passwordHashes;

    @Inject
    Clock clock;

    @Inject
    Event<AccountCreated> accountCreated;

    @Inject
    Event<AccountEnabled> accountEnabled;

    /**
     * Creates a user. Agents and supervisors get an agent profile with the given skills and
     * capacity (routing adds it on {@link AccountCreated}), so supervisors can take chats too.
     */
    public UserAccount create(String username, String displayName, Role role, char[] password,
            Map<String, Integer> skills, int capacity) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        return persist(username, displayName, role, passwordHashes.hash(password), skills, capacity);
    }

    /**
     * Creates a user without a password (an agent CSV import): nothing can sign in with it until an
     * admin sets one, and no hashing cost per line. Their hash is {@link PasswordHashes#UNUSABLE}.
     */
    public UserAccount createWithoutPassword(String username, String displayName, Role role, Map<String, Integer> skills, int capacity) {
        return persist(username, displayName, role, PasswordHashes.UNUSABLE, skills, capacity);
    }

    private UserAccount persist(String username, String displayName, Role role, String hash, Map<String, Integer> skills, int capacity) {
        String name = username == null ? null : username.strip().toLowerCase();
        if (findByUsername(name).isPresent()) {
            throw new ConflictException("user '" + name + "' already exists");
        }
        UserAccount user = new UserAccount(name, displayName, hash, role, clock.instant());
        em.persist(user);
        accountCreated.fire(new AccountCreated(user, skills, capacity));
        em.flush();
        return user;
    }

    public Optional<UserAccount> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The name shown for a user (in notes, templates and messages); the username if there is no such user. */
    public String displayName(String username) {
        return findByUsername(username).map(UserAccount::getDisplayName).orElse(username);
    }

    public List<UserAccount> all() {
        return em.createNamedQuery(UserAccount.FIND_ALL, UserAccount.class).getResultList();
    }

    public void setEnabled(long userId, boolean enabled, String actingUser) {
        UserAccount user = get(userId);
        if (!enabled && user.getUsername().equals(actingUser)) {
            throw new ConflictException("you cannot disable your own account");
        }
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        em.flush();
        accountEnabled.fire(new AccountEnabled(userId, enabled));
    }

    public void resetPassword(long userId, char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        get(userId).changePassword(passwordHashes.hash(password));
    }

    private UserAccount get(long userId) {
        UserAccount user = em.find(UserAccount.class, userId);
        if (user == null) {
            throw new NotFoundException("user " + userId + " does not exist");
        }
        return user;
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }
}
