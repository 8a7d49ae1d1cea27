package dev.handoff.platform.events;

/**
 * Someone is typing in a conversation: the customer (in the widget) or the agent who owns it (on the
 * chat page). Not stored and not transactional: observers pass it on to the other side at once.
 * {@code owner} is the owning agent's username, or null.
 */
public record Typing(String conversationId, String author, String name, String owner) {}
