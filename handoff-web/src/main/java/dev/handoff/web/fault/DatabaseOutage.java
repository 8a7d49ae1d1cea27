package dev.handoff.web.fault;

import dev.handoff.web.rest.Problem;
import jakarta.persistence.QueryTimeoutException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Tells a database outage (no connection, a stalled or vanished server, a timed-out query) from a
 * bug, and answers it with 503 and {@code Retry-After}: the client may retry, while 500 stays
 * "something is wrong in Handoff".
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before retrying a call refused during an outage. */
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {}

    /** Whether this exception, or anything it wraps, says the database could not be reached in time. */
    public static boolean isOutage(Throwable thrown) {
        return outageCause(thrown) != null;
    }

    /** The 503 problem for an outage; the log gets one line with the cause, never the client. */
    public static Response response(Throwable thrown) {
        Throwable cause = outageCause(thrown);
        LOG.warning(() -> "Database unavailable, answering 503: " + (cause == null ? thrown : cause.getClass().getName() + ": " + cause.getMessage()));
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                        "Service unavailable",
                        "Handoff cannot reach its database right now. The request may not have been applied: retry it after "
                                + RETRY_AFTER_SECONDS + " seconds."))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    static Throwable outageCause(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return find(thrown, seen, 0);
    }

    private static Throwable find(Throwable e, Set<Throwable> seen, int depth) {
        if (e == null || depth > MAX_DEPTH || !seen.add(e)) {
            return null;
        }
        if (isOutageItself(e)) {
            return e;
        }
        if (e instanceof SQLException sql) {
            Throwable next = find(sql.getNextException(), seen, depth + 1);
            if (next != null) {
                return next;
            }
        }
        return find(e.getCause(), seen, depth + 1);
    }

    private static boolean isOutageItself(Throwable e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTimeoutException || e instanceof SQLRecoverableException
                || e instanceof QueryTimeoutException || e instanceof SocketTimeoutException || e instanceof ConnectException
                // The transaction manager could not complete a commit: the database (Handoff's only
                // transactional resource) went away during it. Whether it was applied is unknown.
                || e instanceof SystemException) {
            return true;
        }
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08xxx: connection exception; HYT00/HYT01: timeout; 70100: MySQL "query execution was interrupted".
            if (state.startsWith("08") || state.startsWith("HYT") || state.equals("70100")) {
                return true;
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ((e instanceof SQLException || e instanceof ResourceException) && message.contains("Error in allocating a connection")) {
            return true;
        }
        // Connector/J's own runtime exceptions (CJCommunicationsException, CJTimeoutException, ...) are not SQLExceptions.
        String name = e.getClass().getName();
        return name.startsWith("com.mysql.cj.") && (name.endsWith("CommunicationsException") || name.endsWith("TimeoutException"));
    }
}
