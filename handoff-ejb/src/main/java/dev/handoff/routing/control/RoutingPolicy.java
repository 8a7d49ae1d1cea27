package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the {@link RoutingEngine} chooses: immutable, made of records, enums, lists, sets and maps of
 * strings and numbers only, so it can be stored and versioned as a JSON document (JSON-B maps
 * records). The compact constructor rejects bad values with a message naming the field, e.g.
 * {@code "rings[1].afterSeconds must be greater than rings[0].afterSeconds"}.
 *
 * @param strategy how an agent is chosen among those who match the current ring
 * @param weights the terms of the {@link Strategy#SKILL_SCORE} score
 * @param priority how urgent a waiting handoff is, and how fast waiting makes it more urgent
 * @param rings the overflow steps, the first at 0 seconds; each step widens who may be offered
 * @param relatedSkills required skill → other skills whose agents may serve it in a {@link Match#RELATED} ring
 * @param offerTimeoutSeconds how long an agent has to accept an offer before it goes to the next
 * @param idleChatWeight what a chat counts against capacity once its customer has been silent for
 *     {@code idleAfterSeconds} (1 = no dynamic capacity)
 * @param idleAfterSeconds customer silence after which a chat counts as idle
 * @param unresponsiveOwnerSeconds how long a customer may wait for the owning agent's reply before
 *     {@code unresponsiveAction} applies (0 = never)
 * @param unresponsiveAction what happens then
 * @param queueCap the most handoffs that may wait at once; enqueue reports {@code QUEUE_FULL} beyond
 * @param pilotGroup when not empty, only these agent ids are routed work
 * @param teamOwnerReply team name → that team's own owner-reply rule, in place of
 *     {@code unresponsiveOwnerSeconds} and {@code unresponsiveAction} for chats its agents own
 */
public record RoutingPolicy(Strategy strategy, Weights weights, Priority priority, List<Ring> rings,
        Map<String, Set<String>> relatedSkills, int offerTimeoutSeconds, double idleChatWeight, int idleAfterSeconds,
        int unresponsiveOwnerSeconds, UnresponsiveAction unresponsiveAction, int queueCap, Set<Long> pilotGroup,
        Map<String, OwnerReply> teamOwnerReply) {

    /** Highest proficiency and highest seniority tier the engine indexes. */
    public static final int MAX_LEVEL = 5;

    /** As {@code agent.team} holds. */
    public static final int MAX_TEAM_NAME = 64;

    public enum Strategy {
        /** Highest weighted score: proficiency, spare capacity, idle time, seniority for high priority. */
        SKILL_SCORE,
        /** Lowest load relative to capacity; then longest idle. */
        LEAST_BUSY,
        /** Whoever was offered work least recently. */
        ROUND_ROBIN
    }

    /** Which agents a ring admits. */
    public enum Match {
        /** Agents with the handoff's required skill at {@code minProficiency} or better. */
        SKILL,
        /** As {@link #SKILL}, or with a skill related to it at {@code minProficiency} or better. */
        RELATED,
        /** Any available agent, whatever team or skills. */
        ANY
    }

    public enum UnresponsiveAction {
        /** Take the chat from the owner and put it at the front of the queue. */
        REQUEUE_FRONT,
        /** Leave the chat with the owner and report it for a supervisor. */
        SUPERVISOR
    }

    /**
     * How long a customer may wait for the owning agent's reply, and what happens then.
     *
     * @param seconds 0 = never
     */
    public record OwnerReply(int seconds, UnresponsiveAction action) {
        /** The longest rule: a day. Past that a chat is not "waiting for a reply" but abandoned by the desk. */
        public static final int MAX_SECONDS = 86_400;

        public OwnerReply {
            if (seconds < 0 || seconds > MAX_SECONDS) {
                throw new InvalidInputException("seconds must be from 0 (off) to " + MAX_SECONDS + ", was " + seconds);
            }
            if (action == null) {
                action = UnresponsiveAction.REQUEUE_FRONT;
            }
        }

        boolean off() {
            return seconds == 0;
        }
    }

    /**
     * The {@link Strategy#SKILL_SCORE} terms: score = proficiency × level + load × (1 − load/capacity)
     * + idlePerMinute × minutes since last assignment + (for high priority handoffs) seniority × tier.
     */
    public record Weights(double proficiency, double load, double idlePerMinute, double seniority) {
        public Weights {
            nonNegative("weights.proficiency", proficiency);
            nonNegative("weights.load", load);
            nonNegative("weights.idlePerMinute", idlePerMinute);
            nonNegative("weights.seniority", seniority);
        }
    }

    /**
     * Priority points = urgency × urgency weight + account tier × tier weight. Waiting adds
     * {@code agingPerMinute} points a minute, so a handoff with {@code p} points is ordered as if it
     * had been enqueued {@code p / agingPerMinute} minutes earlier; nobody starves.
     *
     * @param highPriorityPoints from this many points on, seniority counts in the score
     */
    public record Priority(double urgency, double accountTier, double agingPerMinute, double highPriorityPoints) {
        public Priority {
            nonNegative("priority.urgency", urgency);
            nonNegative("priority.accountTier", accountTier);
            if (!(agingPerMinute > 0)) {
                throw new InvalidInputException("priority.agingPerMinute must be greater than 0, was " + agingPerMinute);
            }
            nonNegative("priority.highPriorityPoints", highPriorityPoints);
        }

        public double points(int urgency, int accountTier) {
            return this.urgency * urgency + this.accountTier * accountTier;
        }

        /** How many seconds earlier than its real enqueue time a handoff with these points is ordered. */
        public double headStartSeconds(double points) {
            return points / agingPerMinute * 60;
        }
    }

    /**
     * One overflow step, in force from {@code afterSeconds} of waiting on. Rings widen: the engine
     * tries ring 0 first, then 1, … up to the ring the handoff has reached.
     *
     * @param minProficiency ignored for {@link Match#ANY}
     * @param sameLanguage whether the agent must speak the handoff's language
     */
    public record Ring(int afterSeconds, Match match, int minProficiency, boolean sameLanguage) {
        public Ring {
            if (afterSeconds < 0) {
                throw new InvalidInputException("afterSeconds must be 0 or more, was " + afterSeconds);
            }
            if (match == null) {
                throw new InvalidInputException("match is required");
            }
            if (match != Match.ANY && (minProficiency < 1 || minProficiency > MAX_LEVEL)) {
                throw new InvalidInputException("minProficiency must be from 1 to " + MAX_LEVEL + ", was " + minProficiency);
            }
        }
    }

    public RoutingPolicy {
        if (strategy == null) {
            strategy = Strategy.SKILL_SCORE;
        }
        if (weights == null) {
            throw new InvalidInputException("weights is required");
        }
        if (priority == null) {
            throw new InvalidInputException("priority is required");
        }
        if (rings == null || rings.isEmpty()) {
            throw new InvalidInputException("rings must have at least one ring");
        }
        for (int i = 0; i < rings.size(); i++) {
            Ring ring = rings.get(i);
            if (ring == null) {
                throw new InvalidInputException("rings[" + i + "] is null");
            }
            if (i == 0 && ring.afterSeconds() != 0) {
                throw new InvalidInputException("rings[0].afterSeconds must be 0, was " + ring.afterSeconds());
            }
            if (i > 0 && ring.afterSeconds() <= rings.get(i - 1).afterSeconds()) {
                throw new InvalidInputException("rings[" + i + "].afterSeconds must be greater than rings[" + (i - 1)
                        + "].afterSeconds");
            }
            if (i > 0) {
                widens(i, rings.get(i - 1), ring);
            }
        }
        rings = List.copyOf(rings);
        Map<String, Set<String>> related = new TreeMap<>();
        if (relatedSkills != null) {
            relatedSkills.forEach((skill, others) -> {
                if (skill == null || skill.isBlank() || others == null || others.stream().anyMatch(java.util.Objects::isNull)) {
                    throw new InvalidInputException("relatedSkills must map skill names to sets of skill names");
                }
                Set<String> copy = new TreeSet<>(others);
                copy.remove(skill);
                related.put(skill, Set.copyOf(copy));
            });
        }
        relatedSkills = Map.copyOf(related);
        if (offerTimeoutSeconds < 1) {
            throw new InvalidInputException("offerTimeoutSeconds must be 1 or more, was " + offerTimeoutSeconds);
        }
        if (!(idleChatWeight >= 0 && idleChatWeight <= 1)) {
            throw new InvalidInputException("idleChatWeight must be from 0 to 1, was " + idleChatWeight);
        }
        if (idleAfterSeconds < 1) {
            throw new InvalidInputException("idleAfterSeconds must be 1 or more, was " + idleAfterSeconds);
        }
        if (unresponsiveOwnerSeconds < 0 || unresponsiveOwnerSeconds > OwnerReply.MAX_SECONDS) {
            throw new InvalidInputException("unresponsiveOwnerSeconds must be from 0 (off) to " + OwnerReply.MAX_SECONDS
                    + ", was " + unresponsiveOwnerSeconds);
        }
        if (unresponsiveAction == null) {
            unresponsiveAction = UnresponsiveAction.REQUEUE_FRONT;
        }
        Map<String, OwnerReply> teams = new TreeMap<>();
        if (teamOwnerReply != null) {
            teamOwnerReply.forEach((team, rule) -> {
                if (team == null || team.isBlank() || team.strip().length() > MAX_TEAM_NAME) {
                    throw new InvalidInputException("teamOwnerReply: a team name must have 1 to " + MAX_TEAM_NAME
                            + " characters");
                }
                if (rule == null) {
                    throw new InvalidInputException("teamOwnerReply." + team.strip() + " needs seconds and an action");
                }
                if (teams.put(team.strip(), rule) != null) {
                    throw new InvalidInputException("teamOwnerReply: team " + team.strip() + " is given twice");
                }
            });
        }
        teamOwnerReply = Map.copyOf(teams);
        if (queueCap < 1) {
            throw new InvalidInputException("queueCap must be 1 or more, was " + queueCap);
        }
        pilotGroup = pilotGroup == null ? Set.of() : Set.copyOf(pilotGroup);
    }

    /**
     * The shipped policy: skill score; rings at 0 s (skill ≥ 3, same language), 60 s (skill ≥ 1, same
     * language), 120 s (related skill, same language), 180 s (any agent); 45 s to accept; idle chats
     * count 0.1 after 120 s of customer silence; the owner has 180 s to answer before the chat is
     * requeued at the front; 10,000 waiting at most; no pilot group.
     */
    public static RoutingPolicy defaults() {
        return new RoutingPolicy(Strategy.SKILL_SCORE, new Weights(10, 5, 1, 4), new Priority(2, 3, 1, 10),
                List.of(new Ring(0, Match.SKILL, 3, true), new Ring(60, Match.SKILL, 1, true),
                        new Ring(120, Match.RELATED, 1, true), new Ring(180, Match.ANY, 1, false)),
                Map.of(), 45, 0.1, 120, 180, UnresponsiveAction.REQUEUE_FRONT, 10_000, Set.of(), Map.of());
    }

    public RoutingPolicy withStrategy(Strategy strategy) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withRings(List<Ring> rings) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withRelatedSkills(Map<String, Set<String>> relatedSkills) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withQueueCap(int queueCap) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withPilotGroup(Set<Long> pilotGroup) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withIdleChats(double idleChatWeight, int idleAfterSeconds) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withUnresponsiveOwner(int seconds, UnresponsiveAction action) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, seconds, action, queueCap, pilotGroup, teamOwnerReply);
    }

    public RoutingPolicy withTeamOwnerReply(Map<String, OwnerReply> teamOwnerReply) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    /** The owner-reply rule for chats owned by an agent of this team (null or '' = no team): its own, or the default. */
    public OwnerReply ownerReply(String team) {
        OwnerReply own = team == null ? null : teamOwnerReply.get(team);
        return own != null ? own : new OwnerReply(unresponsiveOwnerSeconds, unresponsiveAction);
    }

    /** The shortest owner-reply time in force for any team (0 when the rule is off everywhere). */
    int shortestOwnerReplySeconds() {
        int shortest = unresponsiveOwnerSeconds;
        for (OwnerReply rule : teamOwnerReply.values()) {
            if (!rule.off() && (shortest == 0 || rule.seconds() < shortest)) {
                shortest = rule.seconds();
            }
        }
        return shortest;
    }

    public RoutingPolicy withOfferTimeoutSeconds(int offerTimeoutSeconds) {
        return new RoutingPolicy(strategy, weights, priority, rings, relatedSkills, offerTimeoutSeconds, idleChatWeight,
                idleAfterSeconds, unresponsiveOwnerSeconds, unresponsiveAction, queueCap, pilotGroup, teamOwnerReply);
    }

    boolean inPilot(long agentId) {
        return pilotGroup.isEmpty() || pilotGroup.contains(agentId);
    }

    /** Each ring must admit everyone the ring before it admitted, so a later ring only adds agents. */
    private static void widens(int i, Ring previous, Ring ring) {
        String field = "rings[" + i + "]";
        if (ring.match().compareTo(previous.match()) < 0) {
            throw new InvalidInputException(field + ".match must not be narrower than " + previous.match());
        }
        if (ring.sameLanguage() && !previous.sameLanguage()) {
            throw new InvalidInputException(field + ".sameLanguage must be false once an earlier ring dropped it");
        }
        if (ring.match() == previous.match() && ring.match() != Match.ANY
                && ring.minProficiency() > previous.minProficiency()) {
            throw new InvalidInputException(field + ".minProficiency must not be above rings[" + (i - 1)
                    + "].minProficiency");
        }
        if (ring.match() == Match.RELATED && previous.match() == Match.SKILL
                && ring.minProficiency() > previous.minProficiency()) {
            throw new InvalidInputException(field + ".minProficiency must not be above rings[" + (i - 1)
                    + "].minProficiency");
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(field + " must be 0 or more, was " + value);
        }
    }
}
