package dev.handoff.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The team filter (ADR 0025) from a fixed history with answers worked out by hand: a conversation
 * belongs to the team of the agent who first accepted it, what was counted before that acceptance
 * moves to the team's row, and every measure of a team counts only its conversations, against all
 * conversations started for the handoff rate.
 */
class TeamMeasuresTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-03-01T10:00:00Z");
    static final Map<String, String> TEAMS = Map.of("alice", "emea", "bob", "emea", "carol", "americas");

    final Rollup withTeams = new Rollup(30, TEAMS::get);
    final Rollup withoutTeams = new Rollup(30);
    final Map<String, Facts> facts = new HashMap<>();
    final Map<String, Facts> plainFacts = new HashMap<>();
    final Deltas all = new Deltas();
    final Deltas plain = new Deltas();

    void on(DomainEvent e) {
        if (e instanceof ConversationStarted s) {
            facts.put(s.conversationId(), withTeams.start(s.conversationId(), s.channel(), s.at(), all));
            plainFacts.put(s.conversationId(), withoutTeams.start(s.conversationId(), s.channel(), s.at(), plain));
        } else {
            all.addAll(withTeams.apply(facts.get(e.conversationId()), e));
            plain.addAll(withoutTeams.apply(plainFacts.get(e.conversationId()), e));
        }
    }

    void breach(String id, String kind) {
        all.addAll(withTeams.breach(facts.get(id), kind));
        plain.addAll(withoutTeams.breach(plainFacts.get(id), kind));
    }

    static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    void escalated(String id, String channel, String skill, String trigger) {
        on(new ConversationStarted(id, "cus-" + id, channel, T));
        on(new Escalated(id, skill, 1, List.of(trigger), 2, null, at(60)));
    }

    @BeforeEach
    void history() {
        // t1: flagged and a first-response breach while still waiting, then accepted by alice (emea) after 20 s
        escalated("t1", "web", "billing", "billing-dispute");
        on(new EscalationFlagged("t1", "sam", List.of("billing-dispute"), at(65)));
        breach("t1", "first-response");
        on(new Accepted("t1", "alice", null, at(60), at(80)));
        on(new Resolved("t1", "alice", "refunded", at(60), at(600)));
        on(new CsatReceived("t1", "alice", true, 4, null, at(700)));
        // t2: carol (americas) after 40 s, then transferred to alice: it stays americas'
        escalated("t2", "web", "billing", "billing-dispute");
        on(new Accepted("t2", "carol", null, at(60), at(100)));
        on(new Transferred("t2", "carol", "alice", null, "carol", at(200)));
        on(new CsatReceived("t2", "alice", true, 2, null, at(700)));
        // t3: bob (emea) after 100 s; requeued and taken by carol: the first acceptance decides
        escalated("t3", "web", "technical", "technical-dead-end");
        on(new Accepted("t3", "bob", null, at(60), at(160)));
        on(new Accepted("t3", "carol", "sam", at(60), at(900)));
        // t4: the customer left the queue: no team
        escalated("t4", "web", "billing", "billing-dispute");
        on(new Closed("t4", "QUEUED", null, at(160)));
        // t5: the bot's, rated 5
        on(new ConversationStarted("t5", "cus-t5", "web", T));
        on(new CsatReceived("t5", null, false, 5, null, at(50)));
        // t6: dave has no team
        escalated("t6", "app", "general", "human-request");
        on(new Accepted("t6", "dave", null, at(60), at(90)));
        // the day before: alice (emea) after 10 s, and a bot conversation
        on(new ConversationStarted("p1", "cus-p1", "web", BEFORE));
        on(new Escalated("p1", "billing", 1, List.of("billing-dispute"), 2, null, BEFORE.plusSeconds(10)));
        on(new Accepted("p1", "alice", null, BEFORE.plusSeconds(10), BEFORE.plusSeconds(20)));
        on(new ConversationStarted("p2", "cus-p2", "web", BEFORE));
    }

    static Overview overview(Deltas d, String team) {
        List<Measures.Row> rows = new ArrayList<>();
        d.daily().forEach((k, v) -> rows.add(new Measures.Row(k, v)));
        List<Measures.TriggerRow> triggerRows = new ArrayList<>();
        d.triggers().forEach((k, v) -> triggerRows.add(new Measures.TriggerRow(k, v[0], v[1])));
        return new Measures(0.30).overview(new Filter(DAY, DAY, null, null, null, team), rows, triggerRows);
    }

    @Test
    void oneTeamsMeasures() {
        Summary s = overview(all, "emea").current();
        assertEquals(6, s.started(), "the handoff rate still divides by every conversation started");
        assertEquals(2, s.escalated(), "t1 and t3");
        assertEquals(2.0 / 6, s.handoffRate(), 1e-9);
        assertEquals(2, s.accepted());
        assertEquals(60.0, s.ttaMean(), 1e-9, "20 s and 100 s");
        assertEquals(0.5, s.slaWithinTarget(), 1e-9, "only t1 within 30 s");
        assertEquals(1, s.notNeeded(), "the flag made before alice accepted moved with t1");
        assertEquals(0.5, s.precision(), 1e-9);
        assertEquals(0.5, s.firstResponseCompliance(), 1e-9, "the breach made before the acceptance moved too");
        assertEquals(4.0, s.csatHuman(), 1e-9);
        assertEquals(1, s.csatHumanCount());
        assertNull(s.csatBot(), "the bot's conversations belong to no team");
        assertEquals(0, s.abandoned(), "a customer who left the queue was never a team's");
        assertEquals(1, s.resolved());
        assertEquals(0, s.transfers());
    }

    @Test
    void theOtherTeamAndThePreviousPeriod() {
        Overview americas = overview(all, "americas");
        assertEquals(1, americas.current().escalated(), "t2 only: the requeued t3 stays emea's");
        assertEquals(40.0, americas.current().ttaMean(), 1e-9);
        assertEquals(1, americas.current().transfers(), "a transfer to another team's agent does not move it");
        assertEquals(2.0, americas.current().csatHuman(), 1e-9);
        assertEquals(0, americas.previous().escalated());

        Overview emea = overview(all, "emea");
        assertEquals(1, emea.previous().escalated());
        assertEquals(10.0, emea.previous().ttaMean(), 1e-9);
        assertEquals(2, emea.previous().started());
        assertEquals(List.of("billing-dispute", "technical-dead-end"), emea.topics().stream().map(Overview.Topic::trigger).toList());
        assertEquals(0.5, emea.topics().get(0).share(), 1e-9);
        assertEquals(1.0, emea.topics().get(0).previousShare(), 1e-9);
        assertEquals(1, emea.days().size());
        assertEquals(2, emea.days().get(0).summary().escalated());
    }

    @Test
    void aTeamsTriggerPrecisionCountsFirstTriggers() {
        List<Overview.TriggerPrecisionRow> p = overview(all, "emea").precision();
        assertEquals(2, p.size(), p.toString());
        Overview.TriggerPrecisionRow billing = p.stream().filter(r -> r.trigger().equals("billing-dispute")).findFirst().orElseThrow();
        assertEquals(1, billing.fired());
        assertEquals(1, billing.flagged());
        assertEquals(1, billing.previousFired());
        assertEquals(0.0, billing.precision(), 1e-9);
    }

    @Test
    void allTeamsAddUpToWhatARollupWithoutTeamsCounts() {
        Summary teams = overview(all, null).current();
        Summary none = overview(plain, null).current();
        assertEquals(none, teams);
        assertEquals(5, teams.escalated());
        assertEquals(1, teams.abandoned());
        assertEquals(overview(plain, null).precision(), overview(all, null).precision());
        all.daily().forEach((k, v) -> {
            for (long c : v) {
                assertTrue(c >= 0, "no row is left negative by a move: " + k);
            }
        });
        assertEquals("", facts.get("t4").team);
        assertEquals("", facts.get("t6").team);
        assertEquals("emea", facts.get("t3").team);
    }
}
