package dev.handoff.metrics.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Occupancy against capacity (ADR 0034): how long an agent was online, away, could have carried
 * chats (online seconds × capacity) and did carry them, per calendar day (UTC) of the activity. Pure:
 * the recorder, the demo history and the tests close intervals with the same code. An interval that
 * spans midnight is split at it.
 */
public final class Occupancy {

    public static final int ONLINE = 0;
    public static final int AWAY = 1;
    public static final int CAPACITY = 2;
    public static final int CHAT = 3;
    /** The {@code metric_occupancy_daily} columns, by index. */
    public static final List<String> COLUMNS = List.of("online_seconds", "away_seconds", "capacity_seconds", "chat_seconds");
    /** A presence interval never counts more than this, whatever the heartbeats say. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);
    public static final int MAX_PRESENCE = 16;
    /** The capacity a stored interval may carry (Agent.MAX_CAPACITY is 20). */
    public static final int MAX_CAPACITY = 1000;

    /** An agent's open presence interval ({@code metric_presence}): the presence since when, with the capacity then. */
    public record Open(String agent, String presence, Instant since, int capacity) {

        public Open {
            agent = Facts.cut(agent, Facts.MAX_AGENT);
            presence = Facts.cut(presence == null ? "offline" : presence.strip().toLowerCase(Locale.ROOT), MAX_PRESENCE);
            capacity = Math.max(0, Math.min(MAX_CAPACITY, capacity));
        }
    }

    private Occupancy() {}

    /**
     * Where a presence interval opened at {@code since} ends when the next change comes at {@code at}:
     * at {@code at} while the agent's heartbeats kept it alive, else at the last heartbeat (the opening
     * counts as one) plus the time-to-live: a session that expired or a server that stopped without a
     * sign-out counts until the presence would have gone stale, not until someone noticed. Never more
     * than {@link #MAX_INTERVAL} after {@code since}, never before it.
     */
    public static Instant end(Instant since, Instant at, Instant lastSeen, Duration ttl) {
        Instant seen = lastSeen == null || lastSeen.isBefore(since) ? since : lastSeen;
        Instant end = at;
        Instant stale = seen.plus(ttl);
        if (stale.isBefore(end)) {
            end = stale;
        }
        Instant cap = since.plus(MAX_INTERVAL);
        if (cap.isBefore(end)) {
            end = cap;
        }
        return end.isBefore(since) ? since : end;
    }

    /**
     * Closes {@code open} at {@code at} (see {@link #end}) and adds its seconds: online and busy count
     * as online (and × capacity), away as away, offline not at all.
     */
    public static Deltas close(Open open, Instant at, Instant lastSeen, Duration ttl) {
        Deltas d = new Deltas();
        if (open == null) {
            return d;
        }
        Instant end = end(open.since(), at, lastSeen, ttl);
        switch (open.presence()) {
            case "online", "busy" -> split(open.since(), end, (day, s) -> {
                AgentKey key = new AgentKey(day, open.agent());
                d.addOccupancy(key, ONLINE, s).addOccupancy(key, CAPACITY, s * open.capacity());
            });
            case "away" -> split(open.since(), end, (day, s) -> d.addOccupancy(new AgentKey(day, open.agent()), AWAY, s));
            default -> { }
        }
        return d;
    }

    /** Chat-time: {@code agent} owned one chat from {@code from} to {@code to}. */
    public static void chat(Deltas d, String agent, Instant from, Instant to) {
        if (agent == null || agent.isBlank() || from == null || to == null) {
            return;
        }
        String name = Facts.cut(agent.strip(), Facts.MAX_AGENT);
        split(from, to, (day, s) -> d.addOccupancy(new AgentKey(day, name), CHAT, s));
    }

    /** The whole seconds of [from, to) on each UTC day it touches. */
    static void split(Instant from, Instant to, java.util.function.BiConsumer<LocalDate, Long> perDay) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            Instant midnight = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant stop = midnight.isBefore(to) ? midnight : to;
            // whole seconds by the day's boundaries, so the parts add up to the whole interval
            long seconds = stop.getEpochSecond() - start.getEpochSecond();
            if (seconds > 0) {
                perDay.accept(day, seconds);
            }
            start = stop;
        }
    }

    /** Occupancy = chat seconds / capacity seconds; null without capacity. */
    public static Double of(long chatSeconds, long capacitySeconds) {
        return capacitySeconds == 0 ? null : (double) chatSeconds / capacitySeconds;
    }
}
