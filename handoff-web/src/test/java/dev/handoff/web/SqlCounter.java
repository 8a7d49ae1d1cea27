package dev.handoff.web;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.Callable;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends to the database while a piece of work runs on the
 * calling thread (issue 10's query-count tests). A session listener on the persistence unit's server
 * session, which every later transaction's session copies, counts each executed call for the thread
 * that asked; other threads (the routing clock, the outbox) are not counted. Deployed with the
 * in-container tests only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SqlCounter {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();
    private static volatile boolean installed;

    @PersistenceUnit(unitName = "handoff")
    EntityManagerFactory emf;

    /** Adds the listener once; call before counting. */
    public void install() {
        if (installed) {
            return;
        }
        synchronized (SqlCounter.class) {
            if (!installed) {
                // the container hands out a wrapper; unwrap reaches EclipseLink's factory behind it
                emf.unwrap(JpaEntityManagerFactory.class).getDatabaseSession().getEventManager().addListener(new SessionEventAdapter() {
                    @Override
                    public void postExecuteCall(SessionEvent event) {
                        int[] count = COUNT.get();
                        if (count != null) {
                            count[0]++;
                        }
                    }
                });
                installed = true;
            }
        }
    }

    /** How many SQL statements the work sent, on this thread. */
    static int count(Callable<?> work) throws Exception {
        COUNT.set(new int[1]);
        try {
            work.call();
            return COUNT.get()[0];
        } finally {
            COUNT.remove();
        }
    }
}
