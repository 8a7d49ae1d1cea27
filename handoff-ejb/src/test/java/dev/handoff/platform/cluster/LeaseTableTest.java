package dev.handoff.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease table's SQL on the embedded database, from the shipped migration (ADR 0038). */
class LeaseTableTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void schema() throws Exception {
        dataSource = MigrationsOnH2.dataSource("lease", "", "V25__cluster_lease.sql");
    }

    @Test
    void oneHolderAtATimeUntilTheLeaseExpires() throws Exception {
        LeaseTable a = new LeaseTable(dataSource, "node-a");
        LeaseTable b = new LeaseTable(dataSource, "node-b");

        LeaseTable.Claim first = a.claim(ClusterDuties.DUTIES, Duration.ofMillis(1500));
        assertTrue(first.held());
        assertEquals(1, first.token());

        LeaseTable.Claim refused = b.claim(ClusterDuties.DUTIES, Duration.ofMillis(1500));
        assertFalse(refused.held(), "a live lease stays with its holder");
        assertEquals("node-a", refused.holder());

        LeaseTable.Claim renewed = a.claim(ClusterDuties.DUTIES, Duration.ofMillis(1500));
        assertTrue(renewed.held());
        assertEquals(1, renewed.token(), "renewing keeps the token");

        Thread.sleep(1700);
        LeaseTable.Claim takenOver = b.claim(ClusterDuties.DUTIES, Duration.ofSeconds(10));
        assertTrue(takenOver.held(), "an expired lease goes to whoever asks");
        assertEquals(2, takenOver.token(), "a new holder gets a new token");
        assertFalse(a.claim(ClusterDuties.DUTIES, Duration.ofSeconds(10)).held(), "the old holder does not get it back");
        assertEquals(Optional.of("node-b"), a.holder(ClusterDuties.DUTIES));
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() throws Exception {
        LeaseTable a = new LeaseTable(dataSource, "node-a");
        LeaseTable b = new LeaseTable(dataSource, "node-b");
        assertTrue(a.claim(ClusterDuties.SEEDING, Duration.ofMinutes(10)).held());
        assertFalse(b.release(ClusterDuties.SEEDING), "only the holder releases");
        assertFalse(b.claim(ClusterDuties.SEEDING, Duration.ofMinutes(10)).held());

        assertTrue(a.release(ClusterDuties.SEEDING));
        LeaseTable.Claim next = b.claim(ClusterDuties.SEEDING, Duration.ofMinutes(10));
        assertTrue(next.held());
        assertEquals(2, next.token());
        assertEquals(Optional.of("node-b"), b.holder(ClusterDuties.SEEDING));
    }

    @Test
    void theLeasesOfAServerThatLeftTheGridEndAtOnceAndGoToTheNextClaimant() throws Exception {
        LeaseTable a = new LeaseTable(dataSource, "node-a");
        LeaseTable b = new LeaseTable(dataSource, "node-b");
        LeaseTable c = new LeaseTable(dataSource, "node-c");
        assertTrue(a.claim(ClusterDuties.DUTIES, Duration.ofMinutes(10)).held());
        assertTrue(a.claim(ClusterDuties.SEEDING, Duration.ofMinutes(10)).held());
        assertFalse(b.claim(ClusterDuties.DUTIES, Duration.ofMinutes(10)).held(), "held for ten minutes");

        assertEquals(0, a.expireHeldBy("node-a"), "a server never ends its own leases this way");
        assertEquals(0, b.expireHeldBy("node-x"), "nothing held by an unknown server");
        assertEquals(2, b.expireHeldBy("node-a"), "both leases of node-a ended");
        assertEquals(0, c.expireHeldBy("node-a"), "ending them twice ends nothing more");
        assertEquals(Optional.of("node-a"), b.holder(ClusterDuties.DUTIES), "ended, not taken: the holder is unchanged");

        LeaseTable.Claim taken = b.claim(ClusterDuties.DUTIES, Duration.ofMinutes(10));
        assertTrue(taken.held(), "the next claimant gets it at once");
        assertFalse(c.claim(ClusterDuties.DUTIES, Duration.ofMinutes(10)).held(), "and only one");
        assertFalse(a.claim(ClusterDuties.DUTIES, Duration.ofMinutes(10)).held(), "node-a, alive after all, has lost it");
        assertTrue(a.claim(ClusterDuties.SEEDING, Duration.ofMinutes(10)).held(),
                "a lease nobody claimed meanwhile stays with node-a at its next renewal");
    }

    @Test
    void ofManyServersAskingAtOnceExactlyOneGetsIt() throws Exception {
        int servers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LeaseTable.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                LeaseTable table = new LeaseTable(dataSource, "node-" + i);
                claims.add(pool.submit(() -> {
                    go.await();
                    return table.claim(ClusterDuties.DUTIES, Duration.ofSeconds(10));
                }));
            }
            go.countDown();
            int held = 0;
            for (Future<LeaseTable.Claim> claim : claims) {
                held += claim.get().held() ? 1 : 0;
            }
            assertEquals(1, held);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingLeaseIsAnErrorAndNodeNamesAreBounded() {
        LeaseTable a = new LeaseTable(dataSource, "node-a");
        assertThrows(SQLException.class, () -> a.claim("no-such-lease", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LeaseTable(dataSource, " "));
        assertThrows(IllegalArgumentException.class, () -> new LeaseTable(dataSource, "x".repeat(129)));
        String generated = ClusterDuties.node(Optional.of("y".repeat(300)));
        assertEquals(128, generated.length());
        assertTrue(ClusterDuties.node(Optional.empty()).contains("#"));
    }
}
