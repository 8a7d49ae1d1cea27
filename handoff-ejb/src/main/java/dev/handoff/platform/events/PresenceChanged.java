package dev.handoff.platform.events;

import java.time.Instant;

/**
 * An agent's presence was set (by them, an admin, or a timer): the supervisors' totals and agent list
 * change, and the occupancy roll-up closes the agent's previous presence interval.
 *
 * @param at when it changed
 * @param seenBefore the agent's last heartbeat before this change (null: none): a presence whose
 *     heartbeats stopped counts only until that heartbeat plus the presence time-to-live
 */
public record PresenceChanged(String username, String presence, Instant at, Instant seenBefore) {

    public PresenceChanged(String username, String presence) {
        this(username, presence, null, null);
    }
}
