package dev.handoff.routing.boundary;

import dev.handoff.routing.control.Router;
import dev.handoff.routing.control.SkillRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Supplies the live router: for now the skill router. */
@ApplicationScoped
public class Routers {

    @Inject
    @ConfigProperty(name = "handoff.routing.default-skill", defaultValue = "general")
    String defaultSkill;

    @Produces
    @Singleton
    Router liveRouter() {
        return new SkillRouter(defaultSkill);
    }
}
