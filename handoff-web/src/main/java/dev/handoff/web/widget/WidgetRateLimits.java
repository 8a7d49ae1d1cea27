package dev.handoff.web.widget;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute to the widget API, counted per visitor (their token, or their address before
 * they have one) and per site, in fixed one-minute windows on this instance. Over a limit, the
 * answer says how many seconds until the window turns.
 */
@ApplicationScoped
public class WidgetRateLimits {

    private static final int MAX_KEYS = 100_000;

    private static final class Window {
        long minute;
        int count;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Which limit was hit, and the seconds to wait. */
    public record Refusal(String who, int limit, long retryAfterSeconds) {}

    /** Counts one request; refuses it when the visitor or the site is over its limit this minute. */
    public java.util.Optional<Refusal> admit(String siteKey, String visitor, int visitorLimit, int siteLimit, long nowMillis) {
        long minute = nowMillis / 60_000;
        long retry = Math.max(1, 60 - (nowMillis / 1000) % 60);
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> e.getValue().minute < minute);
        }
        if (count("v:" + siteKey + ":" + visitor, minute) > visitorLimit) {
            return java.util.Optional.of(new Refusal("visitor", visitorLimit, retry));
        }
        if (count("s:" + siteKey, minute) > siteLimit) {
            return java.util.Optional.of(new Refusal("site", siteLimit, retry));
        }
        return java.util.Optional.empty();
    }

    private int count(String key, long minute) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.minute != minute) {
                w.minute = minute;
                w.count = 0;
            }
            return ++w.count;
        }
    }

    OptionalLong size() {
        return OptionalLong.of(windows.size());
    }
}
