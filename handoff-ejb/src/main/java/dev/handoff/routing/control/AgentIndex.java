package dev.handoff.routing.control;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Agents who can take one more offer, by (skill, language): for each, one ordered set per
 * (proficiency, tier), best first by the strategy's key. Skill {@code "*"} holds every agent (at
 * proficiency 0) for rings that match anyone; language {@code "*"} for rings that ignore language.
 */
final class AgentIndex {

    static final int LEVELS = RoutingPolicy.MAX_LEVEL + 1;

    static final Comparator<LiveAgent> ORDER = Comparator.comparingDouble((LiveAgent a) -> -a.keyPrimary)
            .thenComparingDouble(a -> -a.keySecondary)
            .thenComparingLong(LiveAgent::id);

    record Key(String skill, String language) {}

    private final Map<Key, TreeSet<LiveAgent>[]> buckets = new HashMap<>();

    /** The sets for a key, indexed by {@code proficiency * LEVELS + tier}; null if nobody. */
    TreeSet<LiveAgent>[] get(String skill, String language) {
        return buckets.get(new Key(skill, language));
    }

    void add(LiveAgent a) {
        apply(a, true);
    }

    void remove(LiveAgent a) {
        apply(a, false);
    }

    @SuppressWarnings("unchecked")
    private void apply(LiveAgent a, boolean add) {
        AgentProfile p = a.profile;
        int tier = p.tier();
        for (String language : p.languages()) {
            apply(a, RoutingEngine.ANY, language, 0, tier, add);
            p.skills().forEach((skill, level) -> apply(a, skill, language, level, tier, add));
        }
        apply(a, RoutingEngine.ANY, RoutingEngine.ANY, 0, tier, add);
        p.skills().forEach((skill, level) -> apply(a, skill, RoutingEngine.ANY, level, tier, add));
    }

    @SuppressWarnings("unchecked")
    private void apply(LiveAgent a, String skill, String language, int level, int tier, boolean add) {
        Key key = new Key(skill, language);
        TreeSet<LiveAgent>[] sets = buckets.get(key);
        if (sets == null) {
            if (!add) {
                return;
            }
            sets = new TreeSet[LEVELS * LEVELS];
            buckets.put(key, sets);
        }
        int slot = level * LEVELS + tier;
        if (add) {
            if (sets[slot] == null) {
                sets[slot] = new TreeSet<>(ORDER);
            }
            sets[slot].add(a);
        } else if (sets[slot] != null) {
            sets[slot].remove(a);
        }
    }
}
