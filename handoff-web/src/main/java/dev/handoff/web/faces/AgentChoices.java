package dev.handoff.web.faces;

import dev.handoff.routing.boundary.AgentLine;
import jakarta.faces.model.SelectItem;
import java.util.List;

/** The agents a chat may be given to (transfer, assignment, hand-over on signing out): enabled and online or busy. */
public final class AgentChoices {

    private AgentChoices() {
    }

    /** Agents who can take a chat now, other than {@code except}, labelled "Name (online)". */
    public static List<SelectItem> reachable(List<AgentLine> agents, String except) {
        return agents.stream()
                .filter(a -> !a.username().equals(except) && a.canTakeChats())
                .map(a -> new SelectItem(a.username(), a.label()))
                .toList();
    }
}
