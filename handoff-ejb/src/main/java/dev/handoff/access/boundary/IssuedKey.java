package dev.handoff.access.boundary;

/** A new key: the secret is shown once and never stored. */
public record IssuedKey(long id, String name, String secret) {}
