package dev.handoff.routing.control;

import java.util.List;

/**
 * The rule for agents who let offers expire: after {@code limit} offers in a row expired unanswered
 * (not accepted, not declined), the agent is set away instead of being offered work forever.
 */
public final class MissedOffers {

    private MissedOffers() {
    }

    /**
     * @param expiredNewestFirst for the agent's most recent offers, newest first: whether each expired
     * @param limit how many in a row set the agent away; 0 = never
     */
    public static boolean setAway(List<Boolean> expiredNewestFirst, int limit) {
        return limit > 0 && expiredNewestFirst.size() >= limit
                && expiredNewestFirst.stream().limit(limit).allMatch(Boolean::booleanValue);
    }
}
