package dev.handoff.routing.boundary;

import dev.handoff.routing.control.Absences;
import dev.handoff.routing.control.AgentProfile;
import dev.handoff.routing.control.HandoffState;
import dev.handoff.routing.control.PresenceTtl;
import dev.handoff.routing.control.RoutingEngine;
import dev.handoff.routing.control.RoutingPolicy;
import dev.handoff.routing.control.RoutingPolicyJson;
import dev.handoff.routing.control.WaitEstimator;
import dev.handoff.routing.entity.RoutingPolicyVersion;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the one {@link RoutingEngine} of this JVM (it routes only on the server holding the cluster's
 * {@code routing} lease, see {@link #acting()}; ADR 0044),
 * the {@link WaitEstimator}, and what {@link RoutingService} needs to keep the engine in step with
 * the database: which handoffs were touched when (a reconcile leaves those alone for a moment, their
 * transaction may still be open) and which were touched by a transaction that rolled back (the next
 * tick reconciles them). See ADR 0012.
 *
 * <p>Created after the schema migration with the live policy; the routing timer's first tick (or its
 * drain) loads agents, queued and assigned chats from the database, never a request (ADR 0061).
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingDesk {

    /** A dirty mark meaning "reconcile everything" (agents, policy, all open handoffs). */
    static final String EVERYTHING = "*";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @jakarta.ejb.EJB
    dev.handoff.platform.cluster.ClusterDuties duties;

    @Inject
    @ConfigProperty(name = "handoff.routing.offer-timeout-seconds", defaultValue = "45")
    int offerTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "handoff.routing.prior-handle-seconds", defaultValue = "600")
    long priorHandleSeconds;

    @Inject
    @ConfigProperty(name = "handoff.routing.default-wait-seconds", defaultValue = "60")
    long priorAcceptSeconds;

    @Inject
    @ConfigProperty(name = "handoff.presence.ttl-seconds", defaultValue = "120")
    long presenceTtlSeconds;

    private volatile PresenceTtl presenceTtl;

    private volatile RoutingEngine engine;
    private volatile int policyVersion;
    private WaitEstimator estimator;
    private final Absences absences = new Absences();
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private final Map<Long, AgentProfile> profiles = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean loaded = new AtomicBoolean();
    /** The first load has finished: until then routing work is handed to the drain (ADR 0061). */
    private volatile boolean ready;
    private volatile Instant lastFullSync = Instant.EPOCH;
    private final java.util.concurrent.atomic.AtomicLong turnedAway = new java.util.concurrent.atomic.AtomicLong();
    private volatile Instant lastQueueFullWarning;
    private volatile dev.handoff.routing.control.EngineTenure tenure;
    private final java.util.concurrent.atomic.AtomicLong requestsRecorded = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong requestsDrained = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
    private volatile Instant lastPassiveSync = Instant.EPOCH;
    private volatile Duration lastPassiveSyncTook = Duration.ZERO;
    private final ThreadLocal<Boolean> readCopy = new ThreadLocal<>();
    private final Map<String, Instant> activityReported = new ConcurrentHashMap<>();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void start() {
        presenceTtl = new PresenceTtl(Duration.ofSeconds(Math.max(1, presenceTtlSeconds)), clock.instant());
        RoutingPolicy policy = builtInPolicy();
        policyVersion = 0;
        List<RoutingPolicyVersion> live = em.createNamedQuery(RoutingPolicyVersion.FIND_LIVE, RoutingPolicyVersion.class)
                .setMaxResults(1).getResultList();
        if (!live.isEmpty()) {
            policy = RoutingPolicyJson.read(live.get(0).getDocument());
            policyVersion = live.get(0).getVersionNo();
        }
        engine = new RoutingEngine(policy);
        estimator = new WaitEstimator(0.05, Duration.ofSeconds(priorHandleSeconds), Duration.ofSeconds(priorAcceptSeconds));
        tenure = new dev.handoff.routing.control.EngineTenure(() -> duties.held(dev.handoff.platform.cluster.ClusterDuties.ROUTING),
                this::startOver);
    }

    /**
     * Whether this server's engine routes: only on the server holding the cluster's {@code routing}
     * lease (a single server holds it from its start). Elsewhere the engine is a read copy that never
     * acts, and routing changes are handed to the holder as {@code routing_request} rows (ADR 0044).
     * The first call after this server gained the lease starts the engine over.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean acting() {
        return tenure.acting();
    }

    /** How often this server took routing over since it started. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long takeOvers() {
        return tenure.takeOvers();
    }

    /** Counts routing requests this server wrote for the holder. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requestsRecorded(int n) {
        requestsRecorded.addAndGet(n);
    }

    /** Counts routing requests this server's engine applied. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requestsDrained(int n) {
        requestsDrained.addAndGet(n);
    }

    /** True when no activity of this chat was reported to the engine's server within {@code every} (then it counts as reported now). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean firstActivityReport(String handoffId, Instant now, Duration every) {
        if (activityReported.size() > 10_000) {
            activityReported.values().removeIf(at -> at.plus(every).isBefore(now));
        }
        Instant last = activityReported.get(handoffId);
        if (last != null && last.plus(every).isAfter(now)) {
            return false;
        }
        activityReported.put(handoffId, now);
        return true;
    }

    /** Counts a routing tick this server's engine ran (the engine's server only). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ticked() {
        ticks.incrementAndGet();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long ticks() {
        return ticks.get();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long requestsRecorded() {
        return requestsRecorded.get();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long requestsDrained() {
        return requestsDrained.get();
    }

    /** One drain at a time on this server: true for the caller who may drain now; {@link #drained()} when its transaction ended. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean claimDrain() {
        return draining.compareAndSet(false, true);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void drained() {
        draining.set(false);
    }

    /**
     * Runs {@code sync} on the read copy: nothing the engine decides meanwhile is written (no offer row
     * made or closed, no chat put back), because this server does not route (ADR 0044).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void asReadCopy(Runnable sync) {
        readCopy.set(Boolean.TRUE);
        try {
            sync.run();
        } finally {
            readCopy.remove();
        }
    }

    /** Whether this thread is refreshing the read copy ({@link #asReadCopy}): then the engine's decisions are not written. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean readCopy() {
        return readCopy.get() != null;
    }

    /**
     * Whether this server now holds the routing lease: a read copy's sync in progress stops at once,
     * so that the take-over does not wait for it (at 330,000 handoffs a sync takes tens of seconds).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean routingLeaseHeld() {
        return duties.held(dev.handoff.platform.cluster.ClusterDuties.ROUTING);
    }

    /** Whether the read copy of a server not routing is due to be compared with the database again. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean passiveSyncDue(Instant now, Duration every) {
        Duration pause = every.compareTo(lastPassiveSyncTook) >= 0 ? every : lastPassiveSyncTook;
        if (lastPassiveSync.plus(pause).isAfter(now)) {
            return false;
        }
        lastPassiveSync = now;
        return true;
    }

    /**
     * How long the read copy's last sync took: the next one waits at least as long after it ended,
     * so that on a very large desk (a sync of 330,000 handoffs takes tens of seconds) the read copy
     * never takes more than half of one core.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void passiveSyncDone(Instant started, Instant ended) {
        lastPassiveSyncTook = Duration.between(started, ended);
        lastPassiveSync = ended;
    }

    /** The shipped defaults, with the configured offer timeout: the policy until an admin publishes one. */
    public RoutingPolicy builtInPolicy() {
        return RoutingPolicy.defaults().withOfferTimeoutSeconds(Math.max(1, offerTimeoutSeconds));
    }

    /** The oldest heartbeat that keeps an agent's presence now ({@code handoff.presence.ttl-seconds}, and not before this start). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant presenceSeenSince(Instant now) {
        return presenceTtl.seenSince(now, duties.othersWereRunningAtStart());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RoutingEngine engine() {
        return engine;
    }

    /** Since when each agent has been offline or away (owners gone too long lose their chats). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Absences absences() {
        return absences;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public WaitEstimator estimator() {
        return estimator;
    }

    /** The live policy's version number; 0 for the built-in defaults. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int policyVersion() {
        return policyVersion;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void policyApplied(int version) {
        policyVersion = version;
    }

    /** The set that rolled-back transactions add their handoff ids to; a plain object, safe after completion. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> dirty() {
        return dirty;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void touch(Collection<String> handoffIds, Instant at) {
        handoffIds.forEach(id -> touched.put(id, at));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AgentProfile knownProfile(long agentId) {
        return profiles.get(agentId);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void rememberProfile(AgentProfile profile) {
        profiles.put(profile.id(), profile);
    }

    /** Whether a transaction may still be working on this handoff (touched within {@code grace}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean busy(String handoffId, Instant now, Duration grace) {
        Instant at = touched.get(handoffId);
        return at != null && at.plus(grace).isAfter(now);
    }

    /** The handoffs touched within {@code grace} of {@code now}, all at once (a full sync asks about every handoff). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Set<String> busy(Instant now, Duration grace) {
        Instant since = now.minus(grace);
        java.util.Set<String> busy = new java.util.HashSet<>();
        touched.forEach((id, at) -> {
            if (at.isAfter(since)) {
                busy.add(id);
            }
        });
        return busy;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void forget(Instant before) {
        touched.values().removeIf(at -> at.isBefore(before));
    }

    /**
     * Forgets everything the engine holds and loads it again from the database at the next routing
     * call or tick, as a server does when it starts or takes routing over from another (issue 16):
     * offers the database still holds open are taken over with their agent, not expired (ADR 0042).
     * The policy stays; calls already running finish on the engine they started with.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void startOver() {
        engine = new RoutingEngine(engine.policy());
        touched.clear();
        profiles.clear();
        dirty.clear();
        lastFullSync = Instant.EPOCH;
        ready = false;
        loaded.set(false);
    }

    /**
     * Counts a handoff the full queue turned away; returns how many to report now (those since the
     * last report, at most one report a minute), else 0: a load of 300,000 waiting against a cap of
     * 10,000 writes one warning, not 290,000.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long queueFull(Instant now) {
        turnedAway.incrementAndGet();
        Instant last = lastQueueFullWarning;
        if (last != null && last.plusSeconds(60).isAfter(now)) {
            return 0;
        }
        lastQueueFullWarning = now;
        return turnedAway.getAndSet(0);
    }

    /** True exactly once: for whoever is first to load the database into the engine. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean claimFirstLoad() {
        return loaded.compareAndSet(false, true);
    }

    /**
     * Whether the engine holds the database: its first load (by the routing timer, at a start or a
     * take-over) has finished. Before that, requests hand their routing work to the drain instead of
     * loading the engine on their own thread (ADR 0061).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean ready() {
        return ready;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void loadFinished() {
        ready = true;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean fullSyncDue(Instant now, Duration every) {
        return !lastFullSync.plus(every).isAfter(now);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void fullSyncDone(Instant at) {
        lastFullSync = at;
    }

    /**
     * Queue position (1-based, within the handoff's skill) and estimated wait in seconds, while the
     * engine holds the handoff; empty otherwise. Offered, or owned while the caller's row still says
     * queued (an accept in flight, or one that failed and the next tick puts back), it is at the front:
     * one accept's wait. Before, an owned one fell back to reading the whole queue from the database,
     * and with 500 agents accepting, most inbox refreshes met one (ADR 0064).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<WaitEstimator.Estimate> estimate(String handoffId, String skill) {
        Optional<HandoffState> state = engine.state(handoffId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt position = engine.skillPosition(handoffId);
        if (position.isEmpty()) {
            return Optional.of(new WaitEstimator.Estimate(1, Math.max(1, Math.round(estimator.meanAcceptSeconds()))));
        }
        return Optional.of(estimator.estimate(position.getAsInt(), engine.skillLoad(skill)));
    }

    /**
     * {@link #estimate} of many handoffs (id → skill) with one pass over the engine's queues; handoffs
     * the engine does not hold are left out.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Map<String, WaitEstimator.Estimate> estimates(java.util.Map<String, String> skillsById) {
        java.util.Map<String, Integer> positions = engine.skillPositions(skillsById.keySet());
        java.util.Map<String, dev.handoff.routing.control.SkillLoad> loads = new java.util.HashMap<>();
        java.util.Map<String, WaitEstimator.Estimate> estimates = new java.util.HashMap<>();
        skillsById.forEach((id, skill) -> {
            Integer position = positions.get(id);
            if (position != null) {
                estimates.put(id, estimator.estimate(position, loads.computeIfAbsent(skill, engine::skillLoad)));
            } else if (engine.state(id).isPresent()) {
                // offered, or owned while the caller's row still says queued: at the front (see estimate)
                estimates.put(id, new WaitEstimator.Estimate(1, Math.max(1, Math.round(estimator.meanAcceptSeconds()))));
            }
        });
        return estimates;
    }

    Instant now() {
        return clock.instant();
    }
}
