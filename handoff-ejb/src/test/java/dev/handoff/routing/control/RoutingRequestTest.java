package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handoff.routing.control.RoutingRequest.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRequestTest {

    @Test
    void aBatchIsAppliedInOrderEachDistinctRequestOnce() {
        List<RoutingRequest> batch = List.of(
                new RoutingRequest(1, Kind.ROUTE, "h1", null),
                new RoutingRequest(2, Kind.OWNER_ACTIVE, "h2", null),
                new RoutingRequest(3, Kind.OWNER_ACTIVE, "h2", null),
                new RoutingRequest(4, Kind.DECLINED, "h1", 7L),
                new RoutingRequest(5, Kind.DECLINED, "h1", 8L),
                new RoutingRequest(6, Kind.ROUTE, "h1", null),
                new RoutingRequest(7, Kind.AGENT, null, 7L),
                new RoutingRequest(8, Kind.POLICY, null, null),
                new RoutingRequest(9, Kind.POLICY, null, null));
        assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L), RoutingRequest.toApply(batch).stream().map(RoutingRequest::id).toList(),
                "two agents declining the same handoff are two requests; a repeated one adds nothing");
        assertEquals(List.of(), RoutingRequest.toApply(List.of()));
        assertThrows(NullPointerException.class, () -> new RoutingRequest(1, null, "h", null));
    }
}
