package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The supervisor's snapshot reads the head of each skill's line and counts the rest (ADR 0069). */
class RoutingEngineSnapshotTest {

    @Test
    void headsOfEachLineTheirLengthsAndTheOldestWait() {
        RoutingWorld w = new RoutingWorld();
        w.agent(1, "sales:5");
        w.enqueue("t1", "tech");
        w.at(1);
        w.enqueue("b1", "billing");
        w.at(2);
        w.enqueue("t2", "tech");
        w.at(3);
        w.enqueue("b2", "billing");
        w.at(4);
        w.enqueue("t3", "tech");

        QueueSnapshot snapshot = w.engine.snapshot(w.now(), 2);

        assertEquals(List.of("tech", "billing"), List.copyOf(snapshot.heads().keySet()), "lines in the order their first chat stands");
        assertEquals(List.of("t1", "t2"), snapshot.heads().get("tech").stream().map(QueueSnapshot.Entry::handoffId).toList());
        assertEquals(List.of(1, 2), snapshot.heads().get("tech").stream().map(QueueSnapshot.Entry::skillPosition).toList());
        assertEquals(List.of("b1", "b2"), snapshot.heads().get("billing").stream().map(QueueSnapshot.Entry::handoffId).toList());
        assertEquals(Map.of("tech", 3, "billing", 2), snapshot.totals());
        assertEquals(RoutingWorld.T0, snapshot.oldest());
        assertEquals(1, snapshot.agents().size());
    }

    @Test
    void anEmptyQueue() {
        RoutingWorld w = new RoutingWorld();
        QueueSnapshot snapshot = w.engine.snapshot(w.now(), 20);
        assertTrue(snapshot.heads().isEmpty());
        assertTrue(snapshot.totals().isEmpty());
        assertNull(snapshot.oldest());
    }
}
