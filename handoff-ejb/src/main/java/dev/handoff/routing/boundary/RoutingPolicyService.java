package dev.handoff.routing.boundary;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.routing.control.RoutingPolicy;
import dev.handoff.routing.control.RoutingPolicyJson;
import dev.handoff.routing.entity.RoutingPolicyVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The routing policy as versioned configuration: the live version, publishing a new one (the
 * engine switches to it in the same transaction), history and rollback. The admin page edits a
 * copy of the live policy; that form is the draft, and publishing stores it as version n+1.
 */
@Stateless
public class RoutingPolicyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingService routing;

    @Inject
    RoutingDesk desk;

    @Inject
    Clock clock;

    /** A policy version as the portal and API show it; version 0 is the built-in default. */
    public record PolicyVersion(int versionNo, RoutingPolicy policy, String status, String publishedBy, Instant publishedAt,
            String changeNote) {

        /**
         * The version that started the live pilot: of the versions newest first (the first is the live
         * one), the oldest of the unbroken run that has the live version's pilot group. Empty when the
         * live version has no pilot group.
         */
        public static java.util.Optional<PolicyVersion> pilotStart(List<PolicyVersion> newestFirst) {
            if (newestFirst.isEmpty() || newestFirst.get(0).policy().pilotGroup().isEmpty()) {
                return java.util.Optional.empty();
            }
            java.util.Set<Long> group = newestFirst.get(0).policy().pilotGroup();
            PolicyVersion start = newestFirst.get(0);
            for (PolicyVersion v : newestFirst) {
                if (!v.policy().pilotGroup().equals(group)) {
                    break;
                }
                start = v;
            }
            return java.util.Optional.of(start);
        }
    }

    /** The published pilot group: its agents' usernames and when it was published (the pilot's start). */
    public record PilotGroup(java.util.Set<String> agents, Instant since, int sinceVersion) {}

    public PolicyVersion live() {
        return em.createNamedQuery(RoutingPolicyVersion.FIND_LIVE, RoutingPolicyVersion.class).setMaxResults(1)
                .getResultStream().findFirst().map(RoutingPolicyService::view)
                .orElseGet(() -> new PolicyVersion(0, desk.builtInPolicy(), "BUILT-IN", null, null, "the shipped defaults"));
    }

    public List<PolicyVersion> history() {
        return em.createNamedQuery(RoutingPolicyVersion.FIND_HISTORY, RoutingPolicyVersion.class).setMaxResults(50)
                .getResultStream().map(RoutingPolicyService::view).toList();
    }

    /** The live pilot group, if one is published: the agents' usernames and the version that published it. */
    public java.util.Optional<PilotGroup> pilotGroup() {
        return PolicyVersion.pilotStart(history()).map(start -> {
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (Long id : start.policy().pilotGroup()) {
                dev.handoff.identity.entity.Agent agent = em.find(dev.handoff.identity.entity.Agent.class, id);
                if (agent != null) {
                    names.add(agent.getUsername());
                }
            }
            return new PilotGroup(java.util.Set.copyOf(names), start.publishedAt(), start.versionNo());
        });
    }

    /** Stores the policy as the next version, retires the live one and routes under the new policy at once. */
    public PolicyVersion publish(RoutingPolicy policy, String by, String note) {
        if (policy == null) {
            throw new InvalidInputException("policy", "a policy is required");
        }
        Integer max = em.createNamedQuery(RoutingPolicyVersion.MAX_NUMBER, Integer.class).getSingleResult();
        int next = max == null ? 1 : max + 1;
        em.createNamedQuery(RoutingPolicyVersion.FIND_LIVE, RoutingPolicyVersion.class).getResultList()
                .forEach(RoutingPolicyVersion::retire);
        RoutingPolicyVersion version = new RoutingPolicyVersion(next, RoutingPolicyJson.write(policy), by, clock.instant(), note);
        em.persist(version);
        em.flush();
        routing.applyPolicy(policy, next);
        return view(version);
    }

    /** Publishes a JSON document; a bad field becomes an {@link InvalidInputException} naming it. */
    public PolicyVersion publishJson(String json, String by, String note) {
        RoutingPolicy policy;
        try {
            policy = RoutingPolicyJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("policy", e.getMessage());
        }
        return publish(policy, by, note);
    }

    /** Publishes a copy of an earlier version as the next version. */
    public PolicyVersion rollback(int versionNo, String by) {
        RoutingPolicyVersion old = em.createNamedQuery(RoutingPolicyVersion.FIND_BY_NUMBER, RoutingPolicyVersion.class)
                .setParameter("versionNo", versionNo).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("routing policy version " + versionNo + " does not exist"));
        return publish(RoutingPolicyJson.read(old.getDocument()), by, "rollback to version " + versionNo);
    }

    private static PolicyVersion view(RoutingPolicyVersion v) {
        return new PolicyVersion(v.getVersionNo(), RoutingPolicyJson.read(v.getDocument()), v.getStatus(), v.getPublishedBy(),
                v.getPublishedAt(), v.getChangeNote());
    }
}
