package dev.handoff.metrics.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.Closed;
import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.CsatReceived;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.Escalated;
import dev.handoff.platform.events.EscalationFlagged;
import dev.handoff.platform.events.Resolved;
import dev.handoff.platform.events.Transferred;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's own figures and the pilot comparison (ADR 0030) from a fixed history with answers worked
 * out by hand: a conversation is the agent's who first accepted it, including what was counted before
 * that acceptance; handle time runs from that acceptance to the resolution.
 */
class AgentMeasuresTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-03-01T10:00:00Z");
    static final Map<String, String> TEAMS = Map.of("alice", "emea", "bob", "emea");

    final EventHistory history = new EventHistory(new Rollup(30, TEAMS::get));
    final Rollup rollup = history.rollup;
    final Map<String, Facts> facts = history.facts;
    final Deltas all = history.all;

    void on(DomainEvent e) {
        history.on(e);
    }

    static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    void escalated(String id, Instant start) {
        on(new ConversationStarted(id, "cus-" + id, "web", start));
        on(new Escalated(id, "billing", 1, List.of("billing-dispute"), 2, null, start.plusSeconds(60)));
    }

    @BeforeEach
    void history() {
        // a1: alice after 20 s, resolved 300 s later, rated 4, flagged "not needed"
        escalated("a1", T);
        on(new Accepted("a1", "alice", null, at(60), at(80)));
        on(new Resolved("a1", "alice", "refunded", at(60), at(380)));
        on(new EscalationFlagged("a1", "alice", List.of("billing-dispute"), at(390)));
        on(new CsatReceived("a1", "alice", true, 4, null, at(400)));
        // a2: a first-response breach while waiting, alice after 40 s, transferred to bob who resolves it
        // 900 s after alice's acceptance and is rated 2: all of it stays alice's
        escalated("a2", T);
        all.addAll(rollup.breach(facts.get("a2"), "first-response"));
        on(new Accepted("a2", "alice", null, at(60), at(100)));
        on(new Transferred("a2", "alice", "bob", null, "alice", at(200)));
        on(new Accepted("a2", "bob", null, at(60), at(210)));
        on(new Resolved("a2", "bob", "done", at(60), at(1000)));
        on(new CsatReceived("a2", "bob", true, 2, null, at(1100)));
        // b1: bob after 10 s, resolved after 60 s, rated 5
        escalated("b1", T);
        on(new Accepted("b1", "bob", null, at(60), at(70)));
        on(new Resolved("b1", "bob", "done", at(60), at(130)));
        on(new CsatReceived("b1", "bob", true, 5, null, at(140)));
        // c1: the customer left the queue: nobody's
        escalated("c1", T);
        on(new Closed("c1", "QUEUED", null, at(200)));
        // x1: the bot's, rated 3: nobody's
        on(new ConversationStarted("x1", "cus-x1", "web", T));
        on(new CsatReceived("x1", null, false, 3, null, at(50)));
        // the day before: alice after 30 s, resolved 200 s later
        escalated("p1", BEFORE);
        on(new Accepted("p1", "alice", null, BEFORE.plusSeconds(60), BEFORE.plusSeconds(90)));
        on(new Resolved("p1", "alice", "done", BEFORE.plusSeconds(60), BEFORE.plusSeconds(290)));
    }

    List<Measures.AgentRow> rows() {
        List<Measures.AgentRow> rows = new ArrayList<>();
        all.agents().forEach((k, v) -> rows.add(new Measures.AgentRow(k, v)));
        return rows;
    }

    @Test
    void anAgentsOwnFigures() {
        AgentMeasures.Dashboard d = AgentMeasures.dashboard("alice", DAY, DAY, rows());
        AgentFigures me = d.current();
        assertEquals(2, me.handled(), "a1 and a2; the transfer to bob does not move a2");
        assertEquals(2, me.resolved());
        assertEquals(600.0, me.handleMean(), 1e-9, "300 s and 900 s");
        assertEquals(300.0, me.handleMedian(), 1e-9, "rank 1 of 2 falls at the top of the 180-300 s bucket");
        assertEquals(30.0, me.ttaMean(), 1e-9, "20 s and 40 s");
        assertEquals(20.0, me.ttaMedian(), 1e-9, "rank 1 of 2 at the top of the 10-20 s bucket");
        assertEquals(3.0, me.csat(), 1e-9, "4 and 2");
        assertEquals(2, me.csatCount());
        assertEquals(1, me.transfers());
        assertEquals(1, me.notNeeded());
        assertEquals(0.5, me.notNeededRate(), 1e-9);
        assertEquals(0.5, me.firstResponseCompliance(), 1e-9, "the breach before the acceptance is hers too");
        assertEquals(1.0, me.resolutionCompliance(), 1e-9);
        assertEquals(0.5, me.withinTarget(), 1e-9, "20 s within 30 s, 40 s not");
        assertEquals(1, me.agents());

        AgentFigures before = d.previous();
        assertEquals(1, before.handled());
        assertEquals(200.0, before.handleMean(), 1e-9);
        assertNull(before.csat());

        AgentFigures everyone = d.everyone();
        assertEquals(3, everyone.handled(), "alice's two and bob's one; the abandoned and the bot's are nobody's");
        assertEquals(2, everyone.agents());
        assertEquals(11.0 / 3, everyone.csat(), 1e-9, "4, 2 and 5; not the bot's 3");
        assertEquals(70.0 / 3, everyone.ttaMean(), 1e-9);
        assertEquals(1, d.everyonePrevious().handled());

        assertEquals(1, d.days().size());
        assertEquals(2, d.days().get(0).handled());
        assertEquals(3.0, d.days().get(0).csat(), 1e-9);
    }

    @Test
    void bobSeesOnlyHis() {
        AgentFigures bob = AgentMeasures.dashboard("bob", DAY, DAY, rows()).current();
        assertEquals(1, bob.handled(), "b1 only: a2 was alice's first");
        assertEquals(60.0, bob.handleMean(), 1e-9);
        assertEquals(5.0, bob.csat(), 1e-9);
        assertEquals(0, bob.transfers());
        assertEquals(1.0, bob.firstResponseCompliance(), 1e-9);
    }

    @Test
    void thePilotGroupBesideEveryoneElse() {
        AgentMeasures.Pilot p = AgentMeasures.pilot(DAY, DAY, Set.of("alice"), rows());
        assertEquals(2, p.pilot().handled());
        assertEquals(3.0, p.pilot().csat(), 1e-9);
        assertEquals(0.5, p.pilot().notNeededRate(), 1e-9);
        assertEquals(1, p.others().handled());
        assertEquals(1, p.others().agents());
        assertEquals(10.0, p.others().ttaMean(), 1e-9);
        assertEquals(0.0, p.others().notNeededRate(), 1e-9);
        assertEquals(1.0, p.others().withinTarget(), 1e-9);
        AgentMeasures.Pilot twoDays = AgentMeasures.pilot(DAY.minusDays(1), DAY, Set.of("alice"), rows());
        assertEquals(3, twoDays.pilot().handled(), "p1 the day before too");
    }

    @Test
    void theAgentRowsAddUpToTheTeamsRows() {
        // every accepting agent here has a team, so the agents' rows hold exactly what the teams' rows hold
        long[] agents = new long[Counter.SIZE];
        all.agents().values().forEach(v -> add(agents, v));
        long[] teams = new long[Counter.SIZE];
        all.daily().forEach((k, v) -> {
            if (!k.team().isEmpty()) {
                add(teams, v);
            }
        });
        assertArrayEquals(teams, agents);
        assertEquals(4, agents[Counter.HANDLED.ordinal()], "a1, a2, b1 and p1 resolved after an acceptance");
        assertEquals(300 + 900 + 60 + 200, agents[Counter.HANDLE_SUM.ordinal()]);
    }

    private static void add(long[] into, long[] c) {
        for (int i = 0; i < into.length; i++) {
            into[i] += c[i];
        }
    }
}
