package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.OwnerReply;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import dev.handoff.routing.control.RoutingPolicy.Strategy;
import dev.handoff.routing.control.RoutingPolicy.UnresponsiveAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routing rules as named scenarios. Default policy unless a scenario says otherwise: skill
 * score; rings at 0 s (skill ≥ 3, same language), 60 s (skill ≥ 1), 120 s (related skill), 180 s
 * (anyone, any language); 45 s to accept; agents capacity 3, language en, tier 1.
 */
class RoutingEngineScenariosTest {

    static Stream<Named<Consumer<RoutingWorld>>> scenarios() {
        return Stream.of(
                scenario("only an agent with the required skill is offered", w -> {
                    w.agent(1, "tech:5");
                    w.agent(2, "billing:3");
                    w.enqueue("h1", "billing");
                    w.assertOfferedTo("h1", 2);
                }),
                scenario("the more proficient agent is preferred", w -> {
                    w.agent(1, "billing:3");
                    w.agent(2, "billing:5");
                    w.agent(3, "billing:4");
                    w.enqueue("h1", "billing");
                    w.assertOfferedTo("h1", 2);
                }),
                scenario("a full agent gets nothing until a chat is released, then pulls at once", w -> {
                    w.agent(1, "billing:5", "en", 1, 1);
                    assertEquals(RouteResult.Outcome.OFFERED, w.enqueue("h1", "billing").outcome());
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("h2", "billing").outcome());
                    w.accept("h1");
                    w.at(30);
                    w.assertWaiting("h2");
                    RoutingChanges changes = w.engine.release("h1", w.now());
                    assertEquals(List.of("h2"), changes.offered().stream().map(RouteOffer::handoffId).toList());
                    w.assertOfferedTo("h2", 1);
                }),
                scenario("ring 1 (proficiency 1) opens only after 60 s", w -> {
                    w.agent(1, "billing:1");
                    w.enqueue("h1", "billing");
                    w.at(59);
                    w.assertWaiting("h1");
                    w.at(60);
                    w.assertOfferedTo("h1", 1);
                    assertEquals(1, w.engine.pendingOffer("h1").orElseThrow().ring());
                }),
                scenario("ring 0 wants the same language", w -> {
                    w.agent(1, "billing:5", "de", 1, 3);
                    w.enqueue("h1", "billing", "en", 0, 0);
                    w.at(179);
                    w.assertWaiting("h1");
                    w.at(180);
                    w.assertOfferedTo("h1", 1);
                    assertEquals(3, w.engine.pendingOffer("h1").orElseThrow().ring());
                }),
                scenario("a related skill serves from ring 2 (120 s), anyone from ring 3 (180 s)",
                        new RoutingWorld(RoutingPolicy.defaults().withRelatedSkills(Map.of("billing", Set.of("payments")))), w -> {
                    w.agent(1, "payments:5", "en", 1, 1);
                    w.agent(2, "tech:5", "en", 1, 1);
                    w.enqueue("h1", "billing");
                    w.enqueue("h2", "billing");
                    w.at(119);
                    w.assertWaiting("h1");
                    w.at(120);
                    w.assertOfferedTo("h1", 1);
                    assertEquals(2, w.engine.pendingOffer("h1").orElseThrow().ring());
                    w.accept("h1");
                    w.at(179);
                    w.assertWaiting("h2");
                    w.at(180);
                    w.assertOfferedTo("h2", 2);
                }),
                scenario("an ordinary handoff goes to the longest idle agent, a VIP to the senior one", w -> {
                    w.agent(1, "billing:4", "en", 1, 3);
                    w.at(30);
                    w.agent(2, "billing:4", "en", 3, 3);
                    w.at(60);
                    w.enqueue("vip", "billing", "en", 5, 3);
                    w.assertOfferedTo("vip", 2);
                    w.enqueue("plain", "billing", "en", 0, 0);
                    w.assertOfferedTo("plain", 1);
                }),
                scenario("ageing: an old routine handoff beats a new urgent one, a recent routine one does not", w -> {
                    w.enqueue("old", "billing", "en", 0, 0);
                    w.at(600);
                    w.enqueue("recent", "billing", "en", 0, 0);
                    w.at(900);
                    w.enqueue("urgent", "billing", "en", 5, 0); // 10 points = 10 minutes' head start
                    w.agent(1, "billing:5", "en", 1, 1);
                    w.assertOfferedTo("old", 1);
                    w.accept("old");
                    w.engine.release("old", w.now());
                    w.assertOfferedTo("urgent", 1);
                    w.accept("urgent");
                    w.engine.release("urgent", w.now());
                    w.assertOfferedTo("recent", 1);
                }),
                scenario("an offer nobody answers goes to the next agent after 45 s", w -> {
                    w.agent(1, "billing:5");
                    w.agent(2, "billing:4");
                    w.enqueue("h1", "billing");
                    w.assertOfferedTo("h1", 1);
                    w.at(44);
                    w.assertOfferedTo("h1", 1);
                    RoutingChanges changes = w.at(45);
                    assertEquals(List.of(1L), changes.withdrawn().stream().map(RouteOffer::agentId).toList());
                    w.assertOfferedTo("h1", 2);
                    assertEquals(0, w.load(1), "a timeout does not count against capacity");
                }),
                scenario("a decline goes to the next agent; decliners are skipped until the round ends", w -> {
                    w.agent(1, "billing:5");
                    w.agent(2, "billing:4");
                    w.agent(3, "billing:3");
                    w.enqueue("h1", "billing");
                    w.decline("h1");
                    w.assertOfferedTo("h1", 2);
                    w.decline("h1");
                    w.assertOfferedTo("h1", 3);
                    w.decline("h1");
                    w.assertWaiting("h1");
                    assertEquals(0, w.load(1) + w.load(2) + w.load(3), "declines do not count against capacity");
                    w.at(RoutingEngine.ROUND_PAUSE_SECONDS - 1);
                    w.assertWaiting("h1");
                    w.at(RoutingEngine.ROUND_PAUSE_SECONDS);
                    w.assertOfferedTo("h1", 1);
                }),
                scenario("an agent going offline hands pending offers back; they go elsewhere", w -> {
                    w.agent(1, "billing:5");
                    w.agent(2, "billing:4");
                    w.enqueue("h1", "billing");
                    w.assertOfferedTo("h1", 1);
                    RoutingChanges changes = w.engine.setPresence(1, AgentPresence.OFFLINE, w.now());
                    assertEquals(List.of("h1"), changes.withdrawn().stream().map(RouteOffer::handoffId).toList());
                    w.assertOfferedTo("h1", 2);
                    assertEquals(0, w.load(1));
                }),
                scenario("busy keeps the pending offer but receives nothing new", w -> {
                    w.agent(1, "billing:5");
                    w.enqueue("h1", "billing");
                    w.engine.setPresence(1, AgentPresence.BUSY, w.now());
                    w.assertOfferedTo("h1", 1);
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("h2", "billing").outcome());
                }),
                scenario("with a pilot group only its members are routed work",
                        new RoutingWorld(RoutingPolicy.defaults().withPilotGroup(Set.of(2L))), w -> {
                    w.agent(1, "billing:5");
                    w.agent(2, "billing:3");
                    w.enqueue("h1", "billing");
                    w.assertOfferedTo("h1", 2);
                    w.enqueue("h2", "billing");
                    w.enqueue("h3", "billing");
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("h4", "billing").outcome());
                    assertEquals(0, w.load(1));
                }),
                scenario("skill score prefers proficiency over spare capacity", w -> {
                    loadedExpertAndIdleNovice(w);
                    w.enqueue("h", "billing");
                    w.assertOfferedTo("h", 1);
                }),
                scenario("least busy prefers spare capacity over proficiency",
                        new RoutingWorld(RoutingPolicy.defaults().withStrategy(Strategy.LEAST_BUSY)), w -> {
                    loadedExpertAndIdleNovice(w);
                    w.enqueue("h", "billing");
                    w.assertOfferedTo("h", 2);
                }),
                scenario("round robin takes turns whatever the proficiency",
                        new RoutingWorld(RoutingPolicy.defaults().withStrategy(Strategy.ROUND_ROBIN)), w -> {
                    w.agent(1, "billing:3", "en", 1, 5);
                    w.at(1);
                    w.agent(2, "billing:5", "en", 1, 5);
                    w.at(2);
                    w.agent(3, "billing:4", "en", 1, 5);
                    StringBuilder order = new StringBuilder();
                    for (int i = 0; i < 6; i++) {
                        w.enqueue("h" + i, "billing");
                        order.append(w.offeredTo("h" + i).orElseThrow());
                    }
                    assertEquals("123123", order.toString());
                }),
                scenario("idle chats count 0.1: an agent at capacity gets an offer; the customer's return takes it back",
                        w -> {
                    w.agent(1, "billing:5", "en", 1, 2);
                    w.enqueue("a", "billing");
                    w.accept("a");
                    w.enqueue("b", "billing");
                    w.accept("b");
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("c", "billing").outcome());
                    w.at(119);
                    w.assertWaiting("c");
                    w.at(120); // both customers silent for 120 s
                    w.assertOfferedTo("c", 1);
                    assertEquals(1.2, w.load(1), 1e-9);
                    RoutingChanges changes = w.engine.customerActivity("a", w.now());
                    assertEquals(List.of("c"), changes.withdrawn().stream().map(RouteOffer::handoffId).toList());
                    w.assertWaiting("c");
                    assertEquals(1.1, w.load(1), 1e-9);
                }),
                scenario("an owner who does not answer loses the chat to the front of the queue", w -> {
                    w.agent(1, "billing:5", "en", 1, 1);
                    w.agent(2, "billing:4", "en", 1, 1);
                    w.enqueue("h1", "billing");
                    w.accept("h1");
                    w.engine.agentActivity("h1", w.now());
                    w.enqueue("h2", "billing");
                    w.accept("h2");
                    w.engine.agentActivity("h2", w.now());
                    w.at(5);
                    w.enqueue("h3", "billing");
                    w.at(10);
                    w.engine.customerActivity("h1", w.now());
                    w.at(189);
                    assertEquals(Optional.of(1L), w.engine.owner("h1"));
                    RoutingChanges changes = w.at(190);
                    assertEquals(List.of("h1"), changes.requeued());
                    w.assertWaiting("h1");
                    w.assertOfferedTo("h3", 1); // the freed seat pulls; h1 itself is not offered back to 1
                    w.engine.release("h2", w.now());
                    w.assertOfferedTo("h1", 2);
                }),
                scenario("an owner reading the chat (activity without a reply) keeps it, and is told when it would go back", w -> {
                    w.agent(1, "billing:5", "en", 1, 1);
                    w.enqueue("h1", "billing");
                    w.accept("h1");
                    assertEquals(Optional.of(w.now().plusSeconds(180)), w.engine.replyDueAt("h1"));
                    w.at(170);
                    w.engine.ownerActivity("h1", w.now()); // reading the context on the chat page
                    assertEquals(Optional.of(w.now().plusSeconds(180)), w.engine.replyDueAt("h1"));
                    assertEquals(List.of(), w.at(200).requeued(), "activity counts, not only sent messages");
                    assertEquals(Optional.of(1L), w.engine.owner("h1"));
                    assertEquals(List.of("h1"), w.at(350).requeued(), "silence after the activity still counts");
                    assertEquals(Optional.empty(), w.engine.replyDueAt("h1"));
                }),
                scenario("each team has its own owner-reply time; a team with 0 never loses a chat to silence",
                        new RoutingWorld(RoutingPolicy.defaults().withTeamOwnerReply(Map.of(
                                "vip", new OwnerReply(60, UnresponsiveAction.REQUEUE_FRONT),
                                "tier2", new OwnerReply(0, UnresponsiveAction.REQUEUE_FRONT)))), w -> {
                    w.agentInTeam(1, "billing:5", "en", 1, 1, "vip");
                    w.agentInTeam(2, "billing:5", "en", 1, 1, "emea");
                    w.agentInTeam(3, "billing:5", "en", 1, 1, "tier2");
                    for (String h : List.of("h1", "h2", "h3")) {
                        w.enqueue(h, "billing");
                        w.accept(h);
                    }
                    assertEquals(Optional.of(1L), w.engine.owner("h1"));
                    assertEquals(Optional.of(w.now().plusSeconds(60)), w.engine.replyDueAt("h1"));
                    assertEquals(Optional.of(w.now().plusSeconds(180)), w.engine.replyDueAt("h2"), "no rule of its own: the default");
                    assertEquals(Optional.empty(), w.engine.replyDueAt("h3"));
                    assertEquals(List.of(), w.at(59).requeued());
                    assertEquals(List.of("h1"), w.at(60).requeued(), "the vip team's 60 s, not the default 180 s");
                    assertEquals(List.of(), w.at(179).requeued());
                    assertEquals(List.of("h2"), w.at(180).requeued());
                    assertEquals(List.of(), w.at(5_000).requeued());
                    assertEquals(Optional.of(3L), w.engine.owner("h3"));
                }),
                scenario("a team's own action: its owners are reported to a supervisor while the default requeues",
                        new RoutingWorld(RoutingPolicy.defaults().withUnresponsiveOwner(60, UnresponsiveAction.REQUEUE_FRONT)
                                .withTeamOwnerReply(Map.of("tier2", new OwnerReply(30, UnresponsiveAction.SUPERVISOR)))), w -> {
                    w.agentInTeam(1, "billing:5", "en", 1, 1, "tier2");
                    w.agentInTeam(2, "billing:5", "en", 1, 1, "emea");
                    w.enqueue("h1", "billing");
                    w.accept("h1");
                    w.enqueue("h2", "billing");
                    w.accept("h2");
                    assertEquals(Optional.empty(), w.engine.replyDueAt("h1"), "no countdown: the chat is not taken away");
                    RoutingChanges at30 = w.at(30);
                    assertEquals(List.of("h1"), at30.supervisorAlerts());
                    assertEquals(List.of(), at30.requeued());
                    RoutingChanges at60 = w.at(60);
                    assertEquals(List.of("h2"), at60.requeued());
                    assertEquals(List.of(), at60.supervisorAlerts(), "one alert per silence");
                    assertEquals(Optional.of(1L), w.engine.owner("h1"));
                }),
                scenario("an agent moved to another team follows that team's rule at once",
                        new RoutingWorld(RoutingPolicy.defaults().withTeamOwnerReply(Map.of(
                                "vip", new OwnerReply(60, UnresponsiveAction.REQUEUE_FRONT)))), w -> {
                    w.agentInTeam(1, "billing:5", "en", 1, 1, "emea");
                    w.enqueue("h1", "billing");
                    w.accept("h1");
                    assertEquals(List.of(), w.at(100).requeued());
                    w.agentInTeam(1, "billing:5", "en", 1, 1, "vip");
                    assertEquals(Optional.of(w.now().minusSeconds(40)), w.engine.replyDueAt("h1"));
                    assertEquals(List.of("h1"), w.at(101).requeued(), "overdue under the new team's rule");
                }),
                scenario("with the supervisor action the owner keeps the chat and one alert is raised",
                        new RoutingWorld(RoutingPolicy.defaults().withUnresponsiveOwner(60, UnresponsiveAction.SUPERVISOR)),
                        w -> {
                    w.agent(1, "billing:5");
                    w.enqueue("h1", "billing");
                    w.accept("h1");
                    assertEquals(List.of("h1"), w.at(60).supervisorAlerts());
                    assertEquals(List.of(), w.at(61).supervisorAlerts());
                    assertEquals(Optional.of(1L), w.engine.owner("h1"));
                }),
                scenario("positions of many waiting handoffs at once agree with one at a time", w -> {
                    for (int i = 1; i <= 5; i++) {
                        w.enqueue("b" + i, "billing");
                    }
                    w.enqueue("t1", "tech");
                    Map<String, Integer> many = w.engine.skillPositions(List.of("b2", "b5", "t1", "nobody"));
                    assertEquals(Map.of("b2", 2, "b5", 5, "t1", 1), many);
                    for (String id : many.keySet()) {
                        assertEquals(w.engine.skillPosition(id).getAsInt(), many.get(id));
                    }
                    w.agent(1, "billing:5", "en", 1, 1);
                    assertEquals(Map.of("b3", 2), w.engine.skillPositions(List.of("b1", "b3")), "b1 is offered now, not waiting");
                }),
                scenario("an agent coming online pulls waiting work at once", w -> {
                    w.enqueue("h1", "billing");
                    w.enqueue("h2", "tech");
                    RoutingChanges changes = w.agent(1, "billing:4 tech:4");
                    assertEquals(List.of("h1", "h2"), changes.offered().stream().map(RouteOffer::handoffId).toList());
                }),
                scenario("a full queue rejects with its own outcome; no agent is a different outcome",
                        new RoutingWorld(RoutingPolicy.defaults().withQueueCap(2)), w -> {
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("h1", "billing").outcome());
                    assertEquals(RouteResult.Outcome.NO_AGENT, w.enqueue("h2", "billing").outcome());
                    assertEquals(RouteResult.Outcome.QUEUE_FULL, w.enqueue("h3", "billing").outcome());
                    assertEquals(Optional.empty(), w.engine.state("h3"));
                }),
                scenario("a supervisor assignment makes room by withdrawing the agent's newest offer", w -> {
                    w.agent(1, "billing:5", "en", 1, 1);
                    w.agent(2, "billing:3", "en", 1, 1);
                    w.enqueue("h1", "billing");
                    w.enqueue("h2", "billing");
                    w.assertOfferedTo("h1", 1);
                    w.assertOfferedTo("h2", 2);
                    w.engine.assign("h2", 1, w.now());
                    assertEquals(Optional.of(1L), w.engine.owner("h2"));
                    w.assertOfferedTo("h1", 2);
                    assertFalse(w.engine.accept("h2", 2, w.now()), "the old offer is gone");
                }),
                scenario("a second accept of the same offer fails", w -> {
                    w.agent(1, "billing:5");
                    w.enqueue("h1", "billing");
                    long offer = w.offerId("h1");
                    assertTrue(w.engine.accept(offer, w.now()));
                    assertFalse(w.engine.accept(offer, w.now()));
                    assertEquals(1.0, w.load(1));
                }),
                scenario("an offer taken over from an earlier engine stays with its agent until its first expiry", w -> {
                    w.agent(1, "billing:3");
                    w.agent(2, "billing:5");
                    w.at(20);
                    RouteResult adopted = w.engine.adopt(new HandoffRequest("h1", List.of("billing"), "en", 0, 0, RoutingWorld.T0),
                            1, RoutingWorld.T0.plusSeconds(10), w.now());
                    assertEquals(RouteResult.Outcome.OFFERED, adopted.outcome());
                    w.assertOfferedTo("h1", 1);
                    assertEquals(RoutingWorld.T0.plusSeconds(55), w.engine.pendingOffer("h1").orElseThrow().expiresAt(),
                            "45 s from when it was first offered, not from the take-over");
                    assertEquals(1.0, w.load(1));
                    w.at(55);
                    w.assertOfferedTo("h1", 2);
                }),
                scenario("an offer taken over goes to the best agent instead when its agent is away, full or it has expired", w -> {
                    w.agent(1, "billing:3", "en", 1, 1);
                    w.agent(2, "billing:4");
                    w.engine.setPresence(1, AgentPresence.AWAY, w.now());
                    w.engine.adopt(new HandoffRequest("away", List.of("billing"), "en", 0, 0, w.now()), 1, w.now(), w.now());
                    w.assertOfferedTo("away", 2);
                    w.engine.setPresence(1, AgentPresence.ONLINE, w.now());
                    w.enqueue("fills-2", "billing");
                    w.enqueue("fills-2b", "billing");
                    w.enqueue("fills-1", "billing");
                    w.assertOfferedTo("fills-1", 1);
                    w.agent(3, "billing:3");
                    w.engine.adopt(new HandoffRequest("full", List.of("billing"), "en", 0, 0, w.now()), 1, w.now(), w.now());
                    w.assertOfferedTo("full", 3);
                    w.at(100);
                    w.engine.adopt(new HandoffRequest("late", List.of("billing"), "en", 0, 0, w.now()), 3, RoutingWorld.T0, w.now());
                    assertEquals(Optional.of(HandoffState.OFFERED), w.engine.state("late"));
                    assertEquals(w.now().plusSeconds(45), w.engine.pendingOffer("late").orElseThrow().expiresAt(), "a fresh offer");
                }));
    }

    /** Agent 1: billing 5 with two of three seats taken; agent 2: billing 3, free. */
    private static void loadedExpertAndIdleNovice(RoutingWorld w) {
        w.agent(1, "billing:5", "en", 1, 3);
        w.enqueue("x1", "billing");
        w.accept("x1");
        w.enqueue("x2", "billing");
        w.accept("x2");
        w.agent(2, "billing:3", "en", 1, 3);
    }

    private static Named<Consumer<RoutingWorld>> scenario(String name, Consumer<RoutingWorld> body) {
        return scenario(name, null, body);
    }

    private static Named<Consumer<RoutingWorld>> scenario(String name, RoutingWorld world, Consumer<RoutingWorld> body) {
        RoutingWorld w = world == null ? new RoutingWorld() : world;
        return Named.of(name, x -> body.accept(w));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Consumer<RoutingWorld> scenario) {
        scenario.accept(null);
    }
}
