package dev.handoff.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.Closed;
import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.Escalated;
import dev.handoff.platform.events.Resolved;
import dev.handoff.platform.events.Transferred;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * First response and occupancy against capacity (ADR 0034) from a fixed history with answers worked
 * out by hand: a first response counted once per handoff (a transfer before anyone wrote, a requeue
 * after the first message), chat-time per owner, and presence intervals, one of them without a sign-out
 * and one across midnight closed at a restart.
 */
class FirstResponseOccupancyTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration TTL = Duration.ofSeconds(120);

    final EventHistory history = new EventHistory(new Rollup(30, Map.of("alice", "emea", "bob", "emea")::get));
    final Deltas all = history.all;

    static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    void escalated(String id) {
        history.on(new ConversationStarted(id, "cus-" + id, "web", T));
        history.on(new Escalated(id, "billing", 1, List.of("billing-dispute"), 2, null, at(60)));
    }

    /** A person's message in the chat (what the recorder does on MessagePosted with author AGENT). */
    void wrote(String id, int seconds) {
        all.addAll(history.rollup.firstResponse(history.facts.get(id), at(seconds)));
    }

    void presence(String agent, String presence, Instant since, int capacity, Instant until, Instant lastSeen) {
        all.addAll(Occupancy.close(new Occupancy.Open(agent, presence, since, capacity), until, lastSeen, TTL));
    }

    @BeforeEach
    void history() {
        // f1: alice accepts after 20 s and writes 15 s later: first response 35 s; her second message counts nothing
        escalated("f1");
        history.on(new Accepted("f1", "alice", null, at(60), at(80)));
        wrote("f1", 95);
        wrote("f1", 200);
        history.on(new Resolved("f1", "alice", "done", at(60), at(380)));
        // f2: alice accepts and transfers to bob before writing; bob's first message at 250 s is the
        // handoff's first response (190 s), on alice's row as every figure of a chat she accepted first
        escalated("f2");
        history.on(new Accepted("f2", "alice", null, at(60), at(100)));
        history.on(new Transferred("f2", "alice", "bob", null, "alice", at(200)));
        history.on(new Accepted("f2", "bob", null, at(60), at(210)));
        wrote("f2", 250);
        wrote("f2", 300);
        history.on(new Resolved("f2", "bob", "done", at(60), at(1000)));
        // f3: bob writes 15 s after the escalation, then it goes back to the queue and alice takes it:
        // her message starts no second first response
        escalated("f3");
        history.on(new Accepted("f3", "bob", null, at(60), at(70)));
        wrote("f3", 75);
        history.on(new Transferred("f3", "bob", null, "billing", "bob", at(100)));
        history.on(new Accepted("f3", "alice", null, at(60), at(130)));
        wrote("f3", 140);
        history.on(new Resolved("f3", "alice", "done", at(60), at(400)));
        // f4: the customer left the queue; a bot-only chat: no first response, no chat-time
        escalated("f4");
        history.on(new Closed("f4", "QUEUED", null, at(90)));
        history.on(new ConversationStarted("b1", "cus-b1", "web", T));
        wrote("b1", 30);

        // alice: online 08:00-12:00 (capacity 3), away 12:00-12:30, online from 12:30 with heartbeats
        // until 16:00 and no sign-out: the presence timer notices at 16:05, the interval ends 16:02
        presence("alice", "online", Instant.parse("2026-03-02T08:00:00Z"), 3, Instant.parse("2026-03-02T12:00:00Z"), Instant.parse("2026-03-02T11:59:40Z"));
        presence("alice", "away", Instant.parse("2026-03-02T12:00:00Z"), 3, Instant.parse("2026-03-02T12:30:00Z"), Instant.parse("2026-03-02T12:29:50Z"));
        presence("alice", "online", Instant.parse("2026-03-02T12:30:00Z"), 3, Instant.parse("2026-03-02T16:05:00Z"), Instant.parse("2026-03-02T16:00:00Z"));
        // bob: online from 22:00 the day before (capacity 4); the server stopped after his 01:00
        // heartbeat and the timer wrote him offline at 09:00 after the restart: counted until 01:02,
        // split at midnight
        presence("bob", "online", Instant.parse("2026-03-01T22:00:00Z"), 4, Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T01:00:00Z"));
        // offline counts nothing
        presence("bob", "offline", Instant.parse("2026-03-02T09:00:00Z"), 4, Instant.parse("2026-03-02T10:00:00Z"), null);
    }

    List<Measures.Row> rows() {
        List<Measures.Row> rows = new ArrayList<>();
        all.daily().forEach((k, v) -> rows.add(new Measures.Row(k, v)));
        return rows;
    }

    List<Measures.AgentRow> agentRows() {
        List<Measures.AgentRow> rows = new ArrayList<>();
        all.agents().forEach((k, v) -> rows.add(new Measures.AgentRow(k, v)));
        return rows;
    }

    List<Measures.OccupancyRow> occupancyRows() {
        List<Measures.OccupancyRow> rows = new ArrayList<>();
        all.occupancy().forEach((k, v) -> rows.add(new Measures.OccupancyRow(k, v)));
        return rows;
    }

    @Test
    void firstResponseOncePerHandoffWithMeanMedianAndP90FromTheBuckets() {
        Summary s = new Measures(0.30).overview(new Filter(DAY, DAY, null, null, null), rows(), List.of()).current();
        assertEquals(3, s.responded(), "f1, f2 and f3 once each; not the abandoned one nor the bot's");
        assertEquals(80.0, s.firstResponseMean(), 1e-9, "(35 + 190 + 15) / 3");
        // buckets: 15 in (10, 20], 35 in (30, 45], 190 in (180, 300]; rank 1.5 in (30, 45]: 30 + 15 · 0.5
        assertEquals(37.5, s.firstResponseMedian(), 1e-9);
        // rank 2.7 in (180, 300]: 180 + 120 · 0.7
        assertEquals(264.0, s.firstResponseP90(), 1e-9);
        long[] totals = new long[Counter.SIZE];
        all.daily().values().forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                totals[i] += v[i];
            }
        });
        assertEquals(1, totals[Counter.FR_H1.ordinal()]);
        assertEquals(1, totals[Counter.FR_H3.ordinal()]);
        assertEquals(1, totals[Counter.FR_H8.ordinal()]);
        assertEquals(240, totals[Counter.FR_SUM.ordinal()]);
        assertEquals(35L, history.facts.get("f1").firstResponseSeconds);
        assertEquals(190L, history.facts.get("f2").firstResponseSeconds, "the transfer did not start a new one");
        assertEquals(15L, history.facts.get("f3").firstResponseSeconds, "the requeue did not start a new one");
        assertNull(history.facts.get("b1").firstResponseSeconds, "a chat never escalated has none");
    }

    @Test
    void firstResponseIsTheFirstAgentsAndTheTeams() {
        AgentMeasures.Dashboard alice = AgentMeasures.dashboard("alice", DAY, DAY, agentRows(), occupancyRows());
        assertEquals(2, alice.current().responded(), "f1 and f2 (bob answered it, but she accepted it first)");
        assertEquals(112.5, alice.current().firstResponseMean(), 1e-9, "(35 + 190) / 2");
        AgentMeasures.Dashboard bob = AgentMeasures.dashboard("bob", DAY, DAY, agentRows(), occupancyRows());
        assertEquals(1, bob.current().responded());
        assertEquals(15.0, bob.current().firstResponseMean(), 1e-9);
        // bucket (10, 20] holds the one value: rank 0.5 → 10 + 10 · 0.5
        assertEquals(15.0, bob.days().get(0).firstResponseMedian(), 1e-9);
        Summary emea = new Measures(0.30).overview(new Filter(DAY, DAY, null, null, null, "emea"), rows(), List.of()).current();
        assertEquals(3, emea.responded(), "every first response is in the team's row");
    }

    @Test
    void chatTimePerOwnerAndPresenceIntervalsCappedAtTheLastHeartbeat() {
        AgentMeasures.Dashboard alice = AgentMeasures.dashboard("alice", DAY, DAY, agentRows(), occupancyRows());
        // f1 80→380, f2 100→200 (then bob's), f3 130→400 (after bob's 70→100)
        assertEquals(300 + 100 + 270, alice.current().chatSeconds());
        // 08:00–12:00 and 12:30–16:02 (the last heartbeat 16:00 + 120 s), the away half hour apart
        assertEquals(4 * 3600 + 3 * 3600 + 1800 + 120, alice.current().onlineSeconds());
        assertEquals(1800, alice.current().awaySeconds());
        assertEquals(3L * (4 * 3600 + 3 * 3600 + 1800 + 120), alice.current().capacitySeconds());
        assertEquals(670.0 / (3.0 * 27120), alice.current().occupancy(), 1e-12);
        assertEquals(alice.current().occupancy(), alice.days().get(0).occupancy(), 1e-12);

        AgentMeasures.Dashboard bob = AgentMeasures.dashboard("bob", DAY, DAY, agentRows(), occupancyRows());
        // f2 200→1000 (the transfer to him, then his acceptance), f3 70→100
        assertEquals(800 + 30, bob.current().chatSeconds());
        assertEquals(3600 + 120, bob.current().onlineSeconds(), "00:00–01:02 on the day; 22:00–24:00 was the day before");
        assertEquals(830.0 / (4.0 * 3720), bob.current().occupancy(), 1e-12);
        AgentMeasures.Dashboard bobBefore = AgentMeasures.dashboard("bob", DAY.minusDays(1), DAY.minusDays(1), agentRows(), occupancyRows());
        assertEquals(7200, bobBefore.current().onlineSeconds());
        assertEquals(0, bobBefore.current().chatSeconds());
        assertEquals(0.0, bobBefore.current().occupancy(), 1e-12, "online without chats: 0 %, not '–'");

        AgentMeasures.Agents table = AgentMeasures.agents(DAY, DAY, agentRows(), occupancyRows());
        assertEquals(List.of("alice", "bob"), table.lines().stream().map(AgentMeasures.Line::agent).toList());
        assertEquals((670.0 + 830.0) / (3.0 * 27120 + 4.0 * 3720), table.all().occupancy(), 1e-12);
        assertEquals(7200 * 4L, table.allPrevious().capacitySeconds(), "the previous day: bob's two hours before midnight");
    }

    @Test
    void anOpenIntervalNeverCountsMoreThanADay() {
        Instant since = Instant.parse("2026-03-02T08:00:00Z");
        assertEquals(since.plus(Duration.ofHours(24)), Occupancy.end(since, since.plus(Duration.ofHours(40)), since.plus(Duration.ofHours(39)), TTL));
        assertEquals(since.plusSeconds(120), Occupancy.end(since, since.plus(Duration.ofHours(5)), null, TTL),
                "no heartbeat after the opening: the opening counts as one");
        assertEquals(since, Occupancy.end(since, since.minusSeconds(5), null, TTL), "a clock going back counts nothing");
        assertTrue(Occupancy.close(new Occupancy.Open("carol", "offline", since, 2), since.plusSeconds(600), since.plusSeconds(600), TTL).isEmpty());
        assertEquals(64, new Occupancy.Open("x".repeat(80), "online", since, 3).agent().length(), "cut to the column");
        assertEquals(Occupancy.MAX_CAPACITY, new Occupancy.Open("a", "online", since, 5000).capacity());
    }

    /** What the pages read: every agent's counters summed per period by the database (RollupStore.agentSums), keyed by the period's first day. */
    static <R> List<R> sums(java.util.Map<AgentKey, long[]> daily, LocalDate from, LocalDate to, java.util.function.BiFunction<AgentKey, long[], R> row) {
        java.util.Map<String, long[]> byAgent = new java.util.TreeMap<>();
        daily.forEach((k, v) -> {
            if (!k.day().isBefore(from) && !k.day().isAfter(to)) {
                long[] into = byAgent.computeIfAbsent(k.agent(), a -> new long[v.length]);
                for (int i = 0; i < v.length; i++) {
                    into[i] += v[i];
                }
            }
        });
        List<R> out = new ArrayList<>();
        byAgent.forEach((a, v) -> out.add(row.apply(new AgentKey(from, a), v)));
        return out;
    }

    @Test
    void perAgentSumsGiveTheSameFiguresAsTheDays() {
        LocalDate before = DAY.minusDays(1);
        List<Measures.AgentRow> everyone = new ArrayList<>(sums(all.agents(), DAY, DAY, Measures.AgentRow::new));
        everyone.addAll(sums(all.agents(), before, before, Measures.AgentRow::new));
        List<Measures.OccupancyRow> time = new ArrayList<>(sums(all.occupancy(), DAY, DAY, Measures.OccupancyRow::new));
        time.addAll(sums(all.occupancy(), before, before, Measures.OccupancyRow::new));
        AgentMeasures.Dashboard byDays = AgentMeasures.dashboard("bob", DAY, DAY, agentRows(), occupancyRows());
        AgentMeasures.Dashboard bySums = AgentMeasures.dashboard("bob", DAY, DAY, agentRows(), occupancyRows(), everyone, time);
        assertEquals(byDays, bySums);
        AgentMeasures.Agents table = AgentMeasures.agents(DAY, DAY, everyone, time, occupancyRows());
        assertEquals(AgentMeasures.agents(DAY, DAY, agentRows(), occupancyRows()), table);
        assertEquals(2, table.all().agents());
    }
}
