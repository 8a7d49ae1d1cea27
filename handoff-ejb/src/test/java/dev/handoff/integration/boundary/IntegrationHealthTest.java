package dev.handoff.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.integration.control.Outcome;
import org.junit.jupiter.api.Test;

class IntegrationHealthTest {

    @Test
    void percentilesAreNearestRank() {
        long[] latencies = IntegrationHealth.sorted(120, 80, 95, 100, 3000, 110, 90, 85, 105, 115);
        assertEquals(100L, IntegrationHealth.percentile(latencies, 50));
        assertEquals(3000L, IntegrationHealth.percentile(latencies, 95), "one slow call in ten is the p95");
        assertEquals(80L, IntegrationHealth.percentile(IntegrationHealth.sorted(80), 95));
        assertNull(IntegrationHealth.percentile(new long[0], 50));
    }

    @Test
    void aVendorWideFailureRestsTheConnectorAndARowSpecificOneDoesNot() {
        assertTrue(OutboxDelivery.vendorDown(Outcome.retry(null, null, "cannot be reached")));
        assertTrue(OutboxDelivery.vendorDown(Outcome.retry(429, null, "slow down")));
        assertTrue(OutboxDelivery.vendorDown(Outcome.retry(503, null, "down")));
        assertTrue(OutboxDelivery.vendorDown(Outcome.retry(401, null, "bad token")));
        assertFalse(OutboxDelivery.vendorDown(Outcome.retry(404, null, "no such ticket")));
        assertFalse(OutboxDelivery.vendorDown(Outcome.refused(422, "invalid")));
        assertFalse(OutboxDelivery.vendorDown(Outcome.delivered(201, null)));
    }
}
