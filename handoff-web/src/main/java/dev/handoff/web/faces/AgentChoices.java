package dev.handoff.web.faces;

import dev.handoff.identity.entity.Agent;
import dev.handoff.identity.entity.Presence;
import jakarta.faces.model.SelectItem;
import java.util.List;
import java.util.Locale;

/** The agents a chat may be given to (transfer, assignment, hand-over on signing out): enabled and online or busy. */
public final class AgentChoices {

    private AgentChoices() {
    }

    /** Agents who can take a chat now, other than {@code except}, labelled "Name (online)". */
    public static List<SelectItem> reachable(List<Agent> agents, String except) {
        return agents.stream()
                .filter(a -> !a.getUsername().equals(except) && canTakeChats(a))
                .map(a -> new SelectItem(a.getUsername(), a.getUser().getDisplayName() + " (" + a.getPresence().name().toLowerCase(Locale.ROOT) + ")"))
                .toList();
    }

    static boolean canTakeChats(Agent a) {
        return a.getUser().isEnabled() && (a.getPresence() == Presence.ONLINE || a.getPresence() == Presence.BUSY);
    }
}
