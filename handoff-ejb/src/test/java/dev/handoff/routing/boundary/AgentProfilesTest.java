package dev.handoff.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handoff.identity.boundary.SignedIn;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.Presence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing's side of a sign-in (ADR 0047): what SignInService used to call routing for, now observed. */
class AgentProfilesTest {

    /** The two calls the observer makes, recorded instead of reaching the engine and the database. */
    static class Routing extends RoutingService {
        Presence presence = Presence.OFFLINE;
        final List<String> set = new ArrayList<>();

        @Override
        public Presence presenceOf(String username) {
            return presence;
        }

        @Override
        public void setPresence(String username, Presence presence) {
            set.add(username + "=" + presence);
        }
    }

    private static List<String> signIn(Role role, Presence before) {
        AgentProfiles profiles = new AgentProfiles();
        Routing routing = new Routing();
        routing.presence = before;
        profiles.routing = routing;
        profiles.signedIn(new SignedIn("dave", role));
        return routing.set;
    }

    @Test
    void signingInPutsAnOfflineAgentOnline() {
        assertEquals(List.of("dave=ONLINE"), signIn(Role.AGENT, Presence.OFFLINE));
    }

    @Test
    void awayAndBusyAgentsStayAsTheyAre() {
        assertEquals(List.of(), signIn(Role.AGENT, Presence.AWAY));
        assertEquals(List.of(), signIn(Role.AGENT, Presence.BUSY));
    }

    @Test
    void supervisorsAndAdminsAreNotPutToWork() {
        assertEquals(List.of(), signIn(Role.SUPERVISOR, Presence.OFFLINE));
        assertEquals(List.of(), signIn(Role.ADMIN, Presence.OFFLINE));
    }
}
