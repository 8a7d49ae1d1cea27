/**
 * Pure logic behind portal users: password hashing. Nothing here touches JPA or the container. (The agent CSV is
 * routing's, {@code routing.control.AgentCsv}: it describes agent profiles, ADR 0047.)
 */
package dev.handoff.identity.control;
