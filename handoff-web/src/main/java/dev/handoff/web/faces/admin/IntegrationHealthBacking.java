package dev.handoff.web.faces.admin;

import dev.handoff.integration.boundary.IntegrationHealth;
import dev.handoff.integration.boundary.IntegrationSettings;
import dev.handoff.integration.boundary.OutboxRowView;
import dev.handoff.integration.boundary.OutboxStore;
import dev.handoff.integration.boundary.OutboxWorker;
import dev.handoff.integration.entity.OutboxStatus;
import dev.handoff.web.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Backs admin/integration-health.xhtml: per connector the state, last success, error rate,
 * latency p50/p95, the undelivered queue and the dead letters, with replay (one row, or all of a
 * connector's) and "send test".
 */
@Named
@ViewScoped
public class IntegrationHealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntegrationHealth health;

    @Inject
    IntegrationSettings settings;

    @Inject
    OutboxStore outbox;

    @Inject
    OutboxWorker worker;

    @Inject
    Clock clock;

    private transient List<IntegrationHealth.ConnectorHealth> connectors;
    private transient List<IntegrationHealth.Completeness> completeness;

    public List<IntegrationHealth.ConnectorHealth> getConnectors() {
        if (connectors == null) {
            connectors = health.all();
        }
        return connectors;
    }

    public List<IntegrationHealth.Completeness> getCompleteness() {
        if (completeness == null) {
            completeness = health.completeness();
        }
        return completeness;
    }

    /** Discards a dead row for good (it is not delivered). */
    public void discard(long rowId) {
        if (Boolean.TRUE.equals(Messages.attempt(() -> outbox.discard(rowId)))) {
            Messages.info("Row " + rowId + " is discarded.");
        }
        connectors = null;
        completeness = null;
    }

    public List<OutboxRowView> dead(long connectorId) {
        return settings.rows(connectorId, OutboxStatus.DEAD, 50);
    }

    public List<OutboxRowView> pending(long connectorId) {
        return settings.rows(connectorId, OutboxStatus.PENDING, 20);
    }

    public void refresh() {
        connectors = null;
        completeness = null;
    }

    public void replay(long rowId, long connectorId) {
        if (Boolean.TRUE.equals(Messages.attempt(() -> outbox.replay(rowId, clock.instant())))) {
            worker.wake(connectorId);
            Messages.info("Row " + rowId + " is queued again.");
        }
        connectors = null;
    }

    public void replayAll(long connectorId) {
        Integer n = Messages.attempt(() -> outbox.replayDead(connectorId, clock.instant()));
        if (n != null) {
            worker.wake(connectorId);
            Messages.info(n + " dead row" + (n == 1 ? " is" : "s are") + " queued again.");
        }
        connectors = null;
    }

    public void sendTest(long connectorId) {
        if (Messages.attempt(() -> settings.sendTest(connectorId)) != null) {
            worker.wake(connectorId);
            Messages.info("Test queued.");
        }
        connectors = null;
    }

    /** "2 / 9": a day's and a week's figure. */
    public String pair(long day, long week) {
        return day + " / " + week;
    }

    public String percent(Double rate) {
        return rate == null ? "-" : String.format("%.0f %%", rate * 100);
    }

    public String millis(Long ms) {
        return ms == null ? "-" : ms + " ms";
    }

    /** "3 min" since an instant, or "-". */
    public String age(Instant since) {
        if (since == null) {
            return "-";
        }
        Duration d = Duration.between(since, clock.instant());
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        return d.toHours() < 1 ? d.toMinutes() + " min" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
