package dev.handoff.access.boundary;

import dev.handoff.access.entity.ApiScope;

/** Who is calling the API: the key's id and name, and what it may do. */
public record ApiCaller(long keyId, String keyName, ApiScope scope) {}
