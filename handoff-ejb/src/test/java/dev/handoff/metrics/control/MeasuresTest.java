package dev.handoff.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.events.Abandoned;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every measure of the dashboards computed from a fixed event history whose answers are worked out
 * by hand (docs/dashboards.md shows the same definitions). The history runs through the same
 * {@link Rollup} the recorder uses, into roll-up rows, then through {@link Measures}.
 */
class MeasuresTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-03-01T10:00:00Z");
    static final long TARGET = 30;

    final EventHistory history = new EventHistory(new Rollup(TARGET));
    final Rollup rollup = history.rollup;
    final Map<String, Facts> facts = history.facts;
    final Deltas all = history.all;

    void on(DomainEvent e) {
        history.on(e);
    }

    Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    /** Started, escalated at +60 s with these triggers, the wait predicted, accepted after {@code tta} seconds. */
    void handedOver(String id, String skill, long predicted, long tta, String... triggers) {
        on(new ConversationStarted(id, "cus-" + id, "web", T));
        on(new Escalated(id, skill, 1, List.of(triggers), 2, null, at(60)));
        facts.get(id).predictedWaitSeconds = predicted;
        on(new Accepted(id, "alice", null, at(60), at(60 + (int) tta)));
    }

    @BeforeEach
    void history() {
        handedOver("c1", "billing", 60, 5, "billing-dispute", "frustration");
        on(new Resolved("c1", "alice", "refunded", at(60), at(600)));
        on(new CsatReceived("c1", "alice", true, 5, null, at(700)));

        handedOver("c2", "billing", 20, 15, "billing-dispute");
        on(new Resolved("c2", "alice", "done", at(60), at(600)));
        on(new CsatReceived("c2", "alice", true, 3, null, at(700)));

        handedOver("c3", "technical", 50, 25, "technical-dead-end");
        on(new Transferred("c3", "alice", "bob", null, "alice", at(200)));
        on(new Resolved("c3", "bob", "fixed", at(60), at(900)));
        on(new Resolved("c3", "bob", "fixed again", at(60), at(901)));

        handedOver("c4", "billing", 20, 50, "billing-dispute");
        on(new EscalationFlagged("c4", "alice", List.of("billing-dispute"), at(300)));
        on(new EscalationFlagged("c4", "alice", List.of(), at(301)));

        handedOver("c5", "general", 100, 100, "human-request");
        all.addAll(rollup.breach(facts.get("c5"), "first-response"));
        all.addAll(rollup.breach(facts.get("c5"), "first-response"));
        // a requeue and a second acceptance do not count twice
        on(new Accepted("c5", "bob", "sam", at(60), at(900)));

        on(new ConversationStarted("c6", "cus-6", "web", T));
        on(new Escalated("c6", "billing", 1, List.of("billing-dispute"), 2, null, at(60)));
        on(new Closed("c6", "QUEUED", null, at(100)));
        on(new Abandoned("c6", "billing", 999, at(101)));

        on(new ConversationStarted("c7", "cus-7", null, T));
        on(new CsatReceived("c7", null, false, 5, null, at(50)));
        on(new Closed("c7", "BOT", null, at(60)));
        on(new ConversationStarted("c8", "cus-8", "web", T));
        on(new CsatReceived("c8", null, false, 2, null, at(50)));
        on(new CsatReceived("c8", null, false, 4, "changed my mind", at(55)));
        on(new ConversationStarted("c9", "cus-9", "app", T));
        on(new ConversationStarted("c10", "cus-10", " ", T));

        // the previous day: one technical escalation, answered in 200 s
        on(new ConversationStarted("p1", "cus-p1", "web", BEFORE));
        on(new Escalated("p1", "technical", 1, List.of("technical-dead-end"), 2, null, BEFORE.plusSeconds(10)));
        on(new Accepted("p1", "bob", null, BEFORE.plusSeconds(10), BEFORE.plusSeconds(210)));
        on(new ConversationStarted("p2", "cus-p2", "web", BEFORE));
    }

    Overview overview(String skill, String channel, String trigger) {
        List<Measures.Row> rows = new ArrayList<>();
        all.daily().forEach((k, v) -> rows.add(new Measures.Row(k, v)));
        List<Measures.TriggerRow> triggerRows = new ArrayList<>();
        all.triggers().forEach((k, v) -> triggerRows.add(new Measures.TriggerRow(k, v[0], v[1])));
        return new Measures(0.30).overview(new Filter(DAY, DAY, skill, channel, trigger), rows, triggerRows);
    }

    @Test
    void handoffRateAndTimeToAgent() {
        Summary s = overview(null, null, null).current();
        assertEquals(10, s.started());
        assertEquals(6, s.escalated());
        assertEquals(0.6, s.handoffRate(), 1e-9);
        assertEquals(5, s.accepted());
        // 5, 15, 25, 50, 100 seconds
        assertEquals(39.0, s.ttaMean(), 1e-9);
        // rank 2.5 falls in (20, 30] holding one value after two below: 20 + 10 * 0.5
        assertEquals(25.0, s.ttaMedian(), 1e-9);
        // rank 4.5 falls in (90, 120] after four below: 90 + 30 * 0.5
        assertEquals(105.0, s.ttaP90(), 1e-9);
        assertEquals(0.6, s.slaWithinTarget(), 1e-9, "5, 15 and 25 s are within the 30 s target");
        assertEquals(0.8, s.firstResponseCompliance(), 1e-9, "one breach (counted once) among five accepted");
        assertEquals(1.0, s.updateCompliance(), 1e-9);
        assertEquals(3, s.resolved());
        assertEquals(1, s.transfers());
    }

    @Test
    void abandonmentCsatAndPrecision() {
        Summary s = overview(null, null, null).current();
        assertEquals(1, s.abandoned(), "closed while queued; the later Abandoned event does not count again");
        assertEquals(1.0 / 6, s.abandonmentRate(), 1e-9);
        assertEquals(40.0, s.abandonedWaitMean(), 1e-9);
        assertEquals(4.0, s.csatHuman(), 1e-9);
        assertEquals(2, s.csatHumanCount());
        assertEquals(4.5, s.csatBot(), 1e-9, "c8's second rating replaces its first");
        assertEquals(2, s.csatBotCount());
        assertEquals(1, s.notNeeded());
        assertEquals(5.0 / 6, s.precision(), 1e-9);
    }

    @Test
    void waitEstimateAccuracy() {
        Summary s = overview(null, null, null).current();
        // ratios actual/predicted: 5/60, 15/20 = .75, 25/50 = .5, 50/20 = 2.5, 100/100 = 1
        assertEquals(5, s.waitPredicted());
        assertEquals(0.6, s.waitWithin50(), 1e-9, ".75, .5 and 1 are within ±50 %");
        // rank 2.5 falls in (0.5, 0.75] after two below: 0.5 + 0.25 * 0.5
        assertEquals(0.625, s.waitMedianRatio(), 1e-9);
    }

    @Test
    void topicsRankedWithShareTrendAndTrainingFlag() {
        Overview o = overview(null, null, null);
        List<Overview.Topic> topics = o.topics();
        assertEquals(List.of("billing-dispute", "human-request", "technical-dead-end"),
                topics.stream().map(Overview.Topic::trigger).toList());
        Overview.Topic billing = topics.get(0);
        assertEquals(4, billing.escalations());
        assertEquals(4.0 / 6, billing.share(), 1e-9);
        assertTrue(billing.training(), "above the 30 % threshold");
        assertEquals(0.0, billing.previousShare(), 1e-9);
        Overview.Topic technical = topics.get(2);
        assertFalse(technical.training());
        assertEquals(1.0, technical.previousShare(), 1e-9);
        assertEquals(1.0 / 6 - 1.0, technical.trend(), 1e-9);
    }

    @Test
    void triggerPrecisionFromNotNeededFlags() {
        List<Overview.TriggerPrecisionRow> rows = overview(null, null, null).precision();
        Overview.TriggerPrecisionRow billing = rows.get(0);
        assertEquals("billing-dispute", billing.trigger());
        assertEquals(4, billing.fired());
        assertEquals(1, billing.flagged());
        assertEquals(0.75, billing.precision(), 1e-9);
        Overview.TriggerPrecisionRow frustration = rows.stream().filter(r -> r.trigger().equals("frustration")).findFirst().orElseThrow();
        assertEquals(1, frustration.fired(), "every trigger that fired counts, not only the first");
        assertEquals(1.0, frustration.precision(), 1e-9);
        Overview.TriggerPrecisionRow technical = rows.stream().filter(r -> r.trigger().equals("technical-dead-end")).findFirst().orElseThrow();
        assertEquals(1, technical.previousFired());
    }

    @Test
    void previousPeriodOfTheSameLength() {
        Overview o = overview(null, null, null);
        Summary p = o.previous();
        assertEquals(2, p.started());
        assertEquals(1, p.escalated());
        assertEquals(0.5, p.handoffRate(), 1e-9);
        assertEquals(200.0, p.ttaMean(), 1e-9);
        // one value in (180, 300]: rank 0.5 → 180 + 120 * 0.5
        assertEquals(240.0, p.ttaMedian(), 1e-9);
        assertEquals(0.0, p.slaWithinTarget(), 1e-9);
        assertNull(p.csatBot());
        assertEquals(1, o.days().size());
        assertEquals(6, o.days().get(0).summary().escalated());
    }

    @Test
    void filtersBySkillChannelAndTrigger() {
        Summary billing = overview("billing", null, null).current();
        assertEquals(10, billing.started(), "the handoff rate's denominator is every conversation started");
        assertEquals(4, billing.escalated());
        assertEquals(0.4, billing.handoffRate(), 1e-9);
        assertEquals(1, billing.abandoned());

        Summary app = overview(null, "app", null).current();
        assertEquals(1, app.started());
        assertEquals(0, app.escalated());
        assertEquals(0.0, app.handoffRate(), 1e-9);
        assertNull(app.ttaMean());

        Summary web = overview(null, "web", null).current();
        assertEquals(9, web.started(), "a blank channel counts as web");

        Summary human = overview(null, null, "human-request").current();
        assertEquals(1, human.escalated());
        assertEquals(100.0, human.ttaMean(), 1e-9);
    }

    @Test
    void bucketsIncludeTheirUpperBound() {
        assertEquals(Counter.TTA_H0, Counter.ttaBucket(10));
        assertEquals(Counter.TTA_H1, Counter.ttaBucket(11));
        assertEquals(Counter.TTA_H13, Counter.ttaBucket(3601));
        assertEquals(Counter.WR_H1, Counter.ratioBucket(0.5));
        assertEquals(Counter.WR_H10, Counter.ratioBucket(9));
        assertEquals(3600.0, Histogram.percentile(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4}, Histogram.ttaBounds(), 0.5),
                "the open bucket reads as its lower bound");
    }
}
