package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Eight threads hammer one engine with seeded random operations for {@value #RUN_MILLIS} ms; every
 * {@value #CHECK_MILLIS} ms a checker stops them (workers hold a read lock per operation, the checker
 * the write lock) and compares the engine with a ledger the test keeps itself from what the engine
 * returned. The ledger is a set of events (offer made, offer closed, chat opened, chat ended), so the
 * order in which racing threads record them does not matter at a checkpoint. Checked: no handoff
 * with two owners or an offer and an owner at once, no offer accepted twice, no agent over capacity
 * by the ledger's count, the engine's load equal to the ledger's, and every handoff in exactly one of
 * waiting / offered / owned / released.
 */
class RoutingEngineConcurrencyTest {

    static final int THREADS = 8;
    static final int AGENTS = 40;
    static final long RUN_MILLIS = 2_000;
    static final long CHECK_MILLIS = 100;
    static final String[] SKILLS = {"billing", "tech", "sales", "returns", "vip"};
    static final String[] LANGUAGES = {"en", "de"};

    final RoutingEngine engine = new RoutingEngine(RoutingPolicy.defaults()
            .withIdleChats(1.0, 120)
            .withRelatedSkills(Map.of("billing", Set.of("sales"), "returns", Set.of("tech")))
            .withQueueCap(400));
    final AtomicLong clock = new AtomicLong();
    final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    final Map<Long, Integer> capacity = new HashMap<>();

    // the ledger
    final Map<Long, RouteOffer> offersMade = new ConcurrentHashMap<>();
    final Set<Long> offersClosed = ConcurrentHashMap.newKeySet();
    final Map<Long, LongAdder> acceptsPerOffer = new ConcurrentHashMap<>();
    /** handoff → chats opened: key (2 × offer id, or odd for assignments) → agent. */
    final Map<String, Map<Long, Long>> chatsOpened = new ConcurrentHashMap<>();
    final Map<String, LongAdder> chatsEnded = new ConcurrentHashMap<>();
    final Set<String> enqueued = ConcurrentHashMap.newKeySet();
    final Set<String> released = ConcurrentHashMap.newKeySet();
    final AtomicLong ids = new AtomicLong();
    final LongAdder operations = new LongAdder();
    final LongAdder acceptsOk = new LongAdder();
    final LongAdder acceptsRefused = new LongAdder();
    int checks;

    Instant now() {
        return RoutingWorld.T0.plusSeconds(clock.get());
    }

    @RepeatedTest(5)
    void randomOperationsKeepTheInvariants(RepetitionInfo repetition) throws Exception {
        Random setup = new Random(repetition.getCurrentRepetition());
        for (long id = 1; id <= AGENTS; id++) {
            Map<String, Integer> skills = new HashMap<>();
            for (int k = 0; k < 1 + setup.nextInt(3); k++) {
                skills.put(SKILLS[setup.nextInt(SKILLS.length)], 1 + setup.nextInt(5));
            }
            int cap = 1 + setup.nextInt(4);
            capacity.put(id, cap);
            engine.upsertAgent(new AgentProfile(id, "a" + id, skills,
                    setup.nextBoolean() ? Set.of("en") : Set.of("en", "de"), 1 + setup.nextInt(3), "t", cap), now());
            record(engine.setPresence(id, AgentPresence.ONLINE, now()));
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            long seed = repetition.getCurrentRepetition() * 1000L + t;
            Thread worker = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    while (!stop.get()) {
                        gate.readLock().lock();
                        try {
                            step(random);
                            operations.increment();
                        } finally {
                            gate.readLock().unlock();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        long end = System.currentTimeMillis() + RUN_MILLIS;
        Random checker = new Random(repetition.getCurrentRepetition());
        try {
            while (System.currentTimeMillis() < end && failures.isEmpty()) {
                Thread.sleep(CHECK_MILLIS);
                gate.writeLock().lock();
                try {
                    supervisorAssigns(checker);
                    check();
                } finally {
                    gate.writeLock().unlock();
                }
            }
        } finally {
            stop.set(true);
            done.await();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a worker failed", failures.get(0));
        }
        check();
        System.out.printf("routing concurrency #%d: %d threads, %,d operations in %d ms, %,d accepts (%,d refused as"
                + " stale or duplicate), %d handoffs, %d checkpoints, 0 violations%n", repetition.getCurrentRepetition(),
                THREADS, operations.sum(), RUN_MILLIS, acceptsOk.sum(), acceptsRefused.sum(), enqueued.size(), checks);
        assertTrue(acceptsOk.sum() > 100, "enough accepts to mean something: " + acceptsOk.sum());
    }

    private void step(Random random) {
        int dice = random.nextInt(100);
        if (dice < 25) {
            String id = "h" + ids.incrementAndGet();
            RouteResult result = engine.enqueue(new HandoffRequest(id, List.of(SKILLS[random.nextInt(SKILLS.length)]),
                    LANGUAGES[random.nextInt(2)], random.nextInt(11), random.nextInt(6), now()), now());
            if (result.outcome() != RouteResult.Outcome.QUEUE_FULL) {
                enqueued.add(id);
            }
            result.offered().ifPresent(o -> offersMade.put(o.id(), o));
        } else if (dice < 50) {
            RouteOffer offer = anyOffer(random);
            if (offer != null) {
                boolean ok = engine.accept(offer.id(), now());
                offersClosed.add(offer.id());
                if (ok) {
                    acceptsPerOffer.computeIfAbsent(offer.id(), k -> new LongAdder()).increment();
                    chatsOpened.computeIfAbsent(offer.handoffId(), k -> new ConcurrentHashMap<>())
                            .put(2 * offer.id(), offer.agentId());
                    acceptsOk.increment();
                } else {
                    acceptsRefused.increment();
                }
            }
        } else if (dice < 58) {
            RouteOffer offer = anyOffer(random);
            if (offer != null) {
                RoutingChanges changes = engine.decline(offer.id(), now());
                offersClosed.add(offer.id());
                record(changes);
            }
        } else if (dice < 70) {
            record(engine.tick(RoutingWorld.T0.plusSeconds(clock.addAndGet(random.nextInt(4)))));
        } else if (dice < 75) {
            long agent = 1 + random.nextInt(AGENTS);
            AgentPresence presence = AgentPresence.values()[random.nextInt(4)];
            if (random.nextInt(3) > 0) {
                presence = AgentPresence.ONLINE;
            }
            record(engine.setPresence(agent, presence, now()));
        } else if (dice < 90) {
            String id = "h" + (1 + random.nextInt((int) Math.max(1, ids.get())));
            if (enqueued.contains(id) && released.add(id)) {
                record(engine.release(id, now()));
            }
        } else if (dice < 94) {
            String id = "h" + (1 + random.nextInt((int) Math.max(1, ids.get())));
            if (enqueued.contains(id) && !released.contains(id)) {
                record(engine.requeue(id, random.nextBoolean(), now()));
            }
        } else {
            String id = "h" + (1 + random.nextInt((int) Math.max(1, ids.get())));
            if (random.nextBoolean()) {
                record(engine.customerActivity(id, now()));
            } else {
                engine.agentActivity(id, now());
            }
        }
    }

    private RouteOffer anyOffer(Random random) {
        long max = offersMade.size();
        if (max == 0) {
            return null;
        }
        // recent offers mostly, some stale ones on purpose
        long id = Math.max(1, max - random.nextInt((int) Math.min(max, 50)));
        return offersMade.get(id);
    }

    private void record(RoutingChanges changes) {
        changes.offered().forEach(o -> offersMade.put(o.id(), o));
        changes.withdrawn().forEach(o -> offersClosed.add(o.id()));
        changes.requeued().forEach(h -> chatsEnded.computeIfAbsent(h, k -> new LongAdder()).increment());
    }

    /** Quiescent: a supervisor moves a few handoffs to random agents. */
    private void supervisorAssigns(Random random) {
        long maxOffer = offersMade.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (int i = 0; i < 3 && ids.get() > 0; i++) {
            String id = "h" + (1 + random.nextInt((int) ids.get()));
            long agent = 1 + random.nextInt(AGENTS);
            if (!enqueued.contains(id) || released.contains(id)) {
                continue;
            }
            Optional<Long> ownerBefore = engine.owner(id);
            try {
                RoutingChanges changes = engine.assign(id, agent, now());
                record(changes);
                if (engine.pendingOffer(id).isEmpty() && ownerBefore.equals(Optional.of(agent))) {
                    continue;
                }
                engine.pendingOffer(id).ifPresent(o -> offersClosed.add(o.id()));
                offersMade.values().stream().filter(o -> o.handoffId().equals(id)).forEach(o -> offersClosed.add(o.id()));
                chatsOpened.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(2 * maxOffer + 1, agent);
                maxOffer++;
            } catch (IllegalStateException full) {
                // the agent's chats leave no room: refused, nothing changed
            }
        }
    }

    private void check() {
        checks++;
        Map<Long, Integer> ledgerLoad = new HashMap<>();
        Map<String, RouteOffer> openOffer = new HashMap<>();
        for (RouteOffer o : offersMade.values()) {
            if (!offersClosed.contains(o.id())) {
                RouteOffer before = openOffer.put(o.handoffId(), o);
                assertEquals(null, before, "two open offers for " + o.handoffId());
                ledgerLoad.merge(o.agentId(), 1, Integer::sum);
            }
        }
        acceptsPerOffer.forEach((offer, n) -> assertEquals(1, n.sum(), "offer " + offer + " accepted twice"));
        for (String id : enqueued) {
            Map<Long, Long> opened = chatsOpened.getOrDefault(id, Map.of());
            long ended = chatsEnded.containsKey(id) ? chatsEnded.get(id).sum() : 0;
            long open = released.contains(id) ? 0 : opened.size() - ended;
            assertTrue(open == 0 || open == 1, id + " has " + open + " owners at once");
            Optional<Long> owner = open == 0 ? Optional.empty()
                    : Optional.of(opened.get(opened.keySet().stream().mapToLong(Long::longValue).max().orElseThrow()));
            owner.ifPresent(a -> ledgerLoad.merge(a, 1, Integer::sum));
            Optional<HandoffState> state = engine.state(id);
            if (released.contains(id)) {
                assertEquals(Optional.empty(), state, id + " was released");
                assertEquals(null, openOffer.get(id), id + " released with an open offer");
                continue;
            }
            RouteOffer offer = openOffer.get(id);
            assertTrue(offer == null || owner.isEmpty(), id + " is offered and owned at once");
            HandoffState expected = owner.isPresent() ? HandoffState.OWNED
                    : offer != null ? HandoffState.OFFERED : HandoffState.WAITING;
            assertEquals(Optional.of(expected), state, id + " state");
            assertEquals(owner, engine.owner(id), id + " owner");
            assertEquals(Optional.ofNullable(offer).map(RouteOffer::agentId),
                    engine.pendingOffer(id).map(RouteOffer::agentId), id + " offered to");
        }
        for (long agent = 1; agent <= AGENTS; agent++) {
            int load = ledgerLoad.getOrDefault(agent, 0);
            assertTrue(load <= capacity.get(agent), "agent " + agent + " holds " + load + " > capacity "
                    + capacity.get(agent));
            assertEquals(load, engine.agentLoad(agent).orElseThrow().load(), 1e-9, "agent " + agent + " load");
        }
    }
}
