package dev.handoff.web.presence;

import dev.handoff.platform.cluster.ClusterDuties;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.identity.entity.Presence;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 30 s, sets online agents away after {@code handoff.presence.away-after-seconds} (default 600;
 * 0 = never) without activity. On a data grid the sessions and activity are the cluster's
 * ({@link AgentSessions}), so only the server doing the cluster-wide duties checks, for every agent;
 * without a grid every server checks its own sessions.
 */
@Singleton
@Startup
public class PresenceWatch {

    private static final Logger LOG = Logger.getLogger(PresenceWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AgentSessions sessions;

    @Inject
    RoutingService routing;

    @Inject
    Clock clock;

    @Inject
    ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.presence.away-after-seconds", defaultValue = "600")
    long awayAfterSeconds;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(30_000, 30_000, new TimerConfig("handoff-presence", false));
    }

    @Timeout
    void check(Timer timer) {
        if (sessions.clusterWide() && !duties.mayRun("presence-away")) {
            return;
        }
        for (String username : sessions.idleSince(clock.instant(), Duration.ofSeconds(Math.max(0, awayAfterSeconds)))) {
            try {
                if (routing.presenceOf(username) == Presence.ONLINE) {
                    routing.setPresence(username, Presence.AWAY);
                    sessions.markedAway(username, clock.instant());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not set " + username + " away", e);
            }
        }
    }
}
