package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingPolicyTest {

    static Stream<Arguments> invalid() {
        RoutingPolicy d = RoutingPolicy.defaults();
        return Stream.of(
                row("first ring later than 0 s", "rings[0].afterSeconds", () -> d.withRings(List.of(new Ring(10, Match.SKILL, 3, true)))),
                row("rings out of order", "rings[1].afterSeconds",
                        () -> d.withRings(List.of(new Ring(0, Match.SKILL, 3, true), new Ring(0, Match.SKILL, 1, true)))),
                row("a ring narrower than the one before", "rings[1].minProficiency",
                        () -> d.withRings(List.of(new Ring(0, Match.SKILL, 1, true), new Ring(60, Match.SKILL, 3, true)))),
                row("language required again", "rings[1].sameLanguage",
                        () -> d.withRings(List.of(new Ring(0, Match.SKILL, 3, false), new Ring(60, Match.SKILL, 1, true)))),
                row("proficiency 6", "minProficiency", () -> new Ring(0, Match.SKILL, 6, true)),
                row("idle weight above 1", "idleChatWeight", () -> d.withIdleChats(1.5, 60)),
                row("zero queue cap", "queueCap", () -> d.withQueueCap(0)),
                row("zero offer timeout", "offerTimeoutSeconds", () -> d.withOfferTimeoutSeconds(0)),
                row("no ageing", "priority.agingPerMinute", () -> new RoutingPolicy.Priority(1, 1, 0, 5)),
                row("negative weight", "weights.load", () -> new RoutingPolicy.Weights(1, -1, 1, 1)));
    }

    private static Arguments row(String name, String field, Supplier<Object> build) {
        return Arguments.of(Named.of(name, build), field);
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @MethodSource("invalid")
    void rejectsNamingTheField(Supplier<Object> build, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
