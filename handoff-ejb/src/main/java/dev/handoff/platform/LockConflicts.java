package dev.handoff.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/**
 * Tells a lost lock (a row lock not granted in time, a deadlock victim, a stale version) from a
 * genuine database fault, so that only the first is reported to a user as "someone else was
 * quicker" and the second is logged and fails as an error.
 */
public final class LockConflicts {

    /** MySQL/MariaDB: lock wait timeout, deadlock. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DEADLOCK = 1213;
    /** H2: lock timeout, deadlock, concurrent update of a locked row. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private LockConflicts() {}

    /** Whether {@code thrown}, or anything in its cause chain, says a lock or version check was lost. */
    public static boolean isLockConflict(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OptimisticLockException || e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
                return true;
            }
            if (e instanceof SQLException sql && isLockConflict(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLockConflict(SQLException sql) {
        int code = sql.getErrorCode();
        return "40001".equals(sql.getSQLState())
                || code == MYSQL_LOCK_WAIT_TIMEOUT || code == MYSQL_DEADLOCK
                || code == H2_LOCK_TIMEOUT || code == H2_DEADLOCK || code == H2_CONCURRENT_UPDATE;
    }
}
