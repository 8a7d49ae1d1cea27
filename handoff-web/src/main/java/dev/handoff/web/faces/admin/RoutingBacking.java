package dev.handoff.web.faces.admin;

import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.routing.boundary.RoutingPolicyService;
import dev.handoff.routing.boundary.RoutingPolicyService.PolicyVersion;
import dev.handoff.routing.control.RoutingPolicy;
import dev.handoff.routing.control.RoutingPolicy.Match;
import dev.handoff.routing.control.RoutingPolicy.OwnerReply;
import dev.handoff.routing.control.RoutingPolicy.Ring;
import dev.handoff.routing.control.RoutingPolicy.Strategy;
import dev.handoff.routing.control.RoutingPolicy.UnresponsiveAction;
import dev.handoff.identity.entity.Agent;
import dev.handoff.web.faces.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Backs admin/routing.xhtml: the live routing policy's fields as a form (the draft), published as the
 * next version; history and rollback. Weights, priority and related skills are kept as they are.
 */
@Named
@ViewScoped
public class RoutingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RoutingPolicyService policies;

    @Inject
    AgentProfiles profiles;

    private transient PolicyVersion live;
    private transient List<PolicyVersion> history;
    private Strategy strategy;
    private List<RingRow> rings;
    private int offerTimeoutSeconds;
    private double idleChatWeight;
    private int idleAfterSeconds;
    private int unresponsiveOwnerSeconds;
    private UnresponsiveAction unresponsiveAction;
    private List<TeamRuleRow> teamRules;
    private List<String> teams;
    private int queueCap;
    private String pilotGroup;
    private String note;

    /** One overflow ring, editable. */
    public static class RingRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private int afterSeconds;
        private Match match = Match.SKILL;
        private int minProficiency = 1;
        private boolean sameLanguage = true;

        public int getAfterSeconds() {
            return afterSeconds;
        }

        public void setAfterSeconds(int afterSeconds) {
            this.afterSeconds = afterSeconds;
        }

        public Match getMatch() {
            return match;
        }

        public void setMatch(Match match) {
            this.match = match;
        }

        public int getMinProficiency() {
            return minProficiency;
        }

        public void setMinProficiency(int minProficiency) {
            this.minProficiency = minProficiency;
        }

        public boolean isSameLanguage() {
            return sameLanguage;
        }

        public void setSameLanguage(boolean sameLanguage) {
            this.sameLanguage = sameLanguage;
        }
    }

    /** One team's own owner-reply rule, editable. */
    public static class TeamRuleRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String team;
        private int seconds;
        /** The action's name: the form's rows are the page's, not the engine's types. */
        private String action = "REQUEUE_FRONT";

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public int getSeconds() {
            return seconds;
        }

        public void setSeconds(int seconds) {
            this.seconds = seconds;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }
    }

    @PostConstruct
    void load() {
        live = policies.live();
        history = null;
        RoutingPolicy p = live.policy();
        strategy = p.strategy();
        rings = new ArrayList<>();
        for (Ring r : p.rings()) {
            RingRow row = new RingRow();
            row.afterSeconds = r.afterSeconds();
            row.match = r.match();
            row.minProficiency = r.minProficiency();
            row.sameLanguage = r.sameLanguage();
            rings.add(row);
        }
        offerTimeoutSeconds = p.offerTimeoutSeconds();
        idleChatWeight = p.idleChatWeight();
        idleAfterSeconds = p.idleAfterSeconds();
        unresponsiveOwnerSeconds = p.unresponsiveOwnerSeconds();
        unresponsiveAction = p.unresponsiveAction();
        teamRules = new ArrayList<>();
        p.teamOwnerReply().forEach((team, rule) -> {
            TeamRuleRow row = new TeamRuleRow();
            row.team = team;
            row.seconds = rule.seconds();
            row.action = rule.action().name();
            teamRules.add(row);
        });
        queueCap = p.queueCap();
        List<Agent> agents = profiles.agents();
        teams = agents.stream().map(Agent::getTeam).filter(t -> t != null && !t.isBlank()).distinct().sorted().toList();
        Map<Long, String> names = agents.stream().collect(Collectors.toMap(Agent::getId, Agent::getUsername));
        pilotGroup = p.pilotGroup().stream().map(id -> names.getOrDefault(id, "#" + id)).sorted().collect(Collectors.joining(", "));
        note = null;
    }

    public void publish() {
        PolicyVersion published = Messages.attempt(() -> policies.publish(draft(), user(), note));
        if (published != null) {
            Messages.info("Published version " + published.versionNo() + "; routing follows it now.");
            load();
        }
    }

    public void rollback(int versionNo) {
        if (Messages.attempt(() -> policies.rollback(versionNo, user())) != null) {
            Messages.info("Version " + versionNo + " is live again, as a new version.");
            load();
        }
    }

    public void addRing() {
        RingRow row = new RingRow();
        row.afterSeconds = rings.isEmpty() ? 0 : rings.get(rings.size() - 1).afterSeconds + 60;
        row.match = Match.ANY;
        row.sameLanguage = false;
        rings.add(row);
    }

    public void removeRing(int index) {
        if (index > 0 && index < rings.size()) {
            rings.remove(index);
        }
    }

    /** A rule for the first team that has none yet, starting from the default rule. */
    public void addTeamRule() {
        Set<String> taken = teamRules.stream().map(TeamRuleRow::getTeam).collect(Collectors.toSet());
        getTeams().stream().filter(t -> !taken.contains(t)).findFirst().ifPresentOrElse(team -> {
            TeamRuleRow row = new TeamRuleRow();
            row.team = team;
            row.seconds = unresponsiveOwnerSeconds;
            row.action = unresponsiveAction.name();
            teamRules.add(row);
        }, () -> Messages.error("Every team has its own rule already. Teams are set on Users & agents."));
    }

    public void removeTeamRule(int index) {
        if (index >= 0 && index < teamRules.size()) {
            teamRules.remove(index);
        }
    }

    /** The teams agents belong to, for the per-team rules. */
    public List<String> getTeams() {
        return teams;
    }

    /** The form as a policy; the record's constructor names any bad field. */
    RoutingPolicy draft() {
        RoutingPolicy base = live.policy();
        List<Ring> ringList = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            RingRow r = rings.get(i);
            try {
                ringList.add(new Ring(r.afterSeconds, r.match, r.match == Match.ANY ? 1 : r.minProficiency, r.sameLanguage));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rings[" + i + "]." + e.getMessage(), e);
            }
        }
        return new RoutingPolicy(strategy, base.weights(), base.priority(), ringList, base.relatedSkills(), offerTimeoutSeconds,
                idleChatWeight, idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotIds(),
                teamOwnerReply());
    }

    private Map<String, OwnerReply> teamOwnerReply() {
        Map<String, OwnerReply> byTeam = new LinkedHashMap<>();
        for (TeamRuleRow row : teamRules) {
            if (row.team == null || row.team.isBlank()) {
                throw new IllegalArgumentException("Per-team rules: choose a team for every row");
            }
            OwnerReply rule;
            try {
                rule = new OwnerReply(row.seconds, action(row.action));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Per-team rules, team " + row.team + ": " + e.getMessage(), e);
            }
            if (byTeam.put(row.team, rule) != null) {
                throw new IllegalArgumentException("Per-team rules: team " + row.team + " has two rows");
            }
        }
        return byTeam;
    }

    /** The action a row names; the menu offers only these, anything else is refused in words. */
    private static UnresponsiveAction action(String name) {
        for (UnresponsiveAction a : UnresponsiveAction.values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("choose what happens when the owner does not reply");
    }

    private Set<Long> pilotIds() {
        Map<String, Long> ids = profiles.agents().stream().collect(Collectors.toMap(Agent::getUsername, Agent::getId, (a, b) -> a));
        Set<Long> group = new TreeSet<>();
        for (String name : Arrays.asList((pilotGroup == null ? "" : pilotGroup).split("[,\\s]+"))) {
            if (name.isBlank()) {
                continue;
            }
            Long id = ids.get(name.strip().toLowerCase());
            if (id == null) {
                throw new IllegalArgumentException("pilotGroup: '" + name.strip() + "' is not an agent");
            }
            group.add(id);
        }
        return group;
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public PolicyVersion getLive() {
        return live;
    }

    public List<PolicyVersion> getHistory() {
        if (history == null) {
            history = policies.history();
        }
        return history;
    }

    public Strategy[] getStrategies() {
        return Strategy.values();
    }

    public Match[] getMatches() {
        return Match.values();
    }

    public UnresponsiveAction[] getUnresponsiveActions() {
        return UnresponsiveAction.values();
    }


    public Strategy getStrategy() {
        return strategy;
    }

    public void setStrategy(Strategy strategy) {
        this.strategy = strategy;
    }

    public List<RingRow> getRings() {
        return rings;
    }

    public int getOfferTimeoutSeconds() {
        return offerTimeoutSeconds;
    }

    public void setOfferTimeoutSeconds(int offerTimeoutSeconds) {
        this.offerTimeoutSeconds = offerTimeoutSeconds;
    }

    public double getIdleChatWeight() {
        return idleChatWeight;
    }

    public void setIdleChatWeight(double idleChatWeight) {
        this.idleChatWeight = idleChatWeight;
    }

    public int getIdleAfterSeconds() {
        return idleAfterSeconds;
    }

    public void setIdleAfterSeconds(int idleAfterSeconds) {
        this.idleAfterSeconds = idleAfterSeconds;
    }

    public int getUnresponsiveOwnerSeconds() {
        return unresponsiveOwnerSeconds;
    }

    public void setUnresponsiveOwnerSeconds(int unresponsiveOwnerSeconds) {
        this.unresponsiveOwnerSeconds = unresponsiveOwnerSeconds;
    }

    public UnresponsiveAction getUnresponsiveAction() {
        return unresponsiveAction;
    }

    public void setUnresponsiveAction(UnresponsiveAction unresponsiveAction) {
        this.unresponsiveAction = unresponsiveAction;
    }

    public List<TeamRuleRow> getTeamRules() {
        return teamRules;
    }

    public int getQueueCap() {
        return queueCap;
    }

    public void setQueueCap(int queueCap) {
        this.queueCap = queueCap;
    }

    public String getPilotGroup() {
        return pilotGroup;
    }

    public void setPilotGroup(String pilotGroup) {
        this.pilotGroup = pilotGroup;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
