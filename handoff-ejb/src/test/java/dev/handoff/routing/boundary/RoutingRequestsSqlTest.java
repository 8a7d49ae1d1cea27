package dev.handoff.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handoff.platform.cluster.MigrationsOnH2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL of {@link RoutingRequests} against the shipped migration V26 on the embedded database: a
 * request is visible to the engine's server only once the writing transaction commits, requests come
 * back in the order written, and deleting the applied ones by id never deletes one still being written
 * (ADR 0044).
 */
class RoutingRequestsSqlTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void schema() throws Exception {
        dataSource = MigrationsOnH2.dataSource("routing-request", ";LOCK_TIMEOUT=200", "V25__cluster_lease.sql", "V26__routing_request.sql");
    }

    /** The JPA native query's numbered parameters as JDBC's. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    private static void insert(Connection c, String kind, String handoff, Long agent) throws Exception {
        try (PreparedStatement s = c.prepareStatement(jdbc(RoutingRequests.INSERT))) {
            s.setString(1, kind);
            s.setString(2, handoff);
            s.setObject(3, agent);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private List<String> next(Connection c) throws Exception {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(RoutingRequests.NEXT)) {
            while (r.next()) {
                found.add(r.getLong(1) + ":" + r.getString(2) + ":" + r.getString(3) + ":" + r.getObject(4));
            }
        }
        return found;
    }

    private long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(RoutingRequests.COUNT)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void requestsAreSeenAfterCommitInOrderAndDeletedByIdOnly() throws Exception {
        String handoff = UUID.randomUUID().toString();
        try (Connection other = dataSource.getConnection(); Connection engine = dataSource.getConnection()) {
            other.setAutoCommit(false);
            insert(other, "ROUTE", handoff, null);
            insert(other, "DECLINED", handoff, 7L);
            assertEquals(0, count(engine), "not before the other server's transaction commits");
            other.commit();

            List<String> batch = next(engine);
            assertEquals(List.of("1:ROUTE:" + handoff + ":null", "2:DECLINED:" + handoff + ":7"), batch);

            // A third request is being written while the engine's server drains the first two.
            insert(other, "AGENT", null, 9L);
            engine.setAutoCommit(false);
            for (long id : new long[] {1, 2}) {
                try (PreparedStatement d = engine.prepareStatement(jdbc(RoutingRequests.DELETE))) {
                    d.setLong(1, id);
                    assertEquals(1, d.executeUpdate());
                }
            }
            engine.commit();
            other.commit();
            assertEquals(List.of("3:AGENT:null:9"), next(engine), "the request written meanwhile waits for the next drain");
        }
    }

    @Test
    void theRoutingLeaseIsSeeded() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT holder, token FROM cluster_lease WHERE name = 'routing'")) {
            r.next();
            assertEquals(null, r.getString(1));
            assertEquals(0, r.getLong(2));
        }
    }
}
