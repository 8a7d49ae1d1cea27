package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.routing.boundary.RoutingDesk;

/**
 * In-container tests start once their server runs the routing engine. Until its duties timer has
 * claimed the routing lease (a second or so after the deployment, more on a busy machine) and its
 * routing timer has loaded the engine (ADR 0061), routing work is handed over and offered only at the
 * next tick, so a test that reads an agent's inbox right after an escalation would race it (seen once
 * on a busy machine: "offered to alice" failed).
 */
final class EngineReady {

    private EngineReady() {
    }

    /** Waits (up to 30 s) until this server acts as the routing engine, loaded; nothing for client-side tests. */
    static void await(RoutingDesk desk) throws InterruptedException {
        if (desk == null) {
            return; // a client-side test: nothing injected
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (!desk.acting() || !desk.ready()) {
            assertTrue(System.currentTimeMillis() < deadline, "this server never took the routing lease");
            Thread.sleep(100);
        }
    }
}
