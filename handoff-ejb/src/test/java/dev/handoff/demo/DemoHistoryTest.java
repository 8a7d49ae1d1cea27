package dev.handoff.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Measures;
import dev.handoff.metrics.control.Overview;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's 90 days of history: the same every time, every day filled, and trends a dashboard can show. */
class DemoHistoryTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    Overview overview(DemoHistory.Result r, LocalDate from, LocalDate to) {
        return overview(r, new Filter(from, to, null, null, null));
    }

    Overview overview(DemoHistory.Result r, Filter filter) {
        List<Measures.Row> rows = new ArrayList<>();
        r.deltas().daily().forEach((k, v) -> rows.add(new Measures.Row(k, v)));
        List<Measures.TriggerRow> triggers = new ArrayList<>();
        r.deltas().triggers().forEach((k, v) -> triggers.add(new Measures.TriggerRow(k, v[0], v[1])));
        return new Measures(0.30).overview(filter, rows, triggers);
    }

    @Test
    void ninetyDaysWithTrends() {
        DemoHistory.Result r = new DemoHistory(15L, 120).generate(TODAY, 90, 40);
        assertEquals(r.conversations().size(), new DemoHistory(15L, 120).generate(TODAY, 90, 40).conversations().size(), "seeded");
        assertTrue(r.conversations().size() > 2500 && r.conversations().size() < 4500, "a modest volume: " + r.conversations().size());
        assertTrue(r.conversations().stream().allMatch(f -> f.day.isBefore(TODAY) && !f.day.isBefore(TODAY.minusDays(90))));

        Overview last30 = overview(r, TODAY.minusDays(30), TODAY.minusDays(1));
        assertTrue(last30.days().stream().allMatch(d -> d.summary().started() > 0), "every day has conversations");
        double now = last30.current().handoffRate();
        double before = last30.previous().handoffRate();
        assertTrue(now < before, "the handoff rate falls: " + before + " -> " + now);
        assertTrue(now > 0.12 && now < 0.30, "handoff rate " + now);
        assertEquals("billing-dispute", last30.topics().get(0).trigger());
        assertTrue(last30.topics().get(0).training(), "the biggest topic is over the 30 % threshold");
        assertTrue(last30.current().csatHuman() > 3.5 && last30.current().csatBot() > 3.0);
        assertTrue(last30.current().abandoned() > 0 && last30.current().notNeeded() > 0);
        assertTrue(last30.current().waitWithin50() > 0.4 && last30.current().waitWithin50() < 0.95, "" + last30.current().waitWithin50());
        assertTrue(last30.current().ttaMedian() > 15 && last30.current().ttaMedian() < 120, "" + last30.current().ttaMedian());
    }

    @Test
    void twoTeamsSplitTheEscalationsTheyAccepted() {
        DemoHistory.Result r = new DemoHistory(15L, 120).generate(TODAY, 90, 40);
        LocalDate from = TODAY.minusDays(30);
        LocalDate to = TODAY.minusDays(1);
        Overview all = overview(r, from, to);
        Overview emea = overview(r, new Filter(from, to, null, null, null, "emea"));
        Overview americas = overview(r, new Filter(from, to, null, null, null, "americas"));
        assertEquals(all.current().accepted(), emea.current().accepted() + americas.current().accepted(), "every acceptance is one team's");
        assertEquals(all.current().escalated() - all.current().abandoned(), emea.current().escalated() + americas.current().escalated());
        assertTrue(emea.current().escalated() > 50 && americas.current().escalated() > 50);
        assertTrue(emea.topics().stream().anyMatch(t -> t.trigger().equals("technical-dead-end")));
        assertTrue(americas.topics().stream().noneMatch(t -> t.trigger().equals("technical-dead-end")), "technical work is emea's (bob)");
        assertTrue(r.conversations().stream().filter(f -> f.acceptedAt != null).allMatch(f -> !f.team.isEmpty()));
    }

    @Test
    void firstResponseAndOccupancyForEveryAgent() {
        DemoHistory.Result r = new DemoHistory(15L, 120).generate(TODAY, 90, 40);
        LocalDate from = TODAY.minusDays(30);
        LocalDate to = TODAY.minusDays(1);
        Overview last30 = overview(r, from, to);
        assertEquals(last30.current().accepted(), last30.current().responded(), "every accepted demo chat got a first response, once");
        assertTrue(last30.current().firstResponseMedian() > last30.current().ttaMedian(), "a first response comes after the acceptance");
        assertTrue(last30.current().firstResponseP90() < 600, "" + last30.current().firstResponseP90());
        List<dev.handoff.metrics.control.Measures.AgentRow> agentRows = new ArrayList<>();
        r.deltas().agents().forEach((k, v) -> agentRows.add(new dev.handoff.metrics.control.Measures.AgentRow(k, v)));
        List<dev.handoff.metrics.control.Measures.OccupancyRow> time = new ArrayList<>();
        r.deltas().occupancy().forEach((k, v) -> time.add(new dev.handoff.metrics.control.Measures.OccupancyRow(k, v)));
        dev.handoff.metrics.control.AgentMeasures.Agents agents = dev.handoff.metrics.control.AgentMeasures.agents(from, to, agentRows, time);
        for (String name : List.of("alice", "bob", "carol", "dave")) {
            dev.handoff.metrics.control.AgentFigures f = agents.lines().stream().filter(l -> l.agent().equals(name)).findFirst().orElseThrow().current();
            assertTrue(f.onlineSeconds() > 20 * 5 * 3600L, name + " online " + f.onlineSeconds());
            assertTrue(f.occupancy() > 0 && f.occupancy() < 1, name + " occupancy " + f.occupancy());
            assertTrue(f.responded() > 0, name);
        }
        assertTrue(agents.days().stream().filter(d -> d.occupancy() != null).count() >= 28, "nearly every day has someone online");
    }
}
