package dev.handoff.widget.boundary;

import dev.handoff.widget.entity.WidgetSite;
import java.util.List;

/** A site's settings as an admin sets them. */
public record SiteSettings(List<String> allowedOrigins, WidgetSite.BotMode botMode, int visitorPerMinute, int sitePerMinute,
        int offerAfterSeconds, boolean enabled) {}
