package dev.handoff.metrics.boundary;

import dev.handoff.metrics.control.Counter;
import dev.handoff.metrics.control.Histogram;
import dev.handoff.metrics.control.PrometheusText;
import dev.handoff.metrics.control.RollupStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * Figures for operations in the Prometheus text format: the queue now (depth per skill, waiting
 * customers, chats owned, offers pending) from the live tables, and totals since the roll-ups began
 * (conversations, escalations, abandonment, the time-to-agent histogram, trigger firings).
 */
@Stateless
public class OperationsMetrics {

    @PersistenceContext
    EntityManager em;

    @Inject
    RollupStore rollups;

    @jakarta.ejb.EJB
    dev.handoff.platform.cluster.ClusterDuties duties;

    @jakarta.ejb.EJB
    dev.handoff.routing.boundary.RoutingDesk routingDesk;

    @Inject
    dev.handoff.routing.boundary.RoutingRequests routingRequests;

    public String exposition() {
        PrometheusText text = new PrometheusText();
        List<Object[]> queued = em.createQuery("SELECT c.requiredSkill, COUNT(c) FROM Conversation c "
                + "WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED GROUP BY c.requiredSkill", Object[].class).getResultList();
        text.header("handoff_queue_depth", "gauge", "Conversations waiting for a person, per required skill.");
        long waiting = 0;
        for (Object[] row : queued) {
            long n = ((Number) row[1]).longValue();
            waiting += n;
            text.sample("handoff_queue_depth", Map.of("skill", row[0] == null ? "" : row[0].toString()), n);
        }
        text.header("handoff_waiting_customers", "gauge", "Customers waiting for a person, all skills.").sample("handoff_waiting_customers", waiting);
        long assigned = em.createQuery("SELECT COUNT(c) FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED",
                Long.class).getSingleResult();
        text.header("handoff_chats_owned", "gauge", "Chats an agent owns now.").sample("handoff_chats_owned", assigned);
        long offers = em.createQuery("SELECT COUNT(o) FROM Offer o WHERE o.state = dev.handoff.routing.entity.OfferState.PENDING",
                Long.class).getSingleResult();
        text.header("handoff_offers_pending", "gauge", "Offers made to agents and not yet answered.").sample("handoff_offers_pending", offers);

        Map<String, Long> totals = rollups.totals();
        text.header("handoff_conversations_started_total", "counter", "Conversations started (since the roll-ups began).")
                .sample("handoff_conversations_started_total", totals.get("started"));
        text.header("handoff_escalations_total", "counter", "Conversations handed to people.")
                .sample("handoff_escalations_total", totals.get("escalated"));
        text.header("handoff_abandoned_total", "counter", "Escalated conversations that ended while still waiting.")
                .sample("handoff_abandoned_total", totals.get("abandoned"));
        long[] buckets = new long[Counter.TTA_BOUNDS.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = totals.get(Counter.values()[Counter.TTA_H0.ordinal() + i].column());
        }
        text.histogram("handoff_time_to_agent_seconds", "Seconds from escalation to the first acceptance.", Histogram.ttaBounds(),
                buckets, totals.get("tta_sum"));

        @SuppressWarnings("unchecked")
        List<Object[]> fired = em.createNativeQuery("SELECT trig, SUM(fired), SUM(not_needed) FROM metric_trigger_daily GROUP BY trig ORDER BY trig")
                .getResultList();
        text.header("handoff_trigger_firings_total", "counter", "Escalations each trigger took part in.");
        for (Object[] row : fired) {
            text.sample("handoff_trigger_firings_total", Map.of("trigger", String.valueOf(row[0])), ((Number) row[1]).doubleValue());
        }
        text.header("handoff_trigger_not_needed_total", "counter", "Escalations flagged \"not needed\" against each trigger.");
        for (Object[] row : fired) {
            text.sample("handoff_trigger_not_needed_total", Map.of("trigger", String.valueOf(row[0])), ((Number) row[2]).doubleValue());
        }
        integrations(text);
        cluster(text);
        return text.toString();
    }

    /** Whether this server does the once-per-cluster duties, and how often each ran here (ADR 0038). */
    private void cluster(PrometheusText text) {
        text.header("handoff_cluster_duties_held", "gauge", "1 on the server that does the cluster-wide duties now, else 0.")
                .sample("handoff_cluster_duties_held", duties.held() ? 1 : 0);
        text.header("handoff_cluster_duty_runs_total", "counter", "Runs of each cluster-wide duty on this server since it started.");
        duties.runs().forEach((duty, runs) -> text.sample("handoff_cluster_duty_runs_total", Map.of("duty", duty), runs));
        // One routing engine per cluster (ADR 0044)
        text.header("handoff_routing_engine_holder", "gauge", "1 on the server whose routing engine routes (it holds the routing lease), else 0.")
                .sample("handoff_routing_engine_holder", duties.held(dev.handoff.platform.cluster.ClusterDuties.ROUTING) ? 1 : 0);
        text.header("handoff_routing_engine_ticks_total", "counter", "Routing ticks this server's engine ran (the holder's only) since it started.")
                .sample("handoff_routing_engine_ticks_total", routingDesk.ticks());
        text.header("handoff_routing_engine_takeovers_total", "counter", "Times this server took the routing engine over (loaded it from the database).")
                .sample("handoff_routing_engine_takeovers_total", routingDesk.takeOvers());
        text.header("handoff_routing_requests_pending", "gauge", "Routing requests written by servers without the engine and not yet applied (cluster-wide).")
                .sample("handoff_routing_requests_pending", routingRequests.pending());
        text.header("handoff_routing_requests_total", "counter", "Routing requests this server wrote for the engine's server, and applied as that server.")
                .sample("handoff_routing_requests_total", Map.of("event", "recorded"), routingDesk.requestsRecorded())
                .sample("handoff_routing_requests_total", Map.of("event", "drained"), routingDesk.requestsDrained());
    }

    /**
     * Per connector, from the outbox: what waits to be delivered, what gave up (dead letters), failed
     * attempts in the last 24 hours, and whether the connector is failing now. Gauges, not counters:
     * old attempts are purged, so a total since the start could go down.
     */
    private void integrations(PrometheusText text) {
        @SuppressWarnings("unchecked")
        List<Object[]> connectors = em.createNativeQuery("SELECT k.name, k.kind, CASE WHEN k.failing_since IS NULL THEN 0 ELSE 1 END,"
                + " (SELECT COUNT(*) FROM integration_outbox o WHERE o.connector_id = k.id AND o.status IN ('PENDING', 'SENDING')),"
                + " (SELECT COUNT(*) FROM integration_outbox o WHERE o.connector_id = k.id AND o.status = 'DEAD'),"
                + " (SELECT COUNT(*) FROM integration_attempt a WHERE a.connector_id = k.id AND a.ok = FALSE AND a.attempted_at >= ?1)"
                + " FROM integration_connector k ORDER BY k.name")
                .setParameter(1, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(24))))
                .getResultList();
        String[][] gauges = {
            {"handoff_integration_failing", "1 while the connector's last delivery failed (since its failing_since), else 0."},
            {"handoff_integration_undelivered", "Outbound events waiting to be delivered, per connector."},
            {"handoff_integration_dead_letters", "Outbound events given up after the last attempt, waiting for an admin's replay."},
            {"handoff_integration_failed_attempts_24h", "Delivery attempts that failed in the last 24 hours."}};
        for (int g = 0; g < gauges.length; g++) {
            text.header(gauges[g][0], "gauge", gauges[g][1]);
            for (Object[] row : connectors) {
                text.sample(gauges[g][0], new java.util.TreeMap<>(Map.of("connector", String.valueOf(row[0]), "kind", String.valueOf(row[1]))),
                        ((Number) row[2 + g]).doubleValue());
            }
        }
    }
}
