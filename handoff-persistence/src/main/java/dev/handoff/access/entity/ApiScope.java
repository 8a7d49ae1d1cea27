package dev.handoff.access.entity;

/** What an API key may do: a bot key drives conversations; an admin key also manages configuration. */
public enum ApiScope {
    BOT,
    ADMIN
}
