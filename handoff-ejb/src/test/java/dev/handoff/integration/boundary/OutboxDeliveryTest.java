package dev.handoff.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.control.Outcome;
import dev.handoff.integration.control.RetryPolicy;
import dev.handoff.integration.control.VendorHttp;
import dev.handoff.integration.entity.ConnectorKind;
import dev.handoff.integration.entity.OutboxEntry;
import dev.handoff.integration.entity.OutboxStatus;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending half against what the process-level kill check (.ci/outbox-kill-check.sh) found on
 * MariaDB: while customers escalate, the write of a delivery's outcome can be chosen as the victim
 * of a deadlock (every escalation's outbox insert holds a shared lock on the connector row, which the
 * connector's health columns need exclusively). A lost "delivered" left the row claimed, so it was
 * sent again when the claim lapsed. The outcome is now written again when it loses a lock, and the
 * connector's health is written apart from it, so that a conflict there cannot undo the outcome.
 */
class OutboxDeliveryTest {

    static final SQLException DEADLOCK = new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    private HttpServer vendor;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final FakeStore store = new FakeStore();
    private final OutboxDelivery delivery = new OutboxDelivery();

    @BeforeEach
    void vendorThatTakesEverything() throws Exception {
        vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/", ex -> {
            received.add(ex.getRequestHeaders().getFirst("Handoff-Event-Id"));
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        vendor.start();
        String url = "http://127.0.0.1:" + vendor.getAddress().getPort() + "/hook";
        delivery.store = store;
        delivery.clock = Clock.systemUTC();
        delivery.config = new TestConfig();
        delivery.settings = new IntegrationSettings() {
            @Override
            public ConnectorConfig config(long id) {
                return new ConnectorConfig(id, ConnectorKind.WEBHOOK, "hook", url, JsonObject.EMPTY_JSON_OBJECT, Map.of("signingSecret", "whsec_test"));
            }
        };
    }

    @AfterEach
    void stop() {
        vendor.stop(0);
    }

    @Test
    void anOutcomeThatLosesADeadlockIsWrittenAgainNotSentAgain() {
        store.add(1, "e1");
        store.add(2, "e2");
        store.deadlocksOnDelivered = 1;

        assertNull(delivery.drainNow(7, "w-test"), "nothing to rest for: the vendor took both");

        assertEquals(List.of("e1", "e2"), received, "each event sent once");
        assertEquals(OutboxStatus.DELIVERED, store.status.get(1L), "the first row's outcome was written on the second try");
        assertEquals(OutboxStatus.DELIVERED, store.status.get(2L));
        assertEquals(3, store.deliveredCalls, "one write lost to the deadlock, then one per row");
    }

    @Test
    void aHealthWriteThatLosesALockDoesNotUndoTheDelivery() {
        store.add(1, "e1");
        store.add(2, "e2");
        store.healthFails = true;

        delivery.drainNow(7, "w-test");

        assertEquals(List.of("e1", "e2"), received);
        assertEquals(OutboxStatus.DELIVERED, store.status.get(1L));
        assertEquals(OutboxStatus.DELIVERED, store.status.get(2L), "the drain went on after the health write failed");
        assertEquals(2 * OutboxDelivery.OUTCOME_TRIES, store.healthCalls, "each health write tried again on a lock conflict, then given up");
    }

    /** The outbox in memory; its transactions are all-or-nothing like OutboxStore's (REQUIRES_NEW per call). */
    static final class FakeStore extends OutboxStore {
        final Map<Long, OutboxEntry> rows = new LinkedHashMap<>();
        final Map<Long, OutboxStatus> status = new LinkedHashMap<>();
        int deadlocksOnDelivered;
        int deliveredCalls;
        boolean healthFails;
        int healthCalls;

        void add(long id, String eventId) {
            OutboxEntry row = new OutboxEntry(7L, eventId, "handoff.escalated", "c-" + id, "{\"conversationId\":\"c-" + id + "\"}", Instant.now());
            try {
                var field = OutboxEntry.class.getDeclaredField("id");
                field.setAccessible(true);
                field.set(row, id);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            rows.put(id, row);
            status.put(id, OutboxStatus.PENDING);
        }

        @Override
        public List<Long> claimable(long connectorId, Instant now, int max) {
            List<Long> due = new ArrayList<>();
            status.forEach((id, s) -> {
                if (s == OutboxStatus.PENDING && due.size() < max) {
                    due.add(id);
                }
            });
            return due;
        }

        @Override
        public boolean claim(long id, String worker, Instant now, Instant until) {
            return status.replace(id, OutboxStatus.PENDING, OutboxStatus.SENDING);
        }

        @Override
        public Optional<OutboxEntry> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<Outcome.Link> link(long connectorId, String conversationId) {
            return Optional.empty();
        }

        @Override
        public boolean delivered(OutboxEntry row, String worker, Outcome outcome, Instant now, long latencyMs) {
            deliveredCalls++;
            if (deadlocksOnDelivered > 0) {
                deadlocksOnDelivered--;
                throw new EJBException(new PersistenceException(DEADLOCK));
            }
            return status.replace(row.getId(), OutboxStatus.SENDING, OutboxStatus.DELIVERED);
        }

        @Override
        public boolean failed(OutboxEntry row, String worker, Outcome outcome, RetryPolicy.Next next, Instant now, long latencyMs) {
            return status.replace(row.getId(), OutboxStatus.SENDING, OutboxStatus.PENDING);
        }

        @Override
        public void connectorSucceeded(long connectorId, Instant now) {
            health();
        }

        @Override
        public void connectorFailing(long connectorId, Instant now, String error) {
            health();
        }

        private void health() {
            healthCalls++;
            if (healthFails) {
                throw new EJBException(new PersistenceException(DEADLOCK));
            }
        }
    }

    static final class TestConfig extends IntegrationSettingsConfig {
        private final VendorHttp http = new VendorHttp(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());

        @Override
        public RetryPolicy retryPolicy() {
            return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));
        }

        @Override
        public Duration claim() {
            return Duration.ofSeconds(10);
        }

        @Override
        public VendorHttp http() {
            return http;
        }

        @Override
        public String publicUrl() {
            return "http://handoff.test/";
        }
    }
}
