package dev.handoff.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.ApiKeyRevoked;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.PresenceChanged;
import dev.handoff.platform.events.SlaBreached;
import dev.handoff.platform.events.Typing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What one server relays over the grid, another delivers to its own pushes as the same change
 * (issue 16): every kind of change survives the trip, and nothing is relayed without a grid.
 */
class GridRelayTest {

    /** This server's pushes, recording what reaches them. */
    private final List<Object> pushed = new ArrayList<>();
    private final List<Object> streamed = new ArrayList<>();
    private final List<String> wire = new ArrayList<>();

    private GridRelay relay() {
        GridRelay relay = new GridRelay();
        relay.inbox = new InboxPush() {
            @Override public void onOffers(OfferChanged e) { pushed.add(e); }
            @Override public void onMessage(MessagePosted e) { pushed.add(e); }
            @Override public void onChange(ConversationChanged e) { pushed.add(e); }
            @Override public void onPresence(PresenceChanged e) { pushed.add(e); }
            @Override public void onTyping(Typing e) { pushed.add(e); }
            @Override public void onSlaBreach(SlaBreached e) { pushed.add(e); }
        };
        relay.streams = new ConversationStreams() {
            @Override public void onOffers(OfferChanged e) { streamed.add(e); }
            @Override public void onMessage(MessagePosted e) { streamed.add(e); }
            @Override public void onStateChange(ConversationChanged e) { streamed.add(e); }
            @Override public void onTyping(Typing e) { streamed.add(e); }
            @Override public void onKeyRevoked(ApiKeyRevoked e) { streamed.add(e); }
        };
        return relay;
    }

    @Test
    void everyChangeArrivesOnTheOtherServerAsItWas() {
        GridRelay here = relay();
        here.relayTo(new GridRelay.Channel() {
            @Override public void publish(String message) { wire.add(message); }
            @Override public int members() { return 2; }
            @Override public void leave() { }
        });
        OfferChanged offer = new OfferChanged("c-1", Set.of("alice", "bob"));
        MessagePosted message = new MessagePosted("c-1", 7, Author.CUSTOMER, "alice");
        MessagePosted unowned = new MessagePosted("c-2", 1, Author.BOT, null);
        ConversationChanged change = new ConversationChanged("c-1", ConversationState.ASSIGNED, "alice");
        PresenceChanged presence = new PresenceChanged("bob", "away", Instant.parse("2026-12-03T10:00:00.123456Z"), null);
        SlaBreached sla = new SlaBreached("c-1", "first-reply", "alice");
        Typing typing = new Typing("c-1", "customer", "Zoë \"Z\" Ng\t", "alice");
        ApiKeyRevoked revoked = new ApiKeyRevoked(42);
        here.onOffers(offer);
        here.onMessage(message);
        here.onMessage(unowned);
        here.onChange(change);
        here.onPresence(presence);
        here.onSlaBreach(sla);
        here.onTyping(typing);
        here.onKeyRevoked(revoked);
        assertEquals(8, wire.size());
        assertTrue(here.exposition().contains("handoff_grid_pushes_total{direction=\"sent\"} 8"), here.exposition());

        GridRelay there = relay();
        wire.forEach(there::deliver);
        assertEquals(List.of(offer, message, unowned, change, presence, sla, typing), pushed);
        assertEquals(List.of(offer, message, unowned, change, typing, revoked), streamed);
        assertTrue(there.exposition().contains("handoff_grid_pushes_total{direction=\"received\"} 8"));
        assertTrue(there.exposition().contains("handoff_grid_members 0"), "no grid joined there");
    }

    @Test
    void withoutAGridNothingIsRelayedAndGarbageIsIgnored() {
        GridRelay alone = relay();
        alone.onOffers(new OfferChanged("c-1", Set.of("alice")));
        assertTrue(alone.exposition().contains("handoff_grid_pushes_total{direction=\"sent\"} 0"));
        alone.deliver("not json");
        alone.deliver("{\"kind\":\"offers\"}");
        alone.deliver("{\"kind\":\"who-knows\"}");
        assertTrue(pushed.isEmpty() && streamed.isEmpty());
    }
}
