package dev.handoff.integration.boundary;

import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.integration.control.AlertMail;
import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.entity.Connector;
import dev.handoff.integration.entity.OutboxStatus;
import dev.handoff.platform.Mailer;
import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's upkeep, on two non-persistent timers. <b>Alerts</b> (every
 * {@code handoff.integrations.alert-check-seconds}): a connector failing longer than
 * {@code handoff.integrations.alert-after-seconds} gets one e-mail per incident to
 * {@code handoff.integrations.alert-emails} and to the admins whose user name is an e-mail address,
 * and one more when it recovers (only when SMTP is configured; the mail's time is kept on the
 * connector and moved by a conditional update before the mail goes out, so neither a restart nor a
 * second server sends it twice). <b>Purge</b> (hourly): delivered rows and
 * attempts older than {@code handoff.integrations.retention-days} are deleted in batches, each in
 * a short transaction of its own; dead rows stay until an admin replays or discards them.
 */
@Singleton
@Startup
@DependsOn({"Database", "ClusterDuties"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrationHousekeeping {

    private static final Logger LOG = Logger.getLogger(IntegrationHousekeeping.class.getName());
    static final String ALERTS = "handoff-integration-alerts";
    static final String PURGE = "handoff-outbox-purge";
    static final int PURGE_BATCH = 500;
    static final int MAX_BATCHES = 200;
    /** A mail the relay refused is tried again after this long, not on every check. */
    static final Duration MAIL_RETRY = Duration.ofMinutes(5);

    @Resource
    TimerService timers;

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboxStore store;

    @EJB
    ClusterDuties duties;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    private final Map<Long, Instant> mailFailedAt = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        long every = config.alertCheck().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(ALERTS, false));
        long hour = Duration.ofHours(1).toMillis();
        timers.createIntervalTimer(Duration.ofMinutes(5).toMillis(), hour, new TimerConfig(PURGE, false));
    }

    @Timeout
    void tick(Timer timer) {
        if (!duties.mayRun(PURGE.equals(timer.getInfo()) ? "integration-purge" : "integration-alerts")) {
            return;
        }
        try {
            if (PURGE.equals(timer.getInfo())) {
                purge(clock.instant().minus(config.retention()));
            } else {
                checkAlerts();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Integration upkeep (" + timer.getInfo() + ") failed; the next tick retries", e);
        }
    }

    /** Sends what is due: "failing" mails for new incidents, "recovered" mails for ended ones. How many were sent. */
    public int checkAlerts() {
        if (!mailer.configured()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String to = null;
        int sent = 0;
        for (Connector c : em.createNamedQuery(Connector.FIND_ALL, Connector.class).getResultList()) {
            AlertMail.State state = new AlertMail.State(c.getId(), c.getName(), c.isEnabled(), c.getFailingSince(), c.getAlertedAt(), c.getLastError(), 0);
            AlertMail.Action action = AlertMail.decide(state, now, config.alertAfter());
            if (action == AlertMail.Action.NONE) {
                continue;
            }
            if (action == AlertMail.Action.FORGET) {
                store.forgetAlert(c.getId());
                continue;
            }
            Instant failed = mailFailedAt.get(c.getId());
            if (failed != null && failed.plus(MAIL_RETRY).isAfter(now)) {
                continue;
            }
            if (to == null) {
                to = AlertMail.recipients(config.alertEmails(), adminNames());
                if (to.isEmpty()) {
                    return 0;
                }
            }
            if (action == AlertMail.Action.FAILING) {
                state = new AlertMail.State(c.getId(), c.getName(), true, c.getFailingSince(), null, c.getLastError(), undelivered(c.getId()));
            }
            // the mark moves first, so that of two servers only one sends; a mail the relay refused moves it back
            Instant before = c.getAlertedAt();
            Instant after = action == AlertMail.Action.FAILING ? now : null;
            if (!store.swapAlert(c.getId(), before, after)) {
                continue;
            }
            if (mailer.send(to, AlertMail.subject(action, state), AlertMail.body(action, state, now, config.publicUrl()))) {
                mailFailedAt.remove(c.getId());
                sent++;
            } else {
                store.swapAlert(c.getId(), after, before);
                mailFailedAt.put(c.getId(), now);
            }
        }
        return sent;
    }

    /** Deletes delivered rows and attempts older than {@code cutoff}, batch by batch; the counts. */
    public Purged purge(Instant cutoff) {
        int rows = 0;
        int attempts = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = store.purgeDelivered(cutoff, PURGE_BATCH);
            rows += n;
            if (n < PURGE_BATCH) {
                break;
            }
        }
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = store.purgeAttempts(cutoff, PURGE_BATCH);
            attempts += n;
            if (n < PURGE_BATCH) {
                break;
            }
        }
        if (rows + attempts > 0) {
            int r = rows;
            int a = attempts;
            LOG.info(() -> "Outbox purge: " + r + " delivered rows and " + a + " attempts older than " + cutoff + " deleted");
        }
        return new Purged(rows, attempts);
    }

    public record Purged(int rows, int attempts) {}

    private long undelivered(long connectorId) {
        return em.createQuery("SELECT COUNT(o) FROM OutboxEntry o WHERE o.connectorId = :c AND o.status IN :s", Long.class)
                .setParameter("c", connectorId)
                .setParameter("s", List.of(OutboxStatus.PENDING, OutboxStatus.SENDING))
                .getSingleResult();
    }

    private List<String> adminNames() {
        return em.createNamedQuery(UserAccount.FIND_ALL, UserAccount.class).getResultStream()
                .filter(u -> u.getRole() == Role.ADMIN && u.isEnabled())
                .map(UserAccount::getUsername)
                .toList();
    }
}
