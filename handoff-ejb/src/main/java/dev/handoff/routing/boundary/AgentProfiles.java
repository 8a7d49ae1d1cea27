package dev.handoff.routing.boundary;

import dev.handoff.identity.boundary.AccountCreated;
import dev.handoff.identity.boundary.AccountEnabled;
import dev.handoff.identity.boundary.SignedIn;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.control.PasswordHashes;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.control.AgentCsv;
import dev.handoff.routing.control.AgentRecord;
import dev.handoff.identity.entity.Agent;
import dev.handoff.identity.entity.Presence;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The agent profiles of portal users who take chats: skills, capacity, languages, tier and team, and
 * the admin's changes to them, each told to the routing engine. Identity knows nothing of agents
 * (ADR 0047): this bean observes its {@link AccountCreated}, {@link AccountEnabled} and
 * {@link SignedIn} synchronously, inside the transaction that fired them, as the calls they replace did.
 */
@Stateless
public class AgentProfiles {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    RoutingService routing;

    /** Agents and supervisors get an agent profile with the skills and capacity given, so supervisors can take chats too. */
    public void created(@Observes AccountCreated created) {
        if (created.user().getRole() != Role.ADMIN) {
            em.persist(new Agent(created.user(), created.capacity(), created.skills()));
        }
    }

    /** The engine hears of an agent enabled or disabled. */
    public void enabledChanged(@Observes AccountEnabled changed) {
        em.createQuery("SELECT a FROM Agent a WHERE a.user.id = :id", Agent.class).setParameter("id", changed.userId())
                .getResultStream().findFirst().ifPresent(a -> routing.agentChanged(a.getId()));
    }

    /** Signing in puts an agent to work: offline becomes online; away and busy stay. */
    public void signedIn(@Observes SignedIn signedIn) {
        if (signedIn.role() == Role.AGENT && routing.presenceOf(signedIn.username()) == Presence.OFFLINE) {
            routing.setPresence(signedIn.username(), Presence.ONLINE);
        }
    }

    /**
     * Every agent with their account and skills, batch-read: three statements for 5 or 500 agents (the queue page lists
     * them). Not read-only: with {@code eclipselink.read-only} the routing page was shown agents without the team an
     * admin had just set (ADR 0067).
     */
    public List<Agent> agents() {
        return em.createNamedQuery(Agent.FIND_ALL, Agent.class)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "a.user").setHint("eclipselink.batch", "a.skills")
                .getResultList();
    }

    /**
     * Every agent as a line of columns, by username: two statements however many agents, no entity built or
     * registered for changes, and always what the database holds (ADR 0069). For lists that only show agents.
     */
    public List<AgentLine> roster() {
        Map<Long, Map<String, Integer>> skills = new HashMap<>();
        for (Object[] s : em.createQuery("SELECT a.id, KEY(s), VALUE(s) FROM Agent a JOIN a.skills s", Object[].class).getResultList()) {
            skills.computeIfAbsent((Long) s[0], k -> new java.util.TreeMap<>()).put((String) s[1], (Integer) s[2]);
        }
        return em.createQuery("SELECT a.id, u.username, u.displayName, a.presence, u.enabled, a.maxConcurrentChats"
                + " FROM Agent a JOIN a.user u ORDER BY u.username", Object[].class).getResultList().stream()
                .map(r -> new AgentLine((Long) r[0], (String) r[1], (String) r[2], (Presence) r[3], (Boolean) r[4], (Integer) r[5],
                        skills.getOrDefault((Long) r[0], Map.of())))
                .toList();
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
     * {@link #updateAgentProfile}, {@link UserService#setEnabled} or {@link RoutingService#setPresence},
     * so the routing engine hears of it.
     */
    public void edit(String username, AgentEdit edit, String actingUser) {
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("user '" + username + "' does not exist"));
        if (edit instanceof AgentEdit.Enabled enabled) {
            if (user.isEnabled() != enabled.enabled()) {
                users.setEnabled(user.getId(), enabled.enabled(), actingUser);
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
     * Applies one line of an agent CSV ({@link AgentCsv}): creates the user when missing, otherwise
     * changes what differs, through the methods above so the routing engine hears of it. Roles are not
     * changed. New users get no password, so they cannot sign in until an admin sets one (their hash
     * is {@link PasswordHashes#UNUSABLE}).
     */
    public AgentImportResult.Outcome importAgent(AgentRecord line, String actingUser) {
        Optional<UserAccount> found = users.findByUsername(line.username());
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
            users.setEnabled(user.getId(), line.enabled(), actingUser);
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
        UserAccount user = users.createWithoutPassword(line.username(), line.displayName(), role,
                line.skills() == null ? Map.of() : line.skills(), line.capacity() == null ? UserService.DEFAULT_CAPACITY : line.capacity());
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
}
