package dev.handoff.web.presence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The portal sessions each agent has open and when they last did something (typed, clicked, moved
 * the mouse: the browser sends a heartbeat). Presence follows it: offline when the last session ends,
 * away after a while without activity, back online on activity after an automatic away.
 *
 * <p>On a server in a data grid (issue 16, ADR 0043) the book is kept in the grid
 * ({@link GridSessionBook}), so it is the cluster's: a session ending on server A does not set the
 * agent offline while they still have a session on server B; activity on B keeps them from being
 * set away by an idle tab on A; an automatic away set anywhere ends with activity anywhere; and the
 * sessions of a server that left the grid (shut down, killed) stop counting. Without a grid it is
 * kept in this server's memory.
 */
@ApplicationScoped
public class AgentSessions {

    private static final Logger LOG = Logger.getLogger(AgentSessions.class.getName());

    /** Where the sessions are kept: this server's memory, or the data grid. */
    interface Book {
        void opened(String username, String sessionId, Instant at);

        boolean closed(String username, String sessionId);

        void renamed(String oldId, String newId);

        boolean active(String username, Instant at);

        List<String> idleSince(Instant now, Duration idle);

        void markedAway(String username, Instant at);

        /** True when the book is the whole cluster's, so one server may act on it for all. */
        boolean clusterWide();

        default void leave() {
        }
    }

    private volatile Book book = new LocalBook();

    @PostConstruct
    void joinGrid() {
        try {
            Optional<GridSessionBook> grid = GridSessionBook.join();
            if (grid.isPresent()) {
                book = grid.get();
                LOG.info("Agents' portal sessions and activity are kept in the data grid: presence follows them across servers");
            }
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No data grid: agents' portal sessions are this server's only", e);
        }
    }

    /** Created at start-up rather than at the first sign-in, so the grid's book is joined (and logged) at once. */
    void atStartUp(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Agents' portal sessions kept " + (book.clusterWide() ? "in the data grid" : "on this server"));
    }

    @PreDestroy
    void leaveGrid() {
        try {
            book.leave();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "leaving the data grid", e);
        }
    }

    /** For tests: keeps the book somewhere else. */
    void keepIn(Book other) {
        book = other;
    }

    public void opened(String username, String sessionId, Instant at) {
        book.opened(username, sessionId, at);
    }

    /** @return true when that was the agent's last open session (in the cluster, on a grid) */
    public boolean closed(String username, String sessionId) {
        return book.closed(username, sessionId);
    }

    /** The container gave a session a new id (e.g. when signing in); keeps counting it as the same session. */
    public void renamed(String oldId, String newId) {
        book.renamed(oldId, newId);
    }

    /** Records activity; @return true when the agent had been set away automatically and should be online again */
    public boolean active(String username, Instant at) {
        return book.active(username, at);
    }

    /** The agents with an open session and no activity for {@code idle}, not yet set away automatically. */
    public List<String> idleSince(Instant now, Duration idle) {
        return idle.isZero() || idle.isNegative() ? List.of() : book.idleSince(now, idle);
    }

    public void markedAway(String username, Instant at) {
        book.markedAway(username, at);
    }

    /** True when the sessions of every server are in this book, so that one server's check covers all agents. */
    public boolean clusterWide() {
        return book.clusterWide();
    }

    static boolean shouldGoAway(Instant lastActive, Instant now, Duration idle) {
        return lastActive != null && !idle.isZero() && !lastActive.plus(idle).isAfter(now);
    }

    /** The book without a grid: this server's memory. */
    static final class LocalBook implements Book {

        private final Map<String, Set<String>> sessions = new ConcurrentHashMap<>();
        private final Map<String, Instant> lastActive = new ConcurrentHashMap<>();
        private final Set<String> autoAway = ConcurrentHashMap.newKeySet();

        @Override
        public void opened(String username, String sessionId, Instant at) {
            sessions.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
            lastActive.put(username, at);
        }

        @Override
        public boolean closed(String username, String sessionId) {
            Set<String> open = sessions.get(username);
            if (open == null || !open.remove(sessionId)) {
                return false;
            }
            if (open.isEmpty()) {
                sessions.remove(username);
                lastActive.remove(username);
                autoAway.remove(username);
                return true;
            }
            return false;
        }

        @Override
        public void renamed(String oldId, String newId) {
            sessions.values().forEach(ids -> {
                if (ids.remove(oldId)) {
                    ids.add(newId);
                }
            });
        }

        @Override
        public boolean active(String username, Instant at) {
            lastActive.put(username, at);
            return autoAway.remove(username);
        }

        @Override
        public List<String> idleSince(Instant now, Duration idle) {
            return lastActive.entrySet().stream()
                    .filter(e -> !autoAway.contains(e.getKey()) && shouldGoAway(e.getValue(), now, idle))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public void markedAway(String username, Instant at) {
            autoAway.add(username);
        }

        @Override
        public boolean clusterWide() {
            return false;
        }
    }
}
