package dev.handoff.integration.boundary;

import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.Delivery;
import dev.handoff.integration.control.DeliveryContext;
import dev.handoff.integration.control.Driver;
import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.control.Outcome;
import dev.handoff.integration.control.RetryPolicy;
import dev.handoff.integration.control.SecretBox;
import dev.handoff.integration.control.VendorHttp;
import dev.handoff.integration.entity.OutboxEntry;
import dev.handoff.platform.LockConflicts;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's sending half: drains one connector's due rows, one at a time and oldest first, each
 * claimed before it is sent and settled after (delivered, retry later, or dead), outside any
 * transaction while the vendor is called. Stops early when the vendor as a whole is failing (no
 * answer, 429, 5xx, refused credentials) so that a broken vendor is not hammered; the rows wait
 * for their next attempt. An outcome is written again when it loses a lock, and the connector's
 * health apart from it (what the process-level kill check found on MariaDB, ADR 0026).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    static final int BATCH = 20;
    static final int MAX_ROWS_PER_DRAIN = 200;
    /** Writes of an outcome before a lock conflict ends the drain. */
    static final int OUTCOME_TRIES = 4;

    @Inject
    OutboxStore store;

    @Inject
    IntegrationSettings settings;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    ConversationService conversations;

    @Inject
    Clock clock;

    /** Sends what is due for one connector; the answer is until when the connector should rest (null: not at all). */
    @Asynchronous
    public Future<Instant> drain(long connectorId, String worker) {
        try {
            return new AsyncResult<>(drainNow(connectorId, worker));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery for connector " + connectorId + " failed; the next tick retries", e);
            return new AsyncResult<>(null);
        }
    }

    /** The same, on the caller's thread (tests, "send test"). */
    public Instant drainNow(long connectorId, String worker) {
        ConnectorConfig connector;
        try {
            connector = settings.config(connectorId);
        } catch (SecretBox.KeyProblem e) {
            LOG.warning(() -> "Connector " + connectorId + " cannot be used: " + e.getMessage());
            return clock.instant().plusSeconds(60);
        }
        Driver driver = Driver.of(connector.kind());
        if (driver == null) {
            return clock.instant().plusSeconds(60);
        }
        RetryPolicy policy = config.retryPolicy();
        Context context = new Context(connectorId);
        int handled = 0;
        for (int round = 0; handled < MAX_ROWS_PER_DRAIN && round < MAX_ROWS_PER_DRAIN; round++) {
            List<Long> ids = store.claimable(connectorId, clock.instant(), BATCH);
            if (ids.isEmpty()) {
                return null;
            }
            for (Long id : ids) {
                Instant now = clock.instant();
                if (!store.claim(id, worker, now, now.plus(config.claim()))) {
                    continue;
                }
                handled++;
                OutboxEntry row = store.find(id).orElse(null);
                if (row == null) {
                    continue;
                }
                Instant rest = deliverOne(row, connector, driver, policy, context, worker);
                if (rest != null) {
                    return rest;
                }
            }
        }
        return null;
    }

    private Instant deliverOne(OutboxEntry row, ConnectorConfig connector, Driver driver, RetryPolicy policy, Context context, String worker) {
        Delivery delivery = new Delivery(row.getId(), row.getEventId(), row.getEventType(), row.getConversationId(), json(row.getPayload()),
                row.getAttempts(), row.getCreatedAt(), connector);
        long started = System.nanoTime();
        Outcome outcome = send(driver, delivery, context);
        long latency = (System.nanoTime() - started) / 1_000_000;
        Instant now = clock.instant();
        if (outcome.ok()) {
            if (!againOnLockConflict(() -> store.delivered(row, worker, outcome, now, latency))) {
                LOG.warning(() -> "Outbox row " + row.getId() + " was delivered after its claim lapsed");
            }
            if (outcome.kind() == Outcome.Kind.DELIVERED) {
                health(row, () -> store.connectorSucceeded(row.getConnectorId(), now));
            }
            return null;
        }
        RetryPolicy.Next next = policy.afterFailure(row.getAttempts(), outcome, now, () -> ThreadLocalRandom.current().nextDouble());
        againOnLockConflict(() -> store.failed(row, worker, outcome, next, now, latency));
        health(row, () -> store.connectorFailing(row.getConnectorId(), now, outcome.describe()));
        LOG.fine(() -> "Outbox row " + row.getId() + " (" + connector.name() + ", " + row.getEventType() + ") failed: " + outcome.describe() + " -> " + next);
        return vendorDown(outcome) ? (next instanceof RetryPolicy.Retry r ? r.at() : now.plusSeconds(1)) : null;
    }

    private static Outcome send(Driver driver, Delivery delivery, DeliveryContext context) {
        try {
            return driver.deliver(delivery, context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering outbox row " + delivery.outboxId() + " failed inside Handoff", e);
            return Outcome.retry(null, null, "Handoff failed to build the request (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes a row's outcome, again when its transaction lost a lock (a deadlock victim is rolled
     * back whole, so writing it again is safe). The vendor already has the request: an outcome not
     * written leaves the row claimed, and it would be sent again once the claim lapses. Any other
     * fault, or a conflict that persists, ends the drain as before.
     */
    static <T> T againOnLockConflict(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= OUTCOME_TRIES || !LockConflicts.isLockConflict(e)) {
                    throw e;
                }
                LOG.fine(() -> "An outbox write lost a lock; writing it again: " + e);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The connector's health columns; a failure there (after the outcome is safe) costs only a stale health page until the next attempt. */
    private static void health(OutboxEntry row, Runnable write) {
        try {
            againOnLockConflict(() -> {
                write.run();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The health of connector " + row.getConnectorId() + " was not updated after outbox row " + row.getId(), e);
        }
    }

    /** A failure that concerns every row of the connector, not this one. */
    static boolean vendorDown(Outcome o) {
        if (o.kind() != Outcome.Kind.RETRY) {
            return false;
        }
        Integer s = o.status();
        return s == null || s == 429 || s >= 500 || s == 401 || s == 403;
    }

    private static JsonObject json(String payload) {
        try {
            return Json.createReader(new StringReader(payload)).readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    /** What drivers may read, for one connector. */
    private final class Context implements DeliveryContext {

        private final long connectorId;

        Context(long connectorId) {
            this.connectorId = connectorId;
        }

        @Override
        public Optional<Snapshot> conversation(String conversationId) {
            if (conversationId == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Snapshot(conversations.get(conversationId), conversations.messagesAfter(conversationId, 0, ConversationService.MAX_PAGE)));
            } catch (NotFoundException e) {
                return Optional.empty();
            } catch (EJBException e) {
                if (e.getCause() instanceof NotFoundException) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        @Override
        public Optional<Outcome.Link> link(String conversationId) {
            return store.link(connectorId, conversationId);
        }

        @Override
        public VendorHttp http() {
            return config.http();
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public String publicUrl() {
            return config.publicUrl();
        }
    }
}
