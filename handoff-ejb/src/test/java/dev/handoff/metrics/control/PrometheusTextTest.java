package dev.handoff.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void gaugesCountersAndACumulativeHistogram() {
        String text = new PrometheusText()
                .header("handoff_queue_depth", "gauge", "Waiting.")
                .sample("handoff_queue_depth", Map.of("skill", "bil\"ling\\"), 3)
                .histogram("handoff_time_to_agent_seconds", "TTA.", new double[] {10, 20.5}, new long[] {1, 2, 4}, 123.5)
                .toString();
        assertEquals("""
                # HELP handoff_queue_depth Waiting.
                # TYPE handoff_queue_depth gauge
                handoff_queue_depth{skill="bil\\"ling\\\\"} 3
                # HELP handoff_time_to_agent_seconds TTA.
                # TYPE handoff_time_to_agent_seconds histogram
                handoff_time_to_agent_seconds_bucket{le="10"} 1
                handoff_time_to_agent_seconds_bucket{le="20.5"} 3
                handoff_time_to_agent_seconds_bucket{le="+Inf"} 7
                handoff_time_to_agent_seconds_sum 123.5
                handoff_time_to_agent_seconds_count 7
                """, text);
    }
}
