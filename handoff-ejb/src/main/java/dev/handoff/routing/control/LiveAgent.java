package dev.handoff.routing.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's mutable state of one agent; guarded by the engine's lock. */
final class LiveAgent {

    AgentProfile profile;
    AgentPresence presence = AgentPresence.OFFLINE;
    /** handoff id → owned chat. */
    final Map<String, LiveHandoff> chats = new LinkedHashMap<>();
    /** offer id → pending offer, oldest first. */
    final Map<Long, RouteOffer> offers = new LinkedHashMap<>();
    Instant lastAssignedAt;
    long turn;
    /** Offers count 1, chats 1 or the policy's idle weight. */
    double load;
    int idleChats;

    /** In the agent index: routable and room for one more full-weight chat. Keys are frozen while true. */
    boolean indexed;
    /** Counted in the per-skill live capacity. */
    boolean counted;
    double keyPrimary;
    double keySecondary;

    LiveAgent(AgentProfile profile, Instant now) {
        this.profile = profile;
        this.lastAssignedAt = now;
    }

    long id() {
        return profile.id();
    }

    void recomputeLoad(double idleWeight) {
        double l = offers.size();
        int idle = 0;
        for (LiveHandoff chat : chats.values()) {
            if (chat.idle) {
                idle++;
                l += idleWeight;
            } else {
                l += 1;
            }
        }
        load = l;
        idleChats = idle;
    }

    boolean hasRoomForOne() {
        return load + 1 <= profile.capacity() + RoutingEngine.EPS;
    }

    boolean overCapacity() {
        return load > profile.capacity() + RoutingEngine.EPS;
    }
}
