package dev.handoff.web.security;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A portal sign-in that outlives its server (issue 16, ADR 0048). On a data grid, signing in also
 * gives the browser a random token in the cookie {@value #COOKIE}, and the grid map
 * {@value #MAP} keeps the token's SHA-256 with the username. When that server stops or dies and the
 * proxy sends the browser to another server, the other server finds no session, reads the token,
 * finds the username in the grid and signs the browser in again on a new session, with the role the
 * account has now and only if it is still enabled: the agent goes on working without typing the
 * password, and the page reloads (ADR 0028) onto the new server.
 *
 * <p>The grid keeps only hashes, so a grid dump gives no usable token; an entry expires after the
 * portal's session time-out without use (it is used at most every {@link #TOUCH_EVERY} by a live
 * session) and at the latest after {@link #LONGEST}; signing out deletes it on every server at once.
 * Without a grid nothing is issued: a single server has no other server to carry a sign-in to.
 */
@ApplicationScoped
public class ClusterSignIns {

    static final String COOKIE = "handoff_signin";
    static final String MAP = "handoff-portal-signins";
    /** The session attribute holding this session's token and when it was last used in the grid. */
    static final String TOKEN_ATTRIBUTE = "handoff.signInToken";
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(ClusterSignIns.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the tokens' hashes are kept: username by hash, expiring when idle. */
    interface Store {
        void put(String hash, String username, Duration idle, Duration longest);

        /** The username, and the entry's idle time restarted; empty when unknown or expired. */
        Optional<String> use(String hash);

        void remove(String hash);
    }

    /** A session's token and when it last reached the grid. */
    record Issued(String token, long usedAtMillis) implements java.io.Serializable {}

    private volatile Store store;
    private Duration idle = Duration.ofMinutes(480);
    private boolean secure;
    private String sameSite = "Lax";

    @PostConstruct
    void joinGrid() {
        Config config = ConfigProvider.getConfig();
        secure = config.getOptionalValue("handoff.session.cookie-secure", Boolean.class).orElse(false);
        sameSite = SessionCookies.sameSite(config.getOptionalValue("handoff.session.cookie-same-site", String.class).orElse("Lax"));
        try {
            Object found = InitialContext.doLookup("payara/Hazelcast");
            if (found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning()) {
                store = new GridStore(grid.getMap(MAP));
                LOG.info("Portal sign-ins are kept in the data grid: a browser sent to another server stays signed in");
            }
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No data grid: a portal sign-in belongs to its server", e);
        }
    }

    /** For tests and for a server without the grid lookup. */
    void use(Store store, Duration idle, boolean secure, String sameSite) {
        this.store = store;
        this.idle = idle;
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /** The portal's session time-out, which is also how long an unused sign-in lasts in the grid. */
    void sessionTimeout(Duration timeout) {
        if (timeout != null && !timeout.isNegative() && !timeout.isZero()) {
            idle = timeout;
        }
    }

    /** After a password sign-in: a token for the browser and its hash in the grid (nothing without a grid). */
    void issue(HttpServletRequest request, HttpServletResponse response, String username) {
        Store s = store;
        if (s == null) {
            return;
        }
        sessionTimeout(Duration.ofSeconds(request.getSession().getMaxInactiveInterval()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            s.put(hash(token), username, idle, LONGEST);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not keep the sign-in of " + username + " in the data grid; it stays with this server", e);
            return;
        }
        request.getSession().setAttribute(TOKEN_ATTRIBUTE, new Issued(token, System.currentTimeMillis()));
        response.addHeader("Set-Cookie", cookie(request.getContextPath(), token, false));
    }

    /** A live signed-in session: its token used in the grid at most every {@link #TOUCH_EVERY}, so it does not expire there first. */
    void touch(HttpServletRequest request) {
        Store s = store;
        var session = request.getSession(false);
        if (s == null || session == null || !(session.getAttribute(TOKEN_ATTRIBUTE) instanceof Issued issued)) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - issued.usedAtMillis() < TOUCH_EVERY.toMillis()) {
            return;
        }
        session.setAttribute(TOKEN_ATTRIBUTE, new Issued(issued.token(), now));
        try {
            s.use(hash(issued.token()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not touch a sign-in in the data grid", e);
        }
    }

    /**
     * The username a browser without a session was signed in as on another server, from its token
     * cookie; empty without a grid, a cookie, or a live entry.
     */
    Optional<String> carriedOver(HttpServletRequest request) {
        Store s = store;
        String token = token(request);
        if (s == null || token == null) {
            return Optional.empty();
        }
        try {
            return s.use(hash(token));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read a sign-in from the data grid; the browser signs in again", e);
            return Optional.empty();
        }
    }

    /** After a carried-over sign-in: the new session knows its token, as the first one did. */
    void adopted(HttpServletRequest request) {
        String token = token(request);
        if (token != null) {
            request.getSession().setAttribute(TOKEN_ATTRIBUTE, new Issued(token, System.currentTimeMillis()));
        }
    }

    /** Signing out: the token deleted on every server and the cookie cleared. */
    void revoke(HttpServletRequest request, HttpServletResponse response) {
        Store s = store;
        String token = token(request);
        var session = request.getSession(false);
        if (token == null && session != null && session.getAttribute(TOKEN_ATTRIBUTE) instanceof Issued issued) {
            token = issued.token();
        }
        if (session != null) {
            session.removeAttribute(TOKEN_ATTRIBUTE);
        }
        if (token == null) {
            return;
        }
        if (s != null) {
            try {
                s.remove(hash(token));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete a sign-in from the data grid", e);
            }
        }
        response.addHeader("Set-Cookie", cookie(request.getContextPath(), "", true));
    }

    /** The token a browser sent, if it looks like one (43 base64url characters); anything else is ignored. */
    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The cookie: HttpOnly, SameSite and Secure as the session cookie's, the application's path, no lifetime of its own. */
    String cookie(String contextPath, String value, boolean clear) {
        String path = contextPath == null || contextPath.isEmpty() ? "/" : contextPath + "/";
        return COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=" + sameSite + (secure ? "; Secure" : "")
                + (clear ? "; Max-Age=0" : "");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The data grid's map: strings only, so the grid never loads a class of this application. */
    static final class GridStore implements Store {
        private final IMap<String, String> map;

        GridStore(IMap<String, String> map) {
            this.map = map;
        }

        @Override
        public void put(String hash, String username, Duration idle, Duration longest) {
            map.set(hash, username, longest.toSeconds(), TimeUnit.SECONDS, idle.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public Optional<String> use(String hash) {
            return Optional.ofNullable(map.get(hash));
        }

        @Override
        public void remove(String hash) {
            map.delete(hash);
        }
    }
}
