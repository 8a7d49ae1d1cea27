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
        List<Measures.Row> rows = new ArrayList<>();
        r.deltas().daily().forEach((k, v) -> rows.add(new Measures.Row(k, v)));
        List<Measures.TriggerRow> triggers = new ArrayList<>();
        r.deltas().triggers().forEach((k, v) -> triggers.add(new Measures.TriggerRow(k, v[0], v[1])));
        return new Measures(0.30).overview(new Filter(from, to, null, null, null), rows, triggers);
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
}
