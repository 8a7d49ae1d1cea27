package dev.handoff.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing settings read by more than one class, declared once (docs/runbook.md, Configuration).
 */
@ApplicationScoped
public class RoutingSettings {

    @Inject
    @ConfigProperty(name = "handoff.routing.default-skill", defaultValue = "general")
    String defaultSkill;

    /** The skill every agent can take and the skill of escalations that need nothing specific, lower case. */
    public String defaultSkill() {
        return defaultSkill.strip().toLowerCase(Locale.ROOT);
    }
}
