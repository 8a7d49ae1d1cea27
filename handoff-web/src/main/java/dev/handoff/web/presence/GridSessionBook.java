package dev.handoff.web.presence;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Agents' portal sessions kept in Payara's data grid (Hazelcast), so that presence follows an agent
 * across servers (issue 16, ADR 0043). Three grid structures, strings and numbers only (the grid never
 * loads a class of this application):
 * <ul>
 * <li>{@code handoff-portal-sessions}, a multimap from username to {@code sessionId@member}: the
 *     sessions open on every server, each tagged with the grid member that holds it;</li>
 * <li>{@code handoff-agent-activity}: username to the epoch milliseconds of the last activity seen by
 *     any server;</li>
 * <li>{@code handoff-agent-auto-away}: the agents set away automatically, with when.</li>
 * </ul>
 * A session counts only while its member is in the grid: when a server leaves (shut down, killed), its
 * sessions stop counting at once, and every remaining server deletes them (harmless when several do).
 * Sessions themselves stay on their server (the load balancer keeps a browser on one server).
 */
final class GridSessionBook implements AgentSessions.Book {

    static final String SESSIONS = "handoff-portal-sessions";
    static final String ACTIVITY = "handoff-agent-activity";
    static final String AUTO_AWAY = "handoff-agent-auto-away";

    private final HazelcastInstance grid;
    private final MultiMap<String, String> sessions;
    private final IMap<String, Long> activity;
    private final IMap<String, Long> autoAway;
    private final String me;
    /** This server's sessions: id to username, to find the user of a renamed session. */
    private final Map<String, String> local = new ConcurrentHashMap<>();
    private final UUID membership;

    GridSessionBook(HazelcastInstance grid) {
        this.grid = grid;
        this.sessions = grid.getMultiMap(SESSIONS);
        this.activity = grid.getMap(ACTIVITY);
        this.autoAway = grid.getMap(AUTO_AWAY);
        this.me = grid.getCluster().getLocalMember().getUuid().toString();
        this.membership = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new server starts with no sessions
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                forget(event.getMember().getUuid().toString());
            }
        });
    }

    /** The book in this server's grid; empty when the server runs without one. */
    static Optional<GridSessionBook> join() throws NamingException {
        Object found = InitialContext.doLookup("payara/Hazelcast");
        if (found instanceof HazelcastInstance g && g.getLifecycleService().isRunning()) {
            return Optional.of(new GridSessionBook(g));
        }
        return Optional.empty();
    }

    @Override
    public void opened(String username, String sessionId, Instant at) {
        local.put(sessionId, username);
        sessions.put(username, tag(sessionId));
        activity.set(username, at.toEpochMilli());
    }

    @Override
    public boolean closed(String username, String sessionId) {
        local.remove(sessionId);
        if (!sessions.remove(username, tag(sessionId))) {
            return false;
        }
        if (!alive(sessions.get(username)).isEmpty()) {
            return false;
        }
        sessions.remove(username); // sessions of servers that left, if any
        activity.delete(username);
        autoAway.delete(username);
        return true;
    }

    @Override
    public void renamed(String oldId, String newId) {
        String username = local.remove(oldId);
        if (username != null) {
            local.put(newId, username);
            sessions.remove(username, tag(oldId));
            sessions.put(username, tag(newId));
        }
    }

    @Override
    public boolean active(String username, Instant at) {
        long now = at.toEpochMilli();
        Long before = activity.get(username);
        if (before == null || before < now) {
            activity.set(username, now);
        }
        return autoAway.remove(username) != null;
    }

    @Override
    public List<String> idleSince(Instant now, Duration idle) {
        Set<String> members = memberIds();
        List<String> withSessions = new ArrayList<>();
        for (String username : sessions.keySet()) {
            if (sessions.get(username).stream().anyMatch(tagged -> members.contains(memberOf(tagged)))) {
                withSessions.add(username);
            }
        }
        if (withSessions.isEmpty()) {
            return List.of();
        }
        Set<String> away = autoAway.keySet();
        Map<String, Long> last = activity.getAll(Set.copyOf(withSessions));
        return withSessions.stream()
                .filter(u -> !away.contains(u))
                .filter(u -> AgentSessions.shouldGoAway(last.get(u) == null ? null : Instant.ofEpochMilli(last.get(u)), now, idle))
                .sorted()
                .toList();
    }

    @Override
    public void markedAway(String username, Instant at) {
        autoAway.set(username, at.toEpochMilli());
    }

    @Override
    public boolean clusterWide() {
        return true;
    }

    @Override
    public void leave() {
        if (grid.getLifecycleService().isRunning()) {
            grid.getCluster().removeMembershipListener(membership);
            forget(me);
        }
    }

    /** Deletes the sessions a member held (it left the grid). */
    void forget(String member) {
        for (Map.Entry<String, String> e : List.copyOf(sessions.entrySet())) {
            if (member.equals(memberOf(e.getValue()))) {
                sessions.remove(e.getKey(), e.getValue());
            }
        }
    }

    private Collection<String> alive(Collection<String> tagged) {
        Set<String> members = memberIds();
        return tagged.stream().filter(t -> members.contains(memberOf(t))).toList();
    }

    private Set<String> memberIds() {
        return grid.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString).collect(Collectors.toSet());
    }

    private String tag(String sessionId) {
        return sessionId + "@" + me;
    }

    private static String memberOf(String tagged) {
        return tagged.substring(tagged.lastIndexOf('@') + 1);
    }
}
