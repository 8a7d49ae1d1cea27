package dev.handoff.web.fault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseOutageTest {

    static Stream<Throwable> outages() {
        return Stream.of(
                new SQLRecoverableException("Communications link failure"),
                new SQLNonTransientConnectionException("Connection refused"),
                new SQLTimeoutException("Statement cancelled due to timeout"),
                new SQLException("Query execution was interrupted", "70100", 1317),
                new SQLException("Could not create connection", "08001"),
                new SQLException("Timeout trying to lock table", "HYT00"),
                new SQLException("Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired max-wait-time."),
                new QueryTimeoutException("timed out"),
                new EJBException(new jakarta.transaction.SystemException()), // a commit cut off when the database was killed
                // how they arrive: EJB and JPA wrappers around EclipseLink around the driver
                new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                        new RuntimeException("internal", new SQLRecoverableException("Communications link failure",
                                new SocketTimeoutException("Read timed out"))))),
                chained(new SQLException("batch failed"), new SQLNonTransientConnectionException("gone")));
    }

    static Stream<Throwable> bugs() {
        return Stream.of(
                new NullPointerException(),
                new IllegalStateException("not queued"),
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"),
                new SQLException("Data too long for column 'author_name'", "22001"),
                new EJBException(new PersistenceException(new SQLException("Unknown column", "42S22"))),
                new OptimisticLockException("stale"),
                loop());
    }

    @ParameterizedTest
    @MethodSource("outages")
    void connectionFailuresAndTimeoutsAreOutages(Throwable thrown) {
        assertTrue(DatabaseOutage.isOutage(thrown), thrown.toString());
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void everythingElseStaysABug(Throwable thrown) {
        assertFalse(DatabaseOutage.isOutage(thrown), thrown.toString());
    }

    private static SQLException chained(SQLException first, SQLException next) {
        first.setNextException(next);
        return first;
    }

    /** A cause chain that loops must not hang the mapper. */
    private static Throwable loop() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        return a;
    }
}
