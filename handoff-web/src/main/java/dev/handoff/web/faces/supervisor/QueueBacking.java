package dev.handoff.web.faces.supervisor;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.SlaService;
import dev.handoff.routing.boundary.AgentLine;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.routing.boundary.RoutingService;
import dev.handoff.routing.control.QueueSnapshot;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import org.primefaces.PrimeFaces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
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
    private transient List<HandoffRow> handoffRows;
    private transient List<SkillQueue> queues;
    private transient List<AgentRow> agents;
    private transient List<SlaService.BreachView> breaches;
    private transient List<jakarta.faces.model.SelectItem> assignItems;

    @Inject
    SlaService sla;

    @Inject
    ChatTeamwork teamwork;

    /** The chat the assign dialog was opened for, its line ("Quentin Keep · billing") and the agent chosen. */
    private String assignConversation;
    private String assignChat;
    private String assignAgent;
    private String assignProblem;

    /**
     * A row of the open-handoffs table as the page prints it: plain components, read as properties, because
     * each method call in a page expression is a reflective method search (ADR 0069).
     *
     * @param slaKind the next SLA target's kind, null when no target runs; {@code slaUntil} its due time (epoch ms)
     */
    public record HandoffRow(String id, String state, Integer position, String customer, String tier, String skill,
            Long estimate, String agent, String slaKind, boolean slaBreached, long slaUntil, String slaLeft, String why,
            boolean queued, boolean assigned) {

        static HandoffRow of(ConversationView v) {
            dev.handoff.conversation.boundary.SlaTimer sla = v.nextSla();
            return new HandoffRow(v.id(), v.state(), v.queuePosition(), v.customer().displayName(), v.customer().tier(),
                    v.requiredSkill(), v.estimatedWaitSeconds(), v.assignedAgentName(), sla == null ? null : sla.kind(),
                    sla != null && sla.breached(), sla == null ? 0 : sla.dueAt().toEpochMilli(), sla == null ? null : sla.display(),
                    v.escalationReason(), "queued".equals(v.state()), "assigned".equals(v.state()));
        }
    }

    /**
     * An agent of the agents table. Its skills and load are written out when the page shows the row (the
     * table shows 50 of perhaps 500 agents), as {@code skills} and {@code load}.
     *
     * @param weightedLoad weighted chats (idle ones count less) plus offers, as the engine counts it
     */
    public record AgentRow(String username, String name, String presence, AgentLine agent, int active, int capacity,
            int offers, int idleChats, double weightedLoad) {

        public String getSkills() {
            return agent.skillsText();
        }

        public String getLoad() {
            return String.format(Locale.ROOT, "%.1f", weightedLoad);
        }
    }

    /** @param since when it started waiting (epoch ms): the page counts the wait on from there */
    public record Waiting(String id, int position, String customer, long waitedSeconds, Long estimateSeconds, int ring,
            String priority, long since) {}

    /** @param waiting the head of the skill's line (at most {@link #SKILL_ROWS}); {@code total} counts the whole line */
    public record SkillQueue(String skill, List<Waiting> waiting, int total) {}

    /** The open-handoffs table shows the longest-open this many; the per-skill lines their first {@link #SKILL_ROWS}. */
    public static final int TABLE_ROWS = 50;
    public static final int SKILL_ROWS = 20;

    private transient int openTotal;

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
        handoffRows = null;
        // Long lists show their head and count the rest (ADR 0035): with 5,000 waiting the page read, viewed
        // and rendered every open handoff twice, each queued row with a menu of every agent.
        handoffs = desk.openHandoffs(TABLE_ROWS);
        AgentDeskService.OpenCounts counts = desk.openCounts();
        openTotal = counts.open();
        QueueSnapshot snapshot = routing.snapshot(SKILL_ROWS);
        Map<String, List<QueueSnapshot.Entry>> heads = snapshot.heads();
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
        }).toList(), snapshot.totals().get(q.getKey()))).toList();
        Map<Long, QueueSnapshot.AgentLoad> loads = snapshot.agents().stream()
                .collect(Collectors.toMap(QueueSnapshot.AgentLoad::agentId, Function.identity()));
        // columns, not entities: the 500 agents' entities and their registration for changes were a seventh of a
        // refresh (ADR 0069)
        List<AgentLine> all = profiles.roster();
        agents = all.stream().map(a -> row(a, loads.get(a.id()))).toList();
        totals = totals(counts, snapshot, all, sla.atRisk(Duration.ofMinutes(1)));
    }

    static Totals totals(AgentDeskService.OpenCounts counts, QueueSnapshot snapshot, List<AgentLine> all, int atRisk) {
        // Waiting = every chat no person has yet, offered or not; its wait counts from its place in the queue.
        Long longest = java.util.Optional.ofNullable(snapshot.oldest()).or(() -> java.util.Optional.ofNullable(counts.oldestQueuedSince()))
                .map(java.time.Instant::toEpochMilli).orElse(null);
        if (counts.queued() == 0) {
            longest = null;
        }
        List<AgentLine> reachable = all.stream().filter(AgentLine::enabled)
                // routing offers waiting chats to online agents only (busy ones keep their chats and take no new offers)
                .filter(a -> a.presence() == dev.handoff.identity.entity.Presence.ONLINE)
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

    private static int count(List<AgentLine> all, String presence) {
        return (int) all.stream().filter(a -> a.enabled() && a.presence().name().equals(presence)).count();
    }

    public Totals getTotals() {
        if (totals == null) {
            refresh();
        }
        return totals == null ? new Totals(0, null, 0, 0, 0, 0, 0, List.of()) : totals;
    }

    private static AgentRow row(AgentLine a, QueueSnapshot.AgentLoad l) {
        return new AgentRow(a.username(), a.name(), a.presence().name().toLowerCase(Locale.ROOT), a,
                l == null ? 0 : l.chats(), a.capacity(), l == null ? 0 : l.offers(), l == null ? 0 : l.idleChats(), l == null ? 0 : l.load());
    }

    /**
     * A row's Assign: fills the one assign dialog for that chat (the page's remote command carries its id) with
     * the agents who can take a chat now, read afresh, and tells the page to show it.
     */
    public void openAssign() {
        ConversationView chat = openChat(requestedId());
        if (chat == null || !"queued".equals(chat.state())) {
            Messages.error("That chat is no longer waiting.");
            refresh();
            return;
        }
        assignConversation = chat.id();
        assignChat = chat.customer().displayName() + " · " + chat.requiredSkill();
        assignAgent = null;
        assignProblem = null;
        assignItems = dev.handoff.web.faces.AgentChoices.reachable(profiles.roster(), null);
        PrimeFaces.current().ajax().addCallbackParam("assignOpen", true);
    }

    /** The dialog's Assign: hands the chat to the agent chosen; the dialog closes unless no agent was chosen. */
    public void assignChosen() {
        if (assignAgent == null || assignAgent.isBlank()) {
            assignProblem = "Choose the agent to assign the chat to.";
            return;
        }
        assignProblem = null;
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        String conversationId = assignConversation;
        String agent = assignAgent;
        if (conversationId != null && Messages.attempt(() -> desk.assign(conversationId, me, agent)) != null) {
            Messages.info("Assigned to " + agent + ".");
        }
        PrimeFaces.current().ajax().addCallbackParam("assignDone", true);
        refresh();
    }

    /** A row's "Back to queue": puts an owned chat back in the queue (front of its skill's line), with a note. */
    public void requeue() {
        ConversationView chat = openChat(requestedId());
        if (chat == null || !"assigned".equals(chat.state())) {
            Messages.error("That chat is no longer with an agent.");
        } else if (Messages.attempt(() -> teamwork.transferToSkill(chat.id(), chat.requiredSkill(), null))) {
            Messages.info("Back in the " + chat.requiredSkill() + " queue.");
        }
        refresh();
    }

    /** The chat id a row's button sent (the page's one remote command per action), or null. */
    private static String requestedId() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        return id == null || id.isBlank() || id.length() > 36 ? null : id;
    }

    /** A chat of the open-handoffs table, as the server last read it (read again if the page was not loaded here). */
    private ConversationView openChat(String id) {
        if (id == null) {
            return null;
        }
        return getHandoffs().stream().filter(h -> h.id().equals(id)).findFirst().orElse(null);
    }

    public String getAssignChat() {
        return assignChat;
    }

    public String getAssignAgent() {
        return assignAgent;
    }

    public void setAssignAgent(String assignAgent) {
        this.assignAgent = assignAgent;
    }

    public String getAssignProblem() {
        return assignProblem;
    }

    /** The agents the chat in the dialog can be given to: online or busy when the dialog opened. */
    public List<jakarta.faces.model.SelectItem> getAssignItems() {
        if (assignItems == null && assignConversation != null) {
            // the view was stored away (a server that passivates or replicates sessions): read the agents again,
            // so the choice made in the open dialog is still one of its items when it is checked
            assignItems = dev.handoff.web.faces.AgentChoices.reachable(profiles.roster(), null);
        }
        return assignItems == null ? List.of() : assignItems;
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

    public List<HandoffRow> getHandoffRows() {
        if (handoffRows == null) {
            handoffRows = getHandoffs().stream().map(HandoffRow::of).toList();
        }
        return handoffRows;
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
