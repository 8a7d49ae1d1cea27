package dev.handoff.routing.control;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Waiting handoffs, each in exactly one bucket: (ring reached, skill or {@code "*"}, language or
 * {@code "*"}), ordered by effective time. Also kept in one global and one per-primary-skill order
 * for snapshots and positions.
 */
final class WaitingQueues {

    static final Comparator<LiveHandoff> ORDER = Comparator.comparingDouble((LiveHandoff h) -> h.effectiveTime)
            .thenComparingLong(h -> h.seq);

    record Key(int ring, String skill, String language) {}

    private final Map<Key, TreeSet<LiveHandoff>> buckets = new HashMap<>();
    private final Map<String, TreeSet<LiveHandoff>> bySkill = new HashMap<>();
    private final TreeSet<LiveHandoff> all = new TreeSet<>(ORDER);

    void add(LiveHandoff h, Key key) {
        h.bucket = key;
        buckets.computeIfAbsent(key, k -> new TreeSet<>(ORDER)).add(h);
        bySkill.computeIfAbsent(h.request.primarySkill(), k -> new TreeSet<>(ORDER)).add(h);
        all.add(h);
    }

    void remove(LiveHandoff h) {
        TreeSet<LiveHandoff> bucket = buckets.get(h.bucket);
        if (bucket != null) {
            bucket.remove(h);
        }
        TreeSet<LiveHandoff> skill = bySkill.get(h.request.primarySkill());
        if (skill != null) {
            skill.remove(h);
        }
        all.remove(h);
        h.bucket = null;
    }

    TreeSet<LiveHandoff> bucket(int ring, String skill, String language) {
        return buckets.get(new Key(ring, skill, language));
    }

    NavigableSet<LiveHandoff> all() {
        return all;
    }

    NavigableSet<LiveHandoff> skill(String skill) {
        TreeSet<LiveHandoff> set = bySkill.get(skill);
        return set == null ? new TreeSet<>(ORDER) : set;
    }

    Map<String, TreeSet<LiveHandoff>> bySkill() {
        return bySkill;
    }

    int size() {
        return all.size();
    }

    double frontTime() {
        return all.isEmpty() ? 0 : all.first().effectiveTime;
    }
}
