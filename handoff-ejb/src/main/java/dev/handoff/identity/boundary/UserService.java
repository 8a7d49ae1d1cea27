package dev.handoff.identity.boundary;

import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.entity.Agent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Portal users and, for those who take chats, their agent profile. */
@Stateless
public class UserService {

    public static final int MIN_PASSWORD = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    @Inject
    RoutingService routing;

    /**
     * Creates a user. Agents and supervisors get an agent profile with the given skills and
     * capacity, so supervisors can take chats too.
     */
    public UserAccount create(String username, String displayName, Role role, char[] password,
            Map<String, Integer> skills, int capacity) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        String name = username == null ? null : username.strip().toLowerCase();
        if (findByUsername(name).isPresent()) {
            throw new ConflictException("user '" + name + "' already exists");
        }
        UserAccount user = new UserAccount(name, displayName, passwordHash.generate(password), role, clock.instant());
        em.persist(user);
        if (role != Role.ADMIN) {
            em.persist(new Agent(user, capacity, skills));
        }
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

    public List<Agent> agents() {
        return em.createNamedQuery(Agent.FIND_ALL, Agent.class).getResultList();
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
        agents().stream().filter(a -> a.getUser().getId().equals(userId)).findFirst()
                .ifPresent(a -> routing.agentChanged(a.getId()));
    }

    public void resetPassword(long userId, char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        get(userId).changePassword(passwordHash.generate(password));
    }

    public void updateAgent(long agentId, Map<String, Integer> skills, int capacity) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent == null) {
            throw new NotFoundException("agent " + agentId + " does not exist");
        }
        agent.replaceSkills(skills);
        agent.changeCapacity(capacity);
        em.flush();
        routing.agentChanged(agentId);
    }

    /** The agent's languages (codes such as "en"), seniority tier 1..5 and team (optional). */
    public void updateAgentProfile(long agentId, Set<String> languages, int tier, String team) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent == null) {
            throw new NotFoundException("agent " + agentId + " does not exist");
        }
        agent.changeProfile(languages, tier, team);
        em.flush();
        routing.agentChanged(agentId);
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
