package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.BuiltInTriggers;
import dev.handoff.escalation.control.TriggerEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Supplies the live trigger engine: for now the built-in set, configured from MicroProfile Config. */
@ApplicationScoped
public class TriggerEngines {

    @Inject
    @ConfigProperty(name = "handoff.triggers.min-bot-confidence", defaultValue = "0.3")
    double minBotConfidence;

    @Produces
    @Singleton
    TriggerEngine liveEngine() {
        return new BuiltInTriggers(minBotConfidence);
    }
}
