package dev.handoff.demo;

import dev.handoff.metrics.control.Deltas;
import dev.handoff.metrics.control.Facts;
import dev.handoff.metrics.control.Rollup;
import dev.handoff.platform.events.Accepted;
import dev.handoff.platform.events.Closed;
import dev.handoff.platform.events.CsatReceived;
import dev.handoff.platform.events.DomainEvent;
import dev.handoff.platform.events.Escalated;
import dev.handoff.platform.events.EscalationFlagged;
import dev.handoff.platform.events.Resolved;
import dev.handoff.platform.events.Transferred;
import dev.handoff.metrics.control.Occupancy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Ninety days of made-up history for the demo's dashboards: conversations with plausible volumes
 * (fewer at weekends), a handoff rate that falls from about 27 % to 19 % as the bot improves,
 * billing disputes as the biggest topic, log-normal waits that are worse on Mondays, abandonment,
 * CSAT and "not needed" flags, handled by two teams. Each conversation's events run through the real {@link Rollup}, so
 * the roll-ups are exactly what live traffic would have written. Seeded: the same every time.
 */
public final class DemoHistory {

    /**
     * The demo agents' teams ({@link DemoData} gives the agents these): each team has a billing
     * agent, so a team filter splits the biggest topic, and technical and general work fall to one
     * team each.
     */
    public static final Map<String, String> TEAMS = Map.of("alice", "emea", "bob", "emea", "carol", "americas", "dave", "americas");

    /** The demo agents' capacities (max concurrent chats), as {@link DemoData} creates them. */
    public static final Map<String, Integer> CAPACITY = Map.of("alice", 3, "bob", 4, "carol", 2, "dave", 5);

    /** The generated conversations' facts and the counters they add up to. */
    public record Result(List<Facts> conversations, Deltas deltas) {}

    private static final String[] CHANNELS = {"web", "web", "web", "web", "app", "app", "whatsapp"};
    private static final String[] TRIGGERS = {
        "billing-dispute", "billing-dispute", "billing-dispute", "billing-dispute", "billing-dispute", "billing-dispute", "billing-dispute",
        "technical-dead-end", "technical-dead-end", "technical-dead-end", "technical-dead-end",
        "billing-dispute", "explicit-human-request", "explicit-human-request",
        "frustration", "frustration", "account-security", "bot-failure", "bot-failure", "vip-customer"};

    private final Random random;
    private final Rollup rollup;
    /** 0: the four demo agents; n: each of them stands for n agents (alice-0 … alice-(n-1)), for the benchmark. */
    private final int agentsPerName;

    public DemoHistory(long seed, long ttaTargetSeconds) {
        this(seed, ttaTargetSeconds, 0);
    }

    /** @param agentsPerName 0 for the demo's four agents; more to spread the chats over that many agents per demo agent */
    public DemoHistory(long seed, long ttaTargetSeconds, int agentsPerName) {
        this.random = new Random(seed);
        this.rollup = new Rollup(ttaTargetSeconds, agent -> TEAMS.get(base(agent)));
        this.agentsPerName = agentsPerName;
    }

    private static String base(String agent) {
        int dash = agent == null ? -1 : agent.indexOf('-');
        return dash < 0 ? agent : agent.substring(0, dash);
    }

    /** Every agent of the history: the demo's four, or each of them {@code agentsPerName} times. */
    private List<String> agents() {
        List<String> all = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(TEAMS.keySet())) {
            if (agentsPerName <= 0) {
                all.add(name);
            } else {
                for (int i = 0; i < agentsPerName; i++) {
                    all.add(name + "-" + i);
                }
            }
        }
        return all;
    }

    private String pick(String name) {
        return agentsPerName <= 0 ? name : name + "-" + random.nextInt(agentsPerName);
    }

    /** Conversations started on each of the {@code days} days before {@code today} (UTC). */
    public Result generate(LocalDate today, int days, int perWeekday) {
        List<Facts> all = new ArrayList<>();
        Deltas deltas = new Deltas();
        for (int back = days; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double progress = (days - back) / (double) days;
            int volume = (int) Math.round((weekend ? 0.5 : 1.0) * perWeekday * (0.85 + 0.3 * progress) * (0.9 + 0.2 * random.nextDouble()));
            double handoff = 0.27 - 0.08 * progress + 0.03 * (random.nextDouble() - 0.5);
            double slowness = day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.8 : 1.0;
            for (int i = 0; i < volume; i++) {
                all.add(conversation(day, handoff, slowness, progress, deltas));
            }
            for (String agent : agents()) {
                shift(agent, day, weekend, deltas);
            }
        }
        return new Result(all, deltas);
    }

    /**
     * One agent's presence on a day, closed by the real {@link Occupancy} code: a shift online from
     * about 07:00–10:00 for 6–9 hours with an away break, fewer at weekends; about one shift in
     * twenty ends without a sign-out (the browser closed), so it is closed two minutes after the last
     * heartbeat when the presence timer notices the next morning.
     */
    private void shift(String agent, LocalDate day, boolean weekend, Deltas deltas) {
        if (weekend ? random.nextDouble() < 0.6 : random.nextDouble() < 0.08) {
            return;
        }
        int capacity = CAPACITY.getOrDefault(base(agent), 3);
        Duration ttl = Duration.ofSeconds(120);
        Instant start = day.atTime(7, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(3 * 3600));
        long hours = weekend ? 4 : 6 + random.nextInt(4);
        Instant breakAt = start.plusSeconds(hours * 3600 / 2);
        Instant back = breakAt.plusSeconds(1800 + random.nextInt(1800));
        Instant end = start.plusSeconds(hours * 3600 + 1800);
        deltas.addAll(Occupancy.close(new Occupancy.Open(agent, "online", start, capacity), breakAt, breakAt, ttl));
        deltas.addAll(Occupancy.close(new Occupancy.Open(agent, "away", breakAt, capacity), back, back, ttl));
        boolean signedOut = random.nextDouble() >= 0.05;
        Instant noticed = signedOut ? end : day.plusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC);
        deltas.addAll(Occupancy.close(new Occupancy.Open(agent, "online", back, capacity), noticed, end, ttl));
    }

    private Facts conversation(LocalDate day, double handoff, double slowness, double progress, Deltas deltas) {
        Instant start = day.atTime(7, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(13 * 3600));
        String id = UUID.nameUUIDFromBytes(("demo-history-" + day + "-" + random.nextLong()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Facts f = rollup.start(id, CHANNELS[random.nextInt(CHANNELS.length)], start, deltas);
        List<DomainEvent> events = new ArrayList<>();
        if (random.nextDouble() >= handoff) {
            if (random.nextDouble() < 0.35) {
                int rating = weighted(new int[] {1, 2, 3, 4, 5}, new double[] {0.06, 0.08, 0.18, 0.38, 0.30});
                events.add(new CsatReceived(id, null, false, rating, null, start.plusSeconds(200)));
            }
            events.add(new Closed(id, "BOT", null, start.plusSeconds(240)));
            apply(f, events, deltas);
            return f;
        }
        String trigger = TRIGGERS[random.nextInt(TRIGGERS.length)];
        String skill = switch (trigger) {
            case "billing-dispute" -> "billing";
            case "technical-dead-end", "account-security" -> "technical";
            default -> "general";
        };
        List<String> fired = random.nextDouble() < 0.2 && !trigger.equals("frustration") ? List.of(trigger, "frustration") : List.of(trigger);
        Instant escalated = start.plusSeconds(60 + random.nextInt(240));
        events.add(new Escalated(id, skill, 1, fired, 3, null, escalated));
        // time to agent: log-normal, median about 40 s (worse on Mondays, better as staffing improves)
        long tta = Math.max(2, Math.round(Math.exp(Math.log(40 * slowness * (1.15 - 0.3 * progress)) + 0.9 * random.nextGaussian())));
        if (random.nextDouble() < 0.05 + 0.00005 * tta) {
            long waited = Math.min(tta, 30 + random.nextInt(400));
            events.add(new Closed(id, "QUEUED", null, escalated.plusSeconds(waited)));
            apply(f, events, deltas);
            return f;
        }
        // the estimate promised: within ±50 % most of the time, sometimes far off
        double error = Math.exp(0.45 * random.nextGaussian());
        f.predictedWaitSeconds = Math.max(5, Math.round(tta / error));
        String agent = pick(switch (skill) {
            case "billing" -> random.nextBoolean() ? "alice" : "carol";
            case "technical" -> "bob";
            default -> random.nextBoolean() ? "dave" : "carol";
        });
        Instant accepted = escalated.plusSeconds(tta);
        events.add(new Accepted(id, agent, null, escalated, accepted));
        // the first message a person writes: usually soon after accepting, slower on busy Mondays
        Instant firstResponse = accepted.plusSeconds(Math.max(3, Math.round(Math.exp(Math.log(20 * slowness) + 0.7 * random.nextGaussian()))));
        Instant transferAt = accepted.plusSeconds(120);
        boolean transfer = random.nextDouble() < 0.08;
        if (transfer && firstResponse.isAfter(transferAt)) {
            // transferred before anyone wrote: the supervisor's first message is the handoff's first response
            firstResponse = transferAt.plusSeconds(15 + random.nextInt(60));
        }
        Instant resolved = accepted.plusSeconds(180 + random.nextInt(900));
        if (firstResponse.isAfter(resolved)) {
            firstResponse = resolved;
        }
        List<DomainEvent> before = new ArrayList<>(events);
        events.clear();
        apply(f, before, deltas);
        if (!transfer || firstResponse.isBefore(transferAt)) {
            deltas.addAll(rollup.firstResponse(f, firstResponse));
        }
        if (transfer) {
            deltas.addAll(rollup.apply(f, new Transferred(id, agent, "sam", null, agent, transferAt)));
            deltas.addAll(rollup.firstResponse(f, firstResponse));
        }
        events.add(new Resolved(id, agent, "resolved", escalated, resolved));
        double notNeeded = trigger.equals("frustration") ? 0.35 : trigger.equals("bot-failure") ? 0.2 : 0.07;
        if (random.nextDouble() < notNeeded) {
            events.add(new EscalationFlagged(id, agent, fired, resolved));
        }
        if (random.nextDouble() < 0.45) {
            int rating = weighted(new int[] {1, 2, 3, 4, 5}, new double[] {0.03, 0.04, 0.10, 0.35, 0.48});
            events.add(new CsatReceived(id, agent, true, tta > 300 ? Math.max(1, rating - 2) : rating, null, resolved.plusSeconds(30)));
        }
        apply(f, events, deltas);
        if (random.nextDouble() < 0.05) {
            deltas.addAll(rollup.breach(f, "first-response"));
        }
        return f;
    }

    private void apply(Facts f, List<DomainEvent> events, Deltas deltas) {
        for (DomainEvent e : events) {
            deltas.addAll(rollup.apply(f, e));
        }
    }

    private int weighted(int[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
