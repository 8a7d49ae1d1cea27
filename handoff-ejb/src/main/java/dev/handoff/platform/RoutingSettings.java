package dev.handoff.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing settings read by more than one component, declared once (docs/runbook.md, Configuration):
 * here in platform, so that components routing depends on (conversation, escalation, desk) can read
 * them without depending on routing.
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
