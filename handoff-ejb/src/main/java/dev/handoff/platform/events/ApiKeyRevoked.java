package dev.handoff.platform.events;

/** An admin revoked an API key: whatever still runs on it (an open event stream) stops. */
public record ApiKeyRevoked(long keyId) {}
