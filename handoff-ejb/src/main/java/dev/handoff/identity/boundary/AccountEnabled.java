package dev.handoff.identity.boundary;

/**
 * An account was enabled or disabled, and flushed. Fired synchronously inside {@link UserService}'s
 * transaction; routing observes it to tell the engine (a disabled agent takes no chats, ADR 0047).
 */
public record AccountEnabled(long userId, boolean enabled) {}
