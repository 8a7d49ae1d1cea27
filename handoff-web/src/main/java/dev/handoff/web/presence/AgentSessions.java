package dev.handoff.web.presence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal sessions each agent has open and when they last did something (typed, clicked, moved
 * the mouse: the browser sends a heartbeat). Presence follows it: offline when the last session ends,
 * away after a while without activity, back online on activity after an automatic away. In memory,
 * per JVM (like push; see the README's one-instance note).
 */
@ApplicationScoped
public class AgentSessions {

    private final Map<String, Set<String>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastActive = new ConcurrentHashMap<>();
    private final Set<String> autoAway = ConcurrentHashMap.newKeySet();

    public void opened(String username, String sessionId, Instant at) {
        sessions.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
        lastActive.put(username, at);
    }

    /** @return true when that was the agent's last open session */
    public boolean closed(String username, String sessionId) {
        Set<String> open = sessions.get(username);
        if (open == null) {
            return false;
        }
        open.remove(sessionId);
        if (open.isEmpty()) {
            sessions.remove(username);
            lastActive.remove(username);
            autoAway.remove(username);
            return true;
        }
        return false;
    }

    /** The container gave a session a new id (e.g. when signing in); keeps counting it as the same session. */
    public void renamed(String oldId, String newId) {
        sessions.values().forEach(ids -> {
            if (ids.remove(oldId)) {
                ids.add(newId);
            }
        });
    }

    /** Records activity; @return true when the agent had been set away automatically and should be online again */
    public boolean active(String username, Instant at) {
        lastActive.put(username, at);
        return autoAway.remove(username);
    }

    /** The agents with an open session and no activity for {@code idle}, not yet set away automatically. */
    public List<String> idleSince(Instant now, Duration idle) {
        return lastActive.entrySet().stream()
                .filter(e -> !autoAway.contains(e.getKey()) && shouldGoAway(e.getValue(), now, idle))
                .map(Map.Entry::getKey)
                .toList();
    }

    public void markedAway(String username) {
        autoAway.add(username);
    }

    static boolean shouldGoAway(Instant lastActive, Instant now, Duration idle) {
        return lastActive != null && !idle.isZero() && !lastActive.plus(idle).isAfter(now);
    }
}
