package dev.handoff.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.handoff.web.presence.GridSessionBookTest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A sign-in carried from one server to another (ADR 0048): the token, the cookie, what the grid
 * keeps, sign-out, and the grid map's expiry on a real Hazelcast member.
 */
class ClusterSignInsTest {

    /** The grid as a plain map (the Hazelcast one is tested below). */
    static final class MapStore implements ClusterSignIns.Store {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        int uses;

        @Override
        public void put(String hash, String username, Duration idle, Duration longest) {
            entries.put(hash, username);
        }

        @Override
        public Optional<String> use(String hash) {
            uses++;
            return Optional.ofNullable(entries.get(hash));
        }

        @Override
        public void remove(String hash) {
            entries.remove(hash);
        }
    }

    /** A browser: its cookies, and the session it has on one server. */
    static final class Browser {
        final Map<String, String> cookies = new HashMap<>();
        Map<String, Object> session;
        final List<String> setCookies = new ArrayList<>();

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getCookies" -> cookies.isEmpty() ? null
                                : cookies.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue())).toArray(Cookie[]::new);
                        case "getContextPath" -> "/handoff";
                        case "getSession" -> (args == null || (Boolean) args[0]) ? session(true) : session(false);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                            String header = (String) args[1];
                            setCookies.add(header);
                            String pair = header.substring(0, header.indexOf(';'));
                            String name = pair.substring(0, pair.indexOf('='));
                            String value = pair.substring(pair.indexOf('=') + 1);
                            if (header.contains("Max-Age=0")) {
                                cookies.remove(name);
                            } else {
                                cookies.put(name, value);
                            }
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession session(boolean create) {
            if (session == null && !create) {
                return null;
            }
            if (session == null) {
                session = new HashMap<>();
            }
            Map<String, Object> attributes = session;
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "getMaxInactiveInterval" -> 480 * 60;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    static ClusterSignIns server(ClusterSignIns.Store store) {
        ClusterSignIns s = new ClusterSignIns();
        s.use(store, Duration.ofMinutes(480), true, "Strict");
        return s;
    }

    @Test
    void aSignInOnOneServerIsCarriedToAnotherThatSharesTheGrid() {
        MapStore grid = new MapStore();
        ClusterSignIns a = server(grid);
        ClusterSignIns b = server(grid);
        Browser browser = new Browser();

        a.issue(browser.request(), browser.response(), "alice");
        String token = browser.cookies.get(ClusterSignIns.COOKIE);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + token);
        assertEquals(Map.of(ClusterSignIns.hash(token), "alice"), grid.entries, "the grid keeps the token's hash, never the token");
        String header = browser.setCookies.get(0);
        assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Strict") && header.contains("Secure")
                && header.contains("Path=/handoff/") && !header.contains("Max-Age"), header);

        browser.session = null; // server A died: server B has no session for this browser
        assertEquals(Optional.of("alice"), b.carriedOver(browser.request()));
        b.adopted(browser.request());
        assertTrue(browser.session.get(ClusterSignIns.TOKEN_ATTRIBUTE) instanceof ClusterSignIns.Issued issued && issued.token().equals(token),
                "the new session knows the token, so signing out there deletes it");
    }

    @Test
    void signingOutOnAnyServerEndsTheSignInOnAll() {
        MapStore grid = new MapStore();
        ClusterSignIns a = server(grid);
        ClusterSignIns b = server(grid);
        Browser browser = new Browser();
        a.issue(browser.request(), browser.response(), "alice");
        Map<String, String> stolenCookies = new HashMap<>(browser.cookies);

        b.revoke(browser.request(), browser.response());
        assertTrue(grid.entries.isEmpty(), "deleted from the grid");
        assertNull(browser.cookies.get(ClusterSignIns.COOKIE), "the cookie is cleared (Max-Age=0)");
        assertTrue(browser.setCookies.get(browser.setCookies.size() - 1).contains("Max-Age=0"));

        Browser replay = new Browser();
        replay.cookies.putAll(stolenCookies);
        assertEquals(Optional.empty(), a.carriedOver(replay.request()), "a token kept from before the sign-out is worth nothing");
    }

    @Test
    void cookiesThatAreNotTokensAreIgnoredWithoutAskingTheGrid() {
        MapStore grid = new MapStore();
        ClusterSignIns b = server(grid);
        for (String value : new String[] {"", "short", "x".repeat(44), "a'; DROP TABLE--aaaaaaaaaaaaaaaaaaaaaaaaaa", "é".repeat(43)}) {
            Browser browser = new Browser();
            browser.cookies.put(ClusterSignIns.COOKIE, value);
            assertEquals(Optional.empty(), b.carriedOver(browser.request()), value);
        }
        assertEquals(0, grid.uses, "the grid is not asked about values that cannot be tokens");
        Browser unknown = new Browser();
        unknown.cookies.put(ClusterSignIns.COOKIE, "A".repeat(43));
        assertEquals(Optional.empty(), b.carriedOver(unknown.request()), "a well-formed token nobody issued");
    }

    @Test
    void withoutAGridNothingIsIssued() {
        ClusterSignIns alone = new ClusterSignIns();
        Browser browser = new Browser();
        alone.issue(browser.request(), browser.response(), "alice");
        assertTrue(browser.cookies.isEmpty() && browser.setCookies.isEmpty());
        assertEquals(Optional.empty(), alone.carriedOver(browser.request()));
    }

    @Test
    void aLiveSessionUsesItsTokenInTheGridAtMostEveryFiveMinutes() {
        MapStore grid = new MapStore();
        ClusterSignIns a = server(grid);
        Browser browser = new Browser();
        a.issue(browser.request(), browser.response(), "alice");
        a.touch(browser.request());
        a.touch(browser.request());
        assertEquals(0, grid.uses, "just issued: no need to keep it alive yet");
        ClusterSignIns.Issued issued = (ClusterSignIns.Issued) browser.session.get(ClusterSignIns.TOKEN_ATTRIBUTE);
        browser.session.put(ClusterSignIns.TOKEN_ATTRIBUTE,
                new ClusterSignIns.Issued(issued.token(), issued.usedAtMillis() - ClusterSignIns.TOUCH_EVERY.toMillis() - 1));
        a.touch(browser.request());
        a.touch(browser.request());
        assertEquals(1, grid.uses, "five minutes later: used once, which restarts its idle time in the grid");
    }

    @Test
    void theGridForgetsAnUnusedSignInAfterItsIdleTime() throws InterruptedException {
        HazelcastInstance grid = Hazelcast.newHazelcastInstance(GridSessionBookTest.config("handoff-signins-test-" + System.nanoTime(), 28650));
        try {
            ClusterSignIns.GridStore store = new ClusterSignIns.GridStore(grid.getMap(ClusterSignIns.MAP));
            store.put("kept", "alice", Duration.ofSeconds(2), Duration.ofHours(1));
            store.put("idle", "bob", Duration.ofSeconds(2), Duration.ofHours(1));
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1000);
                assertEquals(Optional.of("alice"), store.use("kept"), "used every second, never idle for 2 s");
            }
            assertFalse(store.use("idle").isPresent(), "not used for 4 s: expired");
            store.remove("kept");
            assertFalse(store.use("kept").isPresent());
        } finally {
            grid.getLifecycleService().terminate();
        }
    }
}
