package dev.handoff.platform.events;

/** An agent's presence was set (by them, an admin, or a timer): the supervisors' totals and agent list change. */
public record PresenceChanged(String username, String presence) {}
