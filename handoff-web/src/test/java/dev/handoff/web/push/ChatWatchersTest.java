package dev.handoff.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatWatchersTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");

    private ChatWatchers watchers() {
        ChatWatchers w = new ChatWatchers();
        w.clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return w;
    }

    @Test
    void aViewerIsAWatcherUntilTheEntryLapses() {
        ChatWatchers w = watchers();
        w.watch("c1", "sam");
        w.watch("c1", "bob");
        assertEquals(Set.of("sam", "bob"), w.watchers("c1"));
        assertEquals(Set.of(), w.watchers("c2"));
        now = now.plus(ChatWatchers.TTL.minusMinutes(1));
        w.renew("c1", "sam");
        now = now.plus(Duration.ofMinutes(2));
        assertEquals(Set.of("sam"), w.watchers("c1"), "bob's entry lapsed; sam's refresh kept his");
    }

    @Test
    void aHeartbeatNeverMakesSomebodyAWatcher() {
        ChatWatchers w = watchers();
        w.renew("c1", "mallory");
        assertEquals(Set.of(), w.watchers("c1"), "only the chat page, after reading the chat for the user, registers");
    }

    @Test
    void oneChatHoldsABoundedNumberOfViewersTheOldestGoesFirst() {
        ChatWatchers w = watchers();
        for (int i = 0; i <= ChatWatchers.MAX_PER_CHAT; i++) {
            w.watch("c1", "user" + i);
            now = now.plusSeconds(1);
        }
        Set<String> left = w.watchers("c1");
        assertEquals(ChatWatchers.MAX_PER_CHAT, left.size());
        assertEquals(false, left.contains("user0"));
    }
}
