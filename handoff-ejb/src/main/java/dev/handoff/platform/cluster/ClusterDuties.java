package dev.handoff.platform.cluster;

import dev.handoff.platform.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which server does the once-per-cluster work (ADR 0038). Several Handoff servers may share one
 * database; the SLA sweep, presence expiry, outbox delivery, integration upkeep, the abandoned-widget
 * sweep and the idempotency purge must run on one of them only. The server holding the
 * {@code duties} lease does them; it renews the lease every {@code handoff.cluster.renew-millis}
 * (1 s) for {@code handoff.cluster.lease-seconds} (8 s). When it stops renewing (shut down, killed,
 * cut off from the database) another server takes over once the lease has expired; a clean shut-down
 * hands it over at once. A single server always holds it. The {@code routing} lease is renewed on the
 * same timer and with the same mechanics: its holder's routing engine is the one that routes (ADR 0044).
 *
 * <p>This server believes it holds the lease only until the renewal it last sent plus the lease time,
 * less a safety margin: measured from before the database stamped the expiry, so it stops acting
 * before any other server may start.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterDuties {

    public static final String DUTIES = "duties";
    public static final String SEEDING = "seeding";
    /** The routing engine's lease: only its holder's engine routes (ADR 0044). */
    public static final String ROUTING = "routing";
    private static final Logger LOG = Logger.getLogger(ClusterDuties.class.getName());

    /** The leases' own pool: requests that take every connection of the main pool cannot stop a renewal. */
    @Resource(lookup = Database.LEASES_JNDI_NAME)
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "handoff.cluster.lease-seconds", defaultValue = "8")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "handoff.cluster.renew-millis", defaultValue = "1000")
    long renewMillis;

    @Inject
    @ConfigProperty(name = "handoff.cluster.node-name")
    Optional<String> nodeName;

    private LeaseTable leases;
    /** The leases renewed on the timer: the duties, and the routing engine's (ADR 0044). */
    private final Map<String, RenewedLease> renewed = new java.util.LinkedHashMap<>();
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    /** Set by the first renewal: whether another server held the duties then (null until known). */
    private volatile Boolean othersWereRunning;

    @PostConstruct
    void start() {
        leases = new LeaseTable(dataSource, node(nodeName));
        renewed.put(DUTIES, new RenewedLease(DUTIES));
        renewed.put(ROUTING, new RenewedLease(ROUTING));
        renew();
        long every = renewInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("handoff-cluster-lease", false));
    }

    /** The configured name, or host and process id with a random suffix: unique per start. */
    static String node(Optional<String> configured) {
        String base = configured.map(String::strip).filter(n -> !n.isEmpty())
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
        String name = base + "#" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 128 ? name : name.substring(name.length() - 128);
    }

    Duration leaseTime() {
        return Duration.ofSeconds(Math.max(3, leaseSeconds));
    }

    /** At most a third of the lease time, so two renewals may fail before the lease runs out. */
    Duration renewInterval() {
        return Duration.ofMillis(Math.max(200, Math.min(renewMillis, leaseTime().toMillis() / 3)));
    }

    /** On the timer, and at once when another server left the grid: one renewal at a time. */
    @Timeout
    synchronized void renew() {
        for (RenewedLease lease : renewed.values()) {
            renew(lease);
        }
    }

    private void renew(RenewedLease lease) {
        long sent = System.nanoTime();
        try {
            LeaseTable.Claim claim = leases.claim(lease.name(), leaseTime());
            if (othersWereRunning == null && DUTIES.equals(lease.name())) {
                othersWereRunning = !claim.held() && claim.holder() != null;
            }
            // Stop acting one renewal interval before the database would let another server in.
            switch (lease.renewed(claim, sent, leaseTime(), renewInterval())) {
                case GAINED -> LOG.info(() -> "This server (" + leases.node() + ") now holds the " + lease.name()
                        + " lease (token " + claim.token() + ")" + (DUTIES.equals(lease.name()) ? ": it does the cluster-wide duties" : ""));
                case LOST -> LOG.warning(() -> "The " + lease.name() + " lease moved to " + claim.holder() + "; this server stops acting on it");
                default -> { }
            }
        } catch (SQLException | RuntimeException e) {
            // Keep the deadline already earned: acting stops by itself when it passes.
            LOG.log(Level.WARNING, "Could not renew the " + lease.name() + " lease (" + e.getMessage() + "); retrying",
                    e instanceof SQLException ? null : e);
        }
    }

    /**
     * Another server left the data grid (killed, or stopped): its leases end now and this server
     * claims them at once, instead of after {@code handoff.cluster.lease-seconds} (ADR 0051). The
     * grid notices a killed server within about a second; without a grid, the lease's expiry is
     * still the only way.
     */
    public void serverLeft(String node) {
        if (node == null || leases == null || node.equals(leases.node())) {
            return;
        }
        try {
            int ended = leases.expireHeldBy(node);
            if (ended > 0) {
                LOG.info(() -> "Server " + node + " left the data grid holding " + ended + " lease(s): ended now, claimed at once");
                renew();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the leases of " + node + ", which left the data grid (" + e.getMessage()
                    + "); they expire by themselves", e instanceof SQLException ? null : e);
        }
    }

    /**
     * Whether another server was running (held the duties) when this one started: then portal
     * sessions and presence from before this start are still real. False when this server started
     * alone, and until its first renewal.
     */
    public boolean othersWereRunningAtStart() {
        return Boolean.TRUE.equals(othersWereRunning);
    }

    /** Whether this server does the cluster-wide duties right now. */
    public boolean held() {
        return held(DUTIES);
    }

    /** Whether this server holds the renewed lease {@code lease} ({@link #DUTIES} or {@link #ROUTING}) right now. */
    public boolean held(String lease) {
        RenewedLease l = renewed.get(lease);
        return l != null && l.held();
    }

    /**
     * Asked by each once-per-cluster timer before it works: true on the holder (the run is counted
     * under {@code duty}), false elsewhere.
     */
    public boolean mayRun(String duty) {
        if (!held()) {
            return false;
        }
        runs.computeIfAbsent(duty, d -> new AtomicLong()).incrementAndGet();
        return true;
    }

    /** Runs of each duty on this server since it started, for {@code /ops/metrics}. */
    public Map<String, Long> runs() {
        Map<String, Long> copy = new TreeMap<>();
        runs.forEach((duty, count) -> copy.put(duty, count.get()));
        return copy;
    }

    public String node() {
        return leases.node();
    }

    /** The duties lease's token while held: grows with every change of holder. */
    public long token() {
        return renewed.get(DUTIES).token();
    }

    /**
     * Runs {@code work} while holding the lease named {@code lease}, waiting up to {@code maxWait}
     * for another server that holds it (start-up seeding: two servers starting on an empty database
     * seed it once). The work runs in one transaction of its own, committed before the lease is
     * released, so the next server finds it done. The lease expires after {@code hold}: keep it above the longest set-up.
     */
    public void exclusively(String lease, Duration hold, Duration maxWait, Runnable work) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean announced = false;
        while (true) {
            LeaseTable.Claim claim;
            try {
                claim = leases.claim(lease, hold);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot take the " + lease + " lease: " + e.getMessage(), e);
            }
            if (claim.held()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Another server (" + claim.holder() + ") held the " + lease
                        + " lease for longer than " + maxWait.toSeconds() + " s");
            }
            if (!announced) {
                LOG.info(() -> "Waiting for " + claim.holder() + " to finish " + lease + " first");
                announced = true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the " + lease + " lease", e);
            }
        }
        try {
            inTransaction(work);
        } finally {
            try {
                leases.release(lease);
            } catch (SQLException e) {
                LOG.warning(() -> "Could not release the " + lease + " lease (" + e.getMessage() + "); it expires by itself");
            }
        }
    }

    /** In one transaction with the server's default time-out, as a start-up singleton's set-up ran before. */
    private void inTransaction(Runnable work) {
        try {
            transaction.setTransactionTimeout(0);
            transaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("Cannot begin a transaction: " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            try {
                if (done && transaction.getStatus() == Status.STATUS_ACTIVE) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
            } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
                if (done) {
                    throw new IllegalStateException("Could not commit: " + e.getMessage(), e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        for (RenewedLease lease : renewed.values()) {
            lease.drop();
            try {
                if (leases.release(lease.name())) {
                    LOG.info(() -> "Handed the " + lease.name() + " lease back on shut-down");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warning(() -> "Could not hand the " + lease.name() + " lease back (" + e.getMessage() + "); it expires by itself");
            }
        }
    }
}
