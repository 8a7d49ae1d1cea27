package dev.handoff.identity.boundary;

import dev.handoff.identity.control.AgentRecord;
import dev.handoff.identity.control.PasswordHashes;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.entity.Agent;
import dev.handoff.routing.entity.Presence;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Portal users and, for those who take chats, their agent profile. */
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
        return persist(username, displayName, role, passwordHashes.hash(password), skills, capacity);
    }

    private UserAccount persist(String username, String displayName, Role role, String hash, Map<String, Integer> skills, int capacity) {
        String name = username == null ? null : username.strip().toLowerCase();
        if (findByUsername(name).isPresent()) {
            throw new ConflictException("user '" + name + "' already exists");
        }
        UserAccount user = new UserAccount(name, displayName, hash, role, clock.instant());
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

    /** Every agent with their account and skills, batch-read: three statements for 5 or 500 agents (the queue page lists them). */
    public List<Agent> agents() {
        return em.createNamedQuery(Agent.FIND_ALL, Agent.class)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "a.user").setHint("eclipselink.batch", "a.skills")
                .getResultList();
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
        get(userId).changePassword(passwordHashes.hash(password));
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

    /**
     * Applies one bulk-edit change to one user (see {@link UserBulkService}) through {@link #updateAgent},
     * {@link #updateAgentProfile}, {@link #setEnabled} or {@link RoutingService#setPresence}, so the
     * routing engine hears of it.
     */
    public void edit(String username, AgentEdit edit, String actingUser) {
        UserAccount user = findByUsername(username)
                .orElseThrow(() -> new NotFoundException("user '" + username + "' does not exist"));
        if (edit instanceof AgentEdit.Enabled enabled) {
            if (user.isEnabled() != enabled.enabled()) {
                setEnabled(user.getId(), enabled.enabled(), actingUser);
            }
            return;
        }
        Agent agent = findAgent(username).orElseThrow(() -> new ConflictException(username + " is an admin and takes no chats"));
        Map<String, Integer> skills = new HashMap<>(agent.getSkills());
        if (edit instanceof AgentEdit.Capacity capacity) {
            updateAgent(agent.getId(), skills, capacity.max());
        } else if (edit instanceof AgentEdit.SetSkill set) {
            skills.put(Agent.normalizeSkill(set.skill()), set.level());
            updateAgent(agent.getId(), skills, agent.getMaxConcurrentChats());
        } else if (edit instanceof AgentEdit.RemoveSkill remove) {
            if (skills.remove(Agent.normalizeSkill(remove.skill())) != null) {
                updateAgent(agent.getId(), skills, agent.getMaxConcurrentChats());
            }
        } else if (edit instanceof AgentEdit.Team team) {
            updateAgentProfile(agent.getId(), agent.getLanguages(), agent.getTier(), team.team());
        } else if (edit instanceof AgentEdit.Offline && agent.getPresence() != Presence.OFFLINE) {
            routing.setPresence(username, Presence.OFFLINE);
        }
    }

    /**
     * Applies one line of an agent CSV ({@link dev.handoff.identity.control.AgentCsv}): creates the
     * user when missing, otherwise changes what differs, through the methods above so the routing
     * engine hears of it. Roles are not changed. New users get no password, so they
     * cannot sign in until an admin sets one (their hash is {@link PasswordHashes#UNUSABLE}).
     */
    public AgentImportResult.Outcome importAgent(AgentRecord line, String actingUser) {
        Optional<UserAccount> found = findByUsername(line.username());
        if (found.isEmpty()) {
            return createFrom(line);
        }
        UserAccount user = found.get();
        String username = user.getUsername();
        if (line.role() != null && line.role() != user.getRole()) {
            throw new ConflictException(username + " is " + user.getRole().roleName() + "; the import does not change roles");
        }
        Optional<Agent> agent = findAgent(username);
        if (agent.isEmpty() && line.hasAgentFields()) {
            throw new ConflictException(username + " is an admin and takes no chats; leave the agent columns empty");
        }
        boolean enabledChanges = line.enabled() != null && line.enabled() != user.isEnabled();
        if (enabledChanges && !line.enabled() && username.equals(actingUser)) {
            throw new ConflictException("you cannot disable your own account");
        }
        boolean changed = false;
        if (line.displayName() != null && !line.displayName().equals(user.getDisplayName())) {
            user.rename(line.displayName());
            em.flush();
            changed = true;
        }
        if (agent.isPresent()) {
            Agent a = agent.get();
            Map<String, Integer> skills = line.skills() == null ? Map.copyOf(a.getSkills()) : line.skills();
            int capacity = line.capacity() == null ? a.getMaxConcurrentChats() : line.capacity();
            if (!skills.equals(a.getSkills()) || capacity != a.getMaxConcurrentChats()) {
                updateAgent(a.getId(), skills, capacity);
                changed = true;
            }
            Set<String> languages = line.languages() == null ? a.getLanguages() : line.languages();
            int tier = line.tier() == null ? a.getTier() : line.tier();
            String team = line.team() == null ? a.getTeam() : line.team().isBlank() ? null : line.team().strip();
            if (!languages.equals(a.getLanguages()) || tier != a.getTier() || !Objects.equals(team, a.getTeam())) {
                updateAgentProfile(a.getId(), languages, tier, team);
                changed = true;
            }
        }
        if (enabledChanges) {
            setEnabled(user.getId(), line.enabled(), actingUser);
            changed = true;
        }
        return changed ? AgentImportResult.Outcome.UPDATED : AgentImportResult.Outcome.UNCHANGED;
    }

    private AgentImportResult.Outcome createFrom(AgentRecord line) {
        Role role = line.role() == null ? Role.AGENT : line.role();
        if (line.displayName() == null) {
            throw new InvalidInputException("display_name", "the new user " + line.username() + " needs a display_name");
        }
        if (role == Role.ADMIN && line.hasAgentFields()) {
            throw new InvalidInputException("role", "admins take no chats; leave capacity, skills, languages, tier and team empty");
        }
        // No password until an admin sets one: nothing can sign in with it, and no hashing cost per line.
        UserAccount user = persist(line.username(), line.displayName(), role, PasswordHashes.UNUSABLE,
                line.skills() == null ? Map.of() : line.skills(), line.capacity() == null ? DEFAULT_CAPACITY : line.capacity());
        if (role != Role.ADMIN && (line.languages() != null || line.tier() != null || line.team() != null)) {
            Agent agent = findAgent(user.getUsername()).orElseThrow();
            agent.changeProfile(line.languages() == null ? agent.getLanguages() : line.languages(),
                    line.tier() == null ? agent.getTier() : line.tier(), line.team());
        }
        if (Boolean.FALSE.equals(line.enabled())) {
            user.disable();
        }
        em.flush();
        return AgentImportResult.Outcome.CREATED;
    }

    private Optional<Agent> findAgent(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username)
                .getResultStream().findFirst();
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
