package dev.handoff.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.events.RoutingRequested;
import dev.handoff.routing.boundary.RoutingService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nudges to the routing engine's server (ADR 0044): one bare "drain" per committed transaction that
 * wrote routing requests, and on the receiving side one drain per burst of nudges.
 */
class RoutingNudgesTest {

    private final List<String> wire = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private int drains;

    private RoutingNudges nudges(boolean grid) {
        RoutingNudges nudges = new RoutingNudges();
        nudges.routing = new RoutingService() {
            @Override
            public int drainRequests() {
                drains++;
                return 1;
            }
        };
        ManagedExecutorService executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        queued.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        nudges.nudgeTo(grid ? new GridRelay.Channel() {
            @Override public void publish(String message) { wire.add(message); }
            @Override public int members() { return 2; }
            @Override public void leave() { }
        } : null, executor);
        return nudges;
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aCommittedRequestIsOneBareNudgeAndABurstOfNudgesIsOneDrain() {
        RoutingNudges here = nudges(true);
        here.onRequested(new RoutingRequested());
        here.onRequested(new RoutingRequested());
        assertEquals(List.of("drain", "drain"), wire, "nothing but the word: the requests are in the database");
        assertTrue(here.exposition().contains("handoff_routing_nudges_total{direction=\"sent\"} 2"), here.exposition());

        RoutingNudges engine = nudges(false);
        for (int i = 0; i < 5; i++) {
            engine.fromOtherServer("drain");
        }
        assertEquals(1, queued.size(), "five nudges before the drain started: one drain");
        runQueued();
        assertEquals(1, drains);
        engine.fromOtherServer("drain");
        engine.fromOtherServer("something else");
        runQueued();
        assertEquals(2, drains, "a nudge after the drain started schedules the next one; other words are ignored");
        assertTrue(engine.exposition().contains("handoff_routing_nudges_total{direction=\"received\"} 7"), engine.exposition());
    }

    @Test
    void aPublishedTriggerSetIsLookedForAtOnceOnTheOtherServers() {
        int[] follows = {0};
        RoutingNudges here = nudges(true);
        here.onTriggerSetPublished(new dev.handoff.platform.events.TriggerSetPublished(7));
        assertEquals(List.of("triggers"), wire);

        RoutingNudges other = nudges(false);
        other.triggers = new dev.handoff.escalation.boundary.LiveTriggers() {
            @Override
            public void followPublished() {
                follows[0]++;
            }
        };
        other.fromOtherServer("triggers");
        other.fromOtherServer("triggers");
        assertEquals(1, queued.size(), "two nudges before the look started: one look");
        runQueued();
        assertEquals(1, follows[0]);
        assertEquals(0, drains, "a trigger-set nudge drains no routing requests");
    }

    @Test
    void withoutAGridNothingIsPublished() {
        RoutingNudges alone = nudges(false);
        alone.onRequested(new RoutingRequested());
        assertTrue(wire.isEmpty());
        assertTrue(alone.exposition().contains("handoff_routing_nudges_total{direction=\"sent\"} 0"));
    }
}
