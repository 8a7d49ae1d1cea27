package dev.handoff.widget.boundary;

import dev.handoff.widget.entity.WidgetSite;
import java.util.List;

/** A site as the widget API, its filter and the admin see it. */
public record SiteView(long id, String name, String siteKey, List<String> allowedOrigins, String botMode, int visitorPerMinute,
        int sitePerMinute, int offerAfterSeconds, boolean enabled) {

    static SiteView of(WidgetSite s) {
        return new SiteView(s.getId(), s.getName(), s.getSiteKey(), s.getAllowedOrigins(), s.getBotMode().name().toLowerCase(),
                s.getVisitorPerMinute(), s.getSitePerMinute(), s.getOfferAfterSeconds(), s.isEnabled());
    }

    public boolean demoBot() {
        return "demo".equals(botMode);
    }

    /** Whether the widget API answers a browser page from {@code origin} (same-origin pages always). */
    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        String o = origin.strip().toLowerCase(java.util.Locale.ROOT);
        return allowedOrigins.contains(o);
    }
}
