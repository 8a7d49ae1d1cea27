package dev.handoff.routing.control;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision with {@code agents} agents online and 50,000 handoffs waiting (target: under
 * 1 ms). Agents know 3 of 20 skills (proficiency 1-5) and 1-2 of 3 languages, tier 1-3, capacity 3;
 * the waiting handoffs spread over the skills and languages, enqueued over the last 5 minutes (so
 * all four rings are populated), urgency 0-10 and account tier 0-5.
 * <ul>
 * <li>{@link #pullOnRelease}: every seat is taken. An agent (rotating) releases a chat and pulls the
 * best waiting handoff for them (the decision), accepts it, and a new handoff arrives and finds
 * nobody free: state stays steady.
 * <li>{@link #pushArrival}: every agent has room; the 50,000 wait for a skill nobody has. A new
 * handoff arrives and is offered to the best of the agents (the decision), then withdrawn.
 * </ul>
 * Each invocation therefore includes the bookkeeping around the decision.
 *
 * <p>Run: {@code mvn -pl handoff-persistence,handoff-ejb -am -Pbench -DskipTests verify
 * -Djmh.include='dev.handoff.routing.control.RoutingEngineBenchmark.*'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingEngineBenchmark {

    static final int WAITING = 50_000;
    static final String[] LANGUAGES = {"en", "de", "fr"};
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @Param({"500", "1000", "2000", "5000"})
    int agents;

    RoutingEngine full;
    RoutingEngine free;
    Map<Long, ArrayDeque<String>> chats;
    long clockMillis;
    long nextAgent;
    long nextId;
    Random random;
    HandoffRequest[] arrivals;
    int nextArrival;

    @Setup(Level.Trial)
    public void setUp() {
        random = new Random(7);
        clockMillis = 300_000;
        full = new RoutingEngine(RoutingPolicy.defaults().withQueueCap(100_000));
        free = new RoutingEngine(RoutingPolicy.defaults().withQueueCap(100_000));
        chats = new HashMap<>();
        Instant now = now();
        for (long id = 1; id <= agents; id++) {
            Map<String, Integer> skills = new HashMap<>();
            while (skills.size() < 3) {
                skills.put("s" + random.nextInt(20), 1 + random.nextInt(5));
            }
            Set<String> languages = random.nextBoolean() ? Set.of(LANGUAGES[random.nextInt(3)])
                    : Set.of("en", LANGUAGES[1 + random.nextInt(2)]);
            AgentProfile profile = new AgentProfile(id, "a" + id, skills, languages, 1 + random.nextInt(3), "t", 3);
            for (RoutingEngine engine : List.of(full, free)) {
                engine.upsertAgent(profile, now);
                engine.setPresence(id, AgentPresence.ONLINE, now);
            }
            chats.put(id, new ArrayDeque<>());
        }
        // fill every seat of the full centre: handoffs in ring 3 match anyone
        while (true) {
            HandoffRequest h = handoff(random, T0);
            RouteResult r = full.enqueue(h, now);
            if (r.outcome() != RouteResult.Outcome.OFFERED) {
                full.release(h.id(), now);
                break;
            }
            full.accept(r.offer().id(), now);
            chats.get(r.offer().agentId()).add(h.id());
        }
        for (int i = 0; i < WAITING; i++) {
            Instant enqueued = now.minusMillis(random.nextInt(300_000));
            full.enqueue(handoff(random, enqueued), now);
            free.enqueue(new HandoffRequest("w" + i, "legacy", "xx", random.nextInt(11), random.nextInt(6), now), now);
        }
        arrivals = new HandoffRequest[1024];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = handoff(random, now);
        }
        if (full.waitingCount() < WAITING || free.waitingCount() != WAITING) {
            throw new IllegalStateException("waiting: " + full.waitingCount() + " / " + free.waitingCount());
        }
    }

    private HandoffRequest handoff(Random random, Instant enqueuedAt) {
        return new HandoffRequest("h" + nextId++, List.of("s" + random.nextInt(20)), LANGUAGES[random.nextInt(3)],
                random.nextInt(11), random.nextInt(6), enqueuedAt);
    }

    private Instant now() {
        return T0.plusMillis(clockMillis);
    }

    /** An agent frees a seat and pulls the best of 50,000 waiting handoffs; accepts; a new one queues. */
    @Benchmark
    public RoutingChanges pullOnRelease() {
        clockMillis++;
        Instant now = now();
        long agent = 1 + nextAgent++ % agents;
        ArrayDeque<String> mine = chats.get(agent);
        RoutingChanges changes = full.release(mine.poll(), now);
        for (RouteOffer o : changes.offered()) {
            full.accept(o.id(), now);
            chats.get(o.agentId()).add(o.handoffId());
        }
        HandoffRequest next = arrivals[nextArrival++ & 1023];
        full.enqueue(new HandoffRequest("n" + nextId++, next.skills(), next.language(), next.urgency(),
                next.accountTier(), now), now);
        return changes;
    }

    /** A handoff arrives and is offered to the best agent with room; then it is withdrawn again. */
    @Benchmark
    public RouteResult pushArrival() {
        clockMillis++;
        Instant now = now();
        HandoffRequest next = arrivals[nextArrival++ & 1023];
        HandoffRequest h = new HandoffRequest("p" + nextId++, next.skills(), next.language(), next.urgency(),
                next.accountTier(), now);
        RouteResult result = free.enqueue(h, now);
        free.release(h.id(), now);
        return result;
    }
}
