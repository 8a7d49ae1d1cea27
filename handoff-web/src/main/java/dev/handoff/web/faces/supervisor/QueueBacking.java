package dev.handoff.web.faces.supervisor;

import dev.handoff.conversation.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.routing.control.SkillList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Backs supervisor/queue.xhtml: every open handoff and every agent's presence and load, refreshed by push. */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgentDeskService desk;

    @Inject
    UserService users;

    private transient List<ConversationView> handoffs;
    private transient List<AgentRow> agents;
    private transient List<SlaService.BreachView> breaches;

    @Inject
    SlaService sla;

    public record AgentRow(String username, String name, String presence, String skills, int active, int capacity) {}

    public void refresh() {
        breaches = null;
        handoffs = desk.openHandoffs();
        Map<String, Long> load = handoffs.stream()
                .filter(h -> "assigned".equals(h.state()))
                .collect(Collectors.groupingBy(ConversationView::assignedAgent, Collectors.counting()));
        agents = users.agents().stream()
                .map(a -> new AgentRow(a.getUsername(), a.getUser().getDisplayName(), a.getPresence().name().toLowerCase(),
                        SkillList.format(a.getSkills()), load.getOrDefault(a.getUsername(), 0L).intValue(), a.getMaxConcurrentChats()))
                .toList();
    }

    public List<SlaService.BreachView> getBreaches() {
        if (breaches == null) {
            breaches = sla.recentBreaches(50);
        }
        return breaches;
    }

    /** "14:05:09" UTC. */
    public String time(java.time.Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    public List<ConversationView> getHandoffs() {
        if (handoffs == null) {
            refresh();
        }
        return handoffs;
    }

    public List<AgentRow> getAgents() {
        if (agents == null) {
            refresh();
        }
        return agents;
    }
}
