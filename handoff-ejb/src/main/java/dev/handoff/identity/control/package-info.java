/**
 * Pure logic behind portal users: the agent CSV (import and export) and password hashing. Nothing here touches JPA or the
 * container; {@code identity.boundary} applies what is read here.
 */
package dev.handoff.identity.control;
