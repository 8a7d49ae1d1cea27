package dev.handoff.web.faces.supervisor;

import dev.handoff.conversation.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.control.QueueSnapshot;
import dev.handoff.routing.control.SkillList;
import dev.handoff.routing.entity.Agent;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backs supervisor/queue.xhtml, refreshed by push: every open handoff; the routing engine's per-skill
 * queues in priority order with the wait so far and the estimate; every agent's load against capacity.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgentDeskService desk;

    @Inject
    UserService users;

    @Inject
    RoutingService routing;

    private transient List<ConversationView> handoffs;
    private transient List<SkillQueue> queues;
    private transient List<AgentRow> agents;
    private transient List<SlaService.BreachView> breaches;
    private transient List<jakarta.faces.model.SelectItem> agentItems;

    @Inject
    SlaService sla;

    @Inject
    ChatTeamwork teamwork;

    private final java.util.Map<String, String> assignTo = new java.util.HashMap<>();

    /** @param load weighted chats (idle ones count less) plus offers, as the engine counts it */
    public record AgentRow(String username, String name, String presence, String skills, int active, int capacity,
            int offers, int idleChats, String load) {}

    /** @param since when it started waiting (epoch ms): the page counts the wait on from there */
    public record Waiting(String id, int position, String customer, long waitedSeconds, Long estimateSeconds, int ring,
            String priority, long since) {}

    public record SkillQueue(String skill, List<Waiting> waiting) {}

    /**
     * The strip at the top of the queue page.
     *
     * @param longestSince when the longest-waiting chat started waiting (epoch ms; the page counts on), or null
     * @param slaAtRisk open chats whose next SLA target is missed or due within a minute
     * @param noSkillOnline waiting chats that need a skill no agent who is online has
     */
    public record Totals(int waiting, Long longestSince, int online, int busy, int away, int slaAtRisk, int noSkillOnline,
            List<Uncovered> uncovered) {}

    /** Chats waiting for a skill that no agent who is online has (issue 12, item 9): the supervisor is told. */
    public record Uncovered(String skill, int waiting) {}

    private transient Totals totals;

    /** Reloads everything; a failure keeps what the page showed and says so (and is logged), instead of leaving the page. */
    public void refresh() {
        try {
            load();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(QueueBacking.class.getName()).log(java.util.logging.Level.WARNING, "Refreshing the queue page failed", e);
            Messages.error("The queue could not be refreshed just now; it will be on the next change.");
            if (handoffs == null) {
                handoffs = List.of();
                queues = List.of();
                agents = List.of();
            }
        }
    }

    private void load() {
        breaches = null;
        agentItems = null;
        handoffs = desk.openHandoffs();
        Map<String, ConversationView> byId = handoffs.stream().collect(Collectors.toMap(ConversationView::id, Function.identity()));
        QueueSnapshot snapshot = routing.snapshot();
        Map<String, List<Waiting>> bySkill = new LinkedHashMap<>();
        for (QueueSnapshot.Entry e : snapshot.waiting()) {
            ConversationView c = byId.get(e.handoffId());
            bySkill.computeIfAbsent(e.skill(), k -> new ArrayList<>()).add(new Waiting(e.handoffId(), e.skillPosition(),
                    c == null ? e.handoffId() : c.customer().displayName(),
                    Duration.between(e.enqueuedAt(), snapshot.at()).toSeconds(), c == null ? null : c.estimatedWaitSeconds(),
                    e.ring(), String.format(Locale.ROOT, "%.0f", e.priorityPoints()), e.enqueuedAt().toEpochMilli()));
        }
        queues = bySkill.entrySet().stream().map(q -> new SkillQueue(q.getKey(), q.getValue())).toList();
        Map<Long, QueueSnapshot.AgentLoad> loads = snapshot.agents().stream()
                .collect(Collectors.toMap(QueueSnapshot.AgentLoad::agentId, Function.identity()));
        List<Agent> all = users.agents();
        agents = all.stream().map(a -> row(a, loads.get(a.getId()))).toList();
        totals = totals(handoffs, snapshot, all);
    }

    static Totals totals(List<ConversationView> handoffs, QueueSnapshot snapshot, List<Agent> all) {
        // Waiting = every chat no person has yet, offered or not; its wait counts from its place in the queue.
        Map<String, java.time.Instant> enqueued = snapshot.waiting().stream()
                .collect(Collectors.toMap(QueueSnapshot.Entry::handoffId, QueueSnapshot.Entry::enqueuedAt, (a, b) -> a));
        List<ConversationView> queued = handoffs.stream().filter(h -> "queued".equals(h.state())).toList();
        Long longest = queued.stream().map(h -> enqueued.getOrDefault(h.id(), h.escalatedAt())).filter(java.util.Objects::nonNull)
                .min(java.time.Instant::compareTo).map(java.time.Instant::toEpochMilli).orElse(null);
        int atRisk = (int) handoffs.stream().map(ConversationView::nextSla)
                .filter(t -> t != null && t.left().compareTo(Duration.ofMinutes(1)) < 0).count();
        List<Agent> reachable = all.stream().filter(a -> a.getUser().isEnabled())
                // routing offers waiting chats to online agents only (busy ones keep their chats and take no new offers)
                .filter(a -> a.getPresence() == dev.handoff.routing.entity.Presence.ONLINE)
                .toList();
        Map<String, Long> uncovered = handoffs.stream().filter(h -> "queued".equals(h.state()) && h.requiredSkill() != null)
                .filter(h -> reachable.stream().noneMatch(a -> a.proficiencyIn(h.requiredSkill()) > 0))
                .collect(Collectors.groupingBy(ConversationView::requiredSkill, java.util.TreeMap::new, Collectors.counting()));
        int noSkill = uncovered.values().stream().mapToInt(Long::intValue).sum();
        return new Totals(queued.size(), longest, count(all, "ONLINE"), count(all, "BUSY"), count(all, "AWAY"), atRisk, noSkill,
                uncovered.entrySet().stream().map(e -> new Uncovered(e.getKey(), e.getValue().intValue())).toList());
    }

    private static int count(List<Agent> all, String presence) {
        return (int) all.stream().filter(a -> a.getUser().isEnabled() && a.getPresence().name().equals(presence)).count();
    }

    public Totals getTotals() {
        if (totals == null) {
            refresh();
        }
        return totals == null ? new Totals(0, null, 0, 0, 0, 0, 0, List.of()) : totals;
    }

    private static AgentRow row(Agent a, QueueSnapshot.AgentLoad l) {
        return new AgentRow(a.getUsername(), a.getUser().getDisplayName(), a.getPresence().name().toLowerCase(Locale.ROOT),
                SkillList.format(a.getSkills()), l == null ? 0 : l.chats(), a.getMaxConcurrentChats(), l == null ? 0 : l.offers(),
                l == null ? 0 : l.idleChats(), String.format(Locale.ROOT, "%.1f", l == null ? 0 : l.load()));
    }

    /** Hands a waiting chat to the agent chosen in its row. */
    public void assign(String conversationId) {
        String agent = assignTo.get(conversationId);
        if (agent == null || agent.isBlank()) {
            Messages.error("Choose the agent to assign the chat to.");
            return;
        }
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (Messages.attempt(() -> desk.assign(conversationId, me, agent)) != null) {
            Messages.info("Assigned to " + agent + ".");
        }
        refresh();
    }

    /** Puts an owned chat back in the queue (front of its skill's line), with a note. */
    public void requeue(String conversationId, String skill) {
        if (Messages.attempt(() -> teamwork.transferToSkill(conversationId, skill, null))) {
            Messages.info("Back in the " + skill + " queue.");
        }
        refresh();
    }

    public java.util.Map<String, String> getAssignTo() {
        return assignTo;
    }

    /** The agents a waiting chat can be assigned to: online or busy (loaded once per refresh, not once per row). */
    public List<jakarta.faces.model.SelectItem> getAgentItems() {
        if (agentItems == null) {
            agentItems = dev.handoff.web.faces.AgentChoices.reachable(users.agents(), null);
        }
        return agentItems;
    }

    public List<SlaService.BreachView> getBreaches() {
        if (breaches == null) {
            try {
                breaches = sla.recentBreaches(50);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(QueueBacking.class.getName()).log(java.util.logging.Level.WARNING, "Loading SLA breaches failed", e);
                return List.of();
            }
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

    public List<SkillQueue> getQueues() {
        if (queues == null) {
            refresh();
        }
        return queues;
    }

    public List<AgentRow> getAgents() {
        if (agents == null) {
            refresh();
        }
        return agents;
    }
}
