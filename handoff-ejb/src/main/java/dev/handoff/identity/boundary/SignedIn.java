package dev.handoff.identity.boundary;

import dev.handoff.identity.entity.Role;

/**
 * A user signed in to the portal (a POST with the form's token). Fired synchronously inside
 * {@link SignInService#signedIn}'s transaction; routing observes it and puts an offline agent online
 * (ADR 0047).
 */
public record SignedIn(String username, Role role) {}
