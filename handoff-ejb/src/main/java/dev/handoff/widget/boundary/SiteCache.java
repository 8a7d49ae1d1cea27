package dev.handoff.widget.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sites by key for a few seconds, so the widget API's origin and rate checks cost no query per
 * request; an admin's change drops the entry at once on this instance.
 */
@ApplicationScoped
public class SiteCache {

    static final Duration TTL = Duration.ofSeconds(5);

    private record Cached(Optional<SiteView> site, Instant until) {}

    private final Map<String, Cached> sites = new ConcurrentHashMap<>();

    public Optional<SiteView> get(String key, Function<String, Optional<SiteView>> load) {
        Instant now = Instant.now();
        Cached c = sites.get(key);
        if (c == null || c.until().isBefore(now)) {
            if (sites.size() > 10_000) {
                sites.clear();
            }
            c = new Cached(load.apply(key), now.plus(TTL));
            sites.put(key, c);
        }
        return c.site();
    }

    public void forget(String key) {
        sites.remove(key);
    }
}
