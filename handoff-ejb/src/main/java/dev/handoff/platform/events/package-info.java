/**
 * CDI events between components. They are fired inside the boundary's transaction; observers
 * that reach outside (push, SSE) use {@code during = AFTER_SUCCESS} so nobody sees uncommitted state.
 */
package dev.handoff.platform.events;
