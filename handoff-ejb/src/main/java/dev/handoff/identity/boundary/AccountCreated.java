package dev.handoff.identity.boundary;

import dev.handoff.identity.entity.UserAccount;
import java.util.Map;

/**
 * A portal account was just persisted (not yet flushed), with the skills and capacity the admin gave
 * it. Fired synchronously inside {@link UserService}'s transaction; routing observes it and adds the
 * agent profile of users who take chats (ADR 0047), so identity does not know about agents.
 */
public record AccountCreated(UserAccount user, Map<String, Integer> skills, int capacity) {}
