package dev.handoff.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Who, besides its owner, has a chat open: a supervisor watching or stepping in, a colleague asked to
 * consult, an agent who handed it on and reads along. They get the chat's live refreshes too (a new
 * message, a take-over, the end), which before went to the owner only. A viewer is registered when
 * the chat page has loaded the chat for them (so only people allowed to read it), and renewed by the
 * page's refreshes and heartbeats; after {@link #TTL} without either the entry lapses. Per node, like
 * the push sockets it serves.
 */
@ApplicationScoped
public class ChatWatchers {

    static final Duration TTL = Duration.ofMinutes(30);
    /** More viewers than this on one chat is not a desk; the oldest entry makes room. */
    static final int MAX_PER_CHAT = 32;
    private static final int SWEEP_EVERY = 256;

    @Inject
    Clock clock;

    private final Map<String, Map<String, Instant>> byChat = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** The user has the chat open (called after the chat was read for them). */
    public void watch(String chat, String user) {
        if (chat == null || user == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Instant> viewers = byChat.computeIfAbsent(chat, c -> new ConcurrentHashMap<>());
        viewers.put(user, now);
        if (viewers.size() > MAX_PER_CHAT) {
            viewers.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> viewers.remove(oldest.getKey()));
        }
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
    }

    /** A heartbeat or refresh from a page that already watches; never adds a viewer. */
    public void renew(String chat, String user) {
        Map<String, Instant> viewers = chat == null ? null : byChat.get(chat);
        if (viewers != null && user != null) {
            viewers.computeIfPresent(user, (u, at) -> clock.instant());
        }
    }

    /** Viewers seen within {@link #TTL}. */
    public Set<String> watchers(String chat) {
        Map<String, Instant> viewers = chat == null ? null : byChat.get(chat);
        if (viewers == null) {
            return Set.of();
        }
        Instant since = clock.instant().minus(TTL);
        return viewers.entrySet().stream().filter(e -> e.getValue().isAfter(since)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private void sweep(Instant now) {
        Instant since = now.minus(TTL);
        byChat.values().forEach(viewers -> viewers.values().removeIf(at -> !at.isAfter(since)));
        byChat.values().removeIf(Map::isEmpty);
    }
}
