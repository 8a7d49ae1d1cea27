package dev.handoff.routing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.identity.entity.Agent;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfferTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final Agent alice = new Agent(new UserAccount("alice", "Alice", "hash", Role.AGENT, T0), 3, Map.of());
    private final Conversation conversation = new Conversation(new Customer("c-1", T0), "web", T0);
    private final Offer offer = new Offer(conversation, alice, T0);

    @Test
    void aNewOfferIsPending() {
        assertEquals(OfferState.PENDING, offer.getState());
        assertEquals(T0, offer.getOfferedAt());
        assertNull(offer.getRespondedAt());
    }

    @ParameterizedTest
    @EnumSource(value = OfferState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void aPendingOfferClosesWithAnOutcome(OfferState outcome) {
        offer.close(outcome, T0.plusSeconds(5));

        assertEquals(outcome, offer.getState());
        assertEquals(T0.plusSeconds(5), offer.getRespondedAt());
    }

    @Test
    void aClosedOfferKeepsItsFirstOutcome() {
        offer.close(OfferState.ACCEPTED, T0.plusSeconds(5));

        offer.close(OfferState.EXPIRED, T0.plusSeconds(30));

        assertEquals(OfferState.ACCEPTED, offer.getState());
        assertEquals(T0.plusSeconds(5), offer.getRespondedAt());
    }

    @Test
    void pendingIsNotAnOutcome() {
        assertThrows(IllegalArgumentException.class, () -> offer.close(OfferState.PENDING, T0));
        assertEquals(OfferState.PENDING, offer.getState());
    }

    @Test
    void conversationAgentAndTimeAreRequired() {
        assertThrows(NullPointerException.class, () -> new Offer(null, alice, T0));
        assertThrows(NullPointerException.class, () -> new Offer(conversation, null, T0));
        assertThrows(NullPointerException.class, () -> new Offer(conversation, alice, null));
    }
}
