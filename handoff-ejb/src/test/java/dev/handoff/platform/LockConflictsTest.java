package dev.handoff.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class LockConflictsTest {

    @Test
    void lostLocksAndStaleVersionsAreConflicts() {
        assertTrue(LockConflicts.isLockConflict(new OptimisticLockException("stale")));
        assertTrue(LockConflicts.isLockConflict(new PersistenceException(new PessimisticLockException("held"))));
        assertTrue(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertTrue(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLException("Timeout trying to lock table", "HYT00", 50200))));
        assertTrue(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLException("Concurrent update", "90131", 90131))));
    }

    @Test
    void otherDatabaseFaultsAreNot() {
        assertFalse(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(LockConflicts.isLockConflict(new PersistenceException("wrapped",
                new SQLTransientConnectionException("Communications link failure", "08S01", 0))));
        assertFalse(LockConflicts.isLockConflict(new PersistenceException("no cause")));
        assertFalse(LockConflicts.isLockConflict(new IllegalStateException("a bug")));
    }
}
