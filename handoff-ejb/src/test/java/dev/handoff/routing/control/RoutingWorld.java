package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A routing engine on a test clock, with short ways to say "agent 1 knows billing at 4". */
final class RoutingWorld {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    final RoutingEngine engine;
    long seconds;

    RoutingWorld(RoutingPolicy policy) {
        engine = new RoutingEngine(policy);
    }

    RoutingWorld() {
        this(RoutingPolicy.defaults());
    }

    Instant now() {
        return T0.plusSeconds(seconds);
    }

    /** Moves the clock to {@code t} seconds after T0 and ticks. */
    RoutingChanges at(long t) {
        seconds = t;
        return engine.tick(now());
    }

    /** Online agent; skills as {@code "billing:4 tech:2"}, languages as {@code "en de"}. */
    RoutingChanges agent(long id, String skills, String languages, int tier, int capacity) {
        return agentInTeam(id, skills, languages, tier, capacity, "team");
    }

    /** As {@link #agent(long, String, String, int, int)}, in the given team. */
    RoutingChanges agentInTeam(long id, String skills, String languages, int tier, int capacity, String team) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String s : skills.split(" ")) {
            if (!s.isBlank()) {
                String[] p = s.split(":");
                map.put(p[0], Integer.parseInt(p[1]));
            }
        }
        engine.upsertAgent(new AgentProfile(id, "agent" + id, map, Set.copyOf(Arrays.asList(languages.split(" "))),
                tier, team, capacity), now());
        return engine.setPresence(id, AgentPresence.ONLINE, now());
    }

    RoutingChanges agent(long id, String skills) {
        return agent(id, skills, "en", 1, 3);
    }

    RouteResult enqueue(String id, String skill, String language, int urgency, int accountTier) {
        return engine.enqueue(new HandoffRequest(id, List.of(skill), language, urgency, accountTier, now()), now());
    }

    RouteResult enqueue(String id, String skill) {
        return enqueue(id, skill, "en", 0, 0);
    }

    /** The agent the handoff is offered to now, if any. */
    Optional<Long> offeredTo(String handoffId) {
        return engine.pendingOffer(handoffId).map(RouteOffer::agentId);
    }

    void assertOfferedTo(String handoffId, long agentId) {
        assertEquals(Optional.of(agentId), offeredTo(handoffId), handoffId + " offered to");
    }

    void assertWaiting(String handoffId) {
        assertEquals(Optional.of(HandoffState.WAITING), engine.state(handoffId), handoffId + " state");
    }

    long offerId(String handoffId) {
        return engine.pendingOffer(handoffId).orElseThrow(() -> new AssertionError(handoffId + " has no offer")).id();
    }

    void accept(String handoffId) {
        assertTrue(engine.accept(offerId(handoffId), now()), "accept " + handoffId);
    }

    RoutingChanges decline(String handoffId) {
        return engine.decline(offerId(handoffId), now());
    }

    double load(long agentId) {
        return engine.agentLoad(agentId).orElseThrow().load();
    }
}
