package dev.handoff.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.routing.control.EngineTenure;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing lease's hand-over (ADR 0044) on the embedded database, from the shipped migrations: one
 * engine acts at a time, the engine of a server that gains the lease starts over exactly once before
 * it acts, and a server that stops renewing stops acting by its own clock before the other may start.
 */
class RoutingLeaseHandOverTest {

    private static final Duration LEASE = Duration.ofMillis(1200);
    private static final Duration RENEW = Duration.ofMillis(400);

    private JdbcDataSource dataSource;

    @BeforeEach
    void schema() throws Exception {
        dataSource = MigrationsOnH2.dataSource("routing-lease", "", "V25__cluster_lease.sql", "V26__routing_request.sql");
    }

    /** One server as far as the lease is concerned: its table, its view of the lease, its engine's tenure. */
    private final class Server {
        final LeaseTable table;
        final RenewedLease lease = new RenewedLease(ClusterDuties.ROUTING);
        final AtomicInteger startOvers = new AtomicInteger();
        final EngineTenure tenure = new EngineTenure(lease::held, startOvers::incrementAndGet);

        Server(String node) {
            table = new LeaseTable(dataSource, node);
        }

        RenewedLease.Change renew() throws Exception {
            long sent = System.nanoTime();
            return lease.renewed(table.claim(ClusterDuties.ROUTING, LEASE), sent, LEASE, RENEW);
        }
    }

    @Test
    void theRoutingLeaseIsApartFromTheDutiesAndHasOneHolder() throws Exception {
        Server a = new Server("node-a");
        Server b = new Server("node-b");
        assertEquals(RenewedLease.Change.GAINED, a.renew());
        assertEquals(RenewedLease.Change.NOT_HELD, b.renew());
        assertTrue(b.table.claim(ClusterDuties.DUTIES, Duration.ofSeconds(10)).held(), "the duties may sit on the other server");
        assertEquals(RenewedLease.Change.KEPT, a.renew());
        assertTrue(a.tenure.acting());
        assertFalse(b.tenure.acting(), "the server without the lease never routes");
        assertEquals(1, a.startOvers.get(), "the engine started over once, when the lease was gained");
        assertTrue(a.tenure.acting());
        assertEquals(1, a.startOvers.get(), "and not again while the lease is kept");
        assertEquals(0, b.startOvers.get());
    }

    @Test
    void aSilentHolderStopsActingBeforeTheOtherServerTakesOverAndStartsOver() throws Exception {
        Server a = new Server("node-a");
        Server b = new Server("node-b");
        a.renew();
        assertTrue(a.tenure.acting());
        long token = a.lease.token();

        // a stops renewing (killed, cut off); by its own clock it stops acting one renewal interval early
        long lastSent = System.nanoTime();
        assertTrue(a.lease.held(lastSent));
        assertFalse(a.lease.held(lastSent + LEASE.minus(RENEW).toNanos() + 1_000_000), "a stops before the lease expires");
        assertEquals(RenewedLease.Change.NOT_HELD, b.renew(), "the lease has not expired yet");

        Thread.sleep(LEASE.toMillis() + 200);
        assertFalse(a.tenure.acting(), "a no longer acts");
        assertEquals(RenewedLease.Change.GAINED, b.renew());
        assertEquals(token + 1, b.lease.token(), "a new holder, a new token");
        assertTrue(b.tenure.acting());
        assertEquals(1, b.startOvers.get(), "the new holder's engine starts over (loads the database, takes offers over)");

        assertEquals(RenewedLease.Change.LOST, a.renew(), "a comes back and finds b holding");
        assertFalse(a.tenure.acting());
    }

    @Test
    void aLapseOfTheOwnLeaseStartsTheEngineOverWhenItIsRenewedAgain() throws Exception {
        Server a = new Server("node-a");
        a.renew();
        assertTrue(a.tenure.acting());
        Thread.sleep(LEASE.toMillis()); // renewals failed meanwhile (the database stalled)
        assertFalse(a.tenure.acting(), "requests written meanwhile went to routing_request");
        assertEquals(RenewedLease.Change.KEPT, a.renew(), "nobody took it: the same holder renews");
        assertTrue(a.tenure.acting());
        assertEquals(2, a.startOvers.get(), "the engine starts over after the lapse, as after any gain");
    }

    @Test
    void aCleanShutDownHandsRoutingOverAtOnce() throws Exception {
        Server a = new Server("node-a");
        Server b = new Server("node-b");
        a.renew();
        a.lease.drop();
        assertTrue(a.table.release(ClusterDuties.ROUTING));
        assertFalse(a.tenure.acting());
        assertEquals(RenewedLease.Change.GAINED, b.renew());
        assertTrue(b.tenure.acting());
    }
}
