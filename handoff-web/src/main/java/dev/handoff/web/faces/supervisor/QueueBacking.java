package dev.handoff.web.faces.supervisor;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.control.QueueSnapshot;
import dev.handoff.routing.control.SkillList;
import dev.handoff.identity.entity.Agent;
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
    AgentProfiles profiles;

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

    /** @param waiting the head of the skill's line (at most {@link #SKILL_ROWS}); {@code total} counts the whole line */
    public record SkillQueue(String skill, List<Waiting> waiting, int total) {}

    /** The open-handoffs table shows the longest-open this many; the per-skill lines their first {@link #SKILL_ROWS}. */
    public static final int TABLE_ROWS = 50;
    public static final int SKILL_ROWS = 20;

    private transient int openTotal;
    private transient List<Agent> allAgents;

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
        // Long lists show their head and count the rest (ADR 0035): with 5,000 waiting the page read, viewed
        // and rendered every open handoff twice, each queued row with a menu of every agent.
        handoffs = desk.openHandoffs(TABLE_ROWS);
        AgentDeskService.OpenCounts counts = desk.openCounts();
        openTotal = counts.open();
        QueueSnapshot snapshot = routing.snapshot();
        Map<String, List<QueueSnapshot.Entry>> heads = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (QueueSnapshot.Entry e : snapshot.waiting()) {
            sizes.merge(e.skill(), 1, Integer::sum);
            List<QueueSnapshot.Entry> head = heads.computeIfAbsent(e.skill(), k -> new ArrayList<>());
            if (head.size() < SKILL_ROWS) {
                head.add(e);
            }
        }
        // The lines show a name and an estimate per row: read just those (ADR 0041), not full views with
        // triggers, context and earlier handoffs, which the table above needs and these lines do not.
        Map<String, AgentDeskService.WaitingLine> lines = new java.util.HashMap<>();
        handoffs.forEach(h -> lines.put(h.id(), new AgentDeskService.WaitingLine(h.id(), h.customer().displayName(), h.estimatedWaitSeconds())));
        List<String> missing = heads.values().stream().flatMap(List::stream).map(QueueSnapshot.Entry::handoffId)
                .filter(id -> !lines.containsKey(id)).distinct().toList();
        lines.putAll(desk.waitingLines(missing));
        queues = heads.entrySet().stream().map(q -> new SkillQueue(q.getKey(), q.getValue().stream().map(e -> {
            AgentDeskService.WaitingLine c = lines.get(e.handoffId());
            return new Waiting(e.handoffId(), e.skillPosition(), c == null ? e.handoffId() : c.customer(),
                    Duration.between(e.enqueuedAt(), snapshot.at()).toSeconds(), c == null ? null : c.estimateSeconds(),
                    e.ring(), String.format(Locale.ROOT, "%.0f", e.priorityPoints()), e.enqueuedAt().toEpochMilli());
        }).toList(), sizes.get(q.getKey()))).toList();
        Map<Long, QueueSnapshot.AgentLoad> loads = snapshot.agents().stream()
                .collect(Collectors.toMap(QueueSnapshot.AgentLoad::agentId, Function.identity()));
        List<Agent> all = profiles.agents();
        allAgents = all;
        agents = all.stream().map(a -> row(a, loads.get(a.getId()))).toList();
        totals = totals(counts, snapshot, all, sla.atRisk(Duration.ofMinutes(1)));
    }

    static Totals totals(AgentDeskService.OpenCounts counts, QueueSnapshot snapshot, List<Agent> all, int atRisk) {
        // Waiting = every chat no person has yet, offered or not; its wait counts from its place in the queue.
        Long longest = snapshot.waiting().stream().map(QueueSnapshot.Entry::enqueuedAt).min(java.time.Instant::compareTo)
                .or(() -> java.util.Optional.ofNullable(counts.oldestQueuedSince())).map(java.time.Instant::toEpochMilli).orElse(null);
        if (counts.queued() == 0) {
            longest = null;
        }
        List<Agent> reachable = all.stream().filter(a -> a.getUser().isEnabled())
                // routing offers waiting chats to online agents only (busy ones keep their chats and take no new offers)
                .filter(a -> a.getPresence() == dev.handoff.identity.entity.Presence.ONLINE)
                .toList();
        Map<String, Long> uncovered = new java.util.TreeMap<>();
        counts.queuedBySkill().forEach((skill, n) -> {
            if (reachable.stream().noneMatch(a -> a.proficiencyIn(skill) > 0)) {
                uncovered.put(skill, n);
            }
        });
        int noSkill = uncovered.values().stream().mapToInt(Long::intValue).sum();
        return new Totals(counts.queued(), longest, count(all, "ONLINE"), count(all, "BUSY"), count(all, "AWAY"), atRisk, noSkill,
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
            agentItems = dev.handoff.web.faces.AgentChoices.reachable(allAgents != null ? allAgents : profiles.agents(), null);
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

    /** Every queued and assigned chat, of which the table shows the first {@link #TABLE_ROWS}. */
    public int getOpenTotal() {
        getHandoffs();
        return openTotal;
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
