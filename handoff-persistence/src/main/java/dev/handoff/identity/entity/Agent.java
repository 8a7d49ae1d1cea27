package dev.handoff.identity.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The routing profile of a portal user who takes chats: skills, capacity and presence. */
@Entity
@Table(name = "agent")
@NamedQuery(name = Agent.FIND_BY_USERNAME, query = "SELECT a FROM Agent a WHERE a.user.username = :username")
@NamedQuery(name = Agent.FIND_ONLINE, query = "SELECT a FROM Agent a WHERE a.presence = dev.handoff.identity.entity.Presence.ONLINE AND a.user.enabled = TRUE"
        + " AND a.presenceSeenAt >= :seenSince")
@NamedQuery(name = Agent.FIND_STALE_PRESENCE, query = "SELECT a FROM Agent a WHERE a.presence <> dev.handoff.identity.entity.Presence.OFFLINE"
        + " AND (a.presenceSeenAt IS NULL OR a.presenceSeenAt < :seenSince)")
@NamedQuery(name = Agent.SEEN, query = "UPDATE Agent a SET a.presenceSeenAt = :at WHERE a.id = :id"
        + " AND (a.presenceSeenAt IS NULL OR a.presenceSeenAt < :at)")
@NamedQuery(name = Agent.FIND_ALL, query = "SELECT a FROM Agent a ORDER BY a.user.username")
public class Agent {

    public static final String FIND_BY_USERNAME = "Agent.findByUsername";
    public static final String FIND_ONLINE = "Agent.findOnline";
    public static final String FIND_ALL = "Agent.findAll";
    /** A heartbeat ({@code :id}, {@code :at}): one column, the version untouched. */
    public static final String SEEN = "Agent.seen";
    /** Agents not offline whose last heartbeat is older than {@code :seenSince} (or who never sent one). */
    public static final String FIND_STALE_PRESENCE = "Agent.findStalePresence";
    public static final int MAX_CAPACITY = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, unique = true)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Presence presence;

    @Column(name = "max_concurrent_chats", nullable = false)
    private int maxConcurrentChats;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "skill", length = 64)
    @Column(name = "proficiency", nullable = false)
    private Map<String, Integer> skills = new HashMap<>();

    /** The agent's last heartbeat (portal page, presence change, browser ping); presence older than the TTL is stale. */
    @Column(name = "presence_seen_at")
    private Instant presenceSeenAt;

    @Column(name = "last_assigned_at")
    private Instant lastAssignedAt;

    /** Language codes, comma-separated ("en,de"). */
    @Column(nullable = false, length = 200)
    private String languages = "en";

    /** Seniority 1 (junior) .. 5. */
    @Column(nullable = false)
    private int tier = 1;

    @Column(length = 64)
    private String team;

    @Version
    private long version;

    protected Agent() {}

    public Agent(UserAccount user, int maxConcurrentChats, Map<String, Integer> skills) {
        this.user = Objects.requireNonNull(user, "user");
        this.presence = Presence.OFFLINE;
        changeCapacity(maxConcurrentChats);
        replaceSkills(skills);
    }

    public void changeCapacity(int max) {
        if (max < 1 || max > MAX_CAPACITY) {
            throw new InvalidInputException("capacity must be between 1 and " + MAX_CAPACITY);
        }
        this.maxConcurrentChats = max;
    }

    /** Replaces all skills; names are lower-cased, proficiency must be 1..5. */
    public void replaceSkills(Map<String, Integer> newSkills) {
        Map<String, Integer> checked = new HashMap<>();
        newSkills.forEach((name, level) -> {
            String skill = normalizeSkill(name);
            if (level == null || level < 1 || level > 5) {
                throw new InvalidInputException("proficiency of " + skill + " must be between 1 and 5");
            }
            checked.put(skill, level);
        });
        skills.clear();
        skills.putAll(checked);
    }

    public static String normalizeSkill(String name) {
        if (name == null || !name.strip().matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
            throw new InvalidInputException("skill names are 1-64 letters, digits, spaces, '_' or '-': " + name);
        }
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Replaces the routing profile beyond skills: languages (codes like "en", at least one), seniority
     * tier 1..5 and an optional team.
     */
    public void changeProfile(Set<String> newLanguages, int newTier, String newTeam) {
        Set<String> codes = new TreeSet<>();
        for (String language : newLanguages == null ? Set.<String>of() : newLanguages) {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
                throw new InvalidInputException("languages are codes like 'en' or 'pt-br': " + language);
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            throw new InvalidInputException("an agent speaks at least one language");
        }
        if (newTier < 1 || newTier > 5) {
            throw new InvalidInputException("tier must be between 1 and 5");
        }
        String teamName = newTeam == null || newTeam.isBlank() ? null : newTeam.strip();
        if (teamName != null && teamName.length() > 64) {
            throw new InvalidInputException("team names have at most 64 characters");
        }
        this.languages = String.join(",", codes);
        this.tier = newTier;
        this.team = teamName;
    }

    public void changePresence(Presence newPresence) {
        this.presence = Objects.requireNonNull(newPresence);
    }

    /** The agent chose a presence now: it counts as a heartbeat. */
    public void changePresence(Presence newPresence, Instant at) {
        changePresence(newPresence);
        seen(at);
    }

    /** A heartbeat: the agent's portal is open and alive at {@code at}. */
    public void seen(Instant at) {
        Objects.requireNonNull(at, "at");
        if (presenceSeenAt == null || at.isAfter(presenceSeenAt)) {
            presenceSeenAt = at;
        }
    }

    /**
     * The presence that counts: the stored one while the last heartbeat is at or after
     * {@code seenSince}, otherwise offline (a crashed server, a closed laptop, a lost session).
     */
    public Presence presenceSeenSince(Instant seenSince) {
        return presenceSeenAt != null && !presenceSeenAt.isBefore(seenSince) ? presence : Presence.OFFLINE;
    }

    public void assigned(Instant at) {
        this.lastAssignedAt = at;
    }

    public int proficiencyIn(String skill) {
        return skill == null ? 0 : skills.getOrDefault(skill, 0);
    }

    public boolean isAvailable() {
        return presence == Presence.ONLINE && user.isEnabled();
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public String getUsername() {
        return user.getUsername();
    }

    public Presence getPresence() {
        return presence;
    }

    public int getMaxConcurrentChats() {
        return maxConcurrentChats;
    }

    public Map<String, Integer> getSkills() {
        return Collections.unmodifiableMap(skills);
    }

    public Set<String> getLanguages() {
        return new TreeSet<>(Arrays.asList(languages.split(",")));
    }

    public int getTier() {
        return tier;
    }

    public String getTeam() {
        return team;
    }

    public Instant getPresenceSeenAt() {
        return presenceSeenAt;
    }

    public Instant getLastAssignedAt() {
        return lastAssignedAt;
    }
}
