package dev.handoff.integration.boundary;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.integration.control.ConnectorConfig;
import dev.handoff.integration.control.CustomerRecords;
import dev.handoff.integration.control.IntegrationSettingsConfig;
import dev.handoff.integration.control.RecordCache;
import dev.handoff.integration.control.RecordReaders;
import dev.handoff.integration.control.SecretBox;
import dev.handoff.integration.entity.Connector;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer's records in the connected helpdesks and CRM (recent tickets, deals) for the
 * context panel and the offer card. Read after the handoff commits ({@link RecordsOnHandoff}), on
 * a thread of their own with a short time-out, never on the escalation's path; kept in a bounded
 * cache for {@code handoff.integrations.context-cache-seconds}; a page asking for an expired or
 * missing entry gets what there is at once and a fresh read starts behind it. A vendor that fails
 * or is slow shows as "unavailable" with the reason; the others still show.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerRecordsService {

    private static final Logger LOG = Logger.getLogger(CustomerRecordsService.class.getName());
    static final int CACHED_CONVERSATIONS = 1000;

    /** What a page shows: the records per system, and whether a read is under way. */
    public record RecordsView(List<CustomerRecords> sources, boolean loading) {

        public boolean isEmpty() {
            return sources.isEmpty() && !loading;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    IntegrationSettings settings;

    @Inject
    IntegrationSettingsConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<ConversationChanged> changed;

    @Inject
    Event<dev.handoff.platform.events.OfferChanged> offers;

    @Resource
    SessionContext session;

    private final RecordCache cache = new RecordCache(CACHED_CONVERSATIONS);
    private final Set<String> reading = ConcurrentHashMap.newKeySet();

    /** What is known for the conversation now; starts a read when there is nothing or only an expired reading. Never waits for a vendor. */
    public RecordsView view(String conversationId) {
        if (conversationId == null) {
            return new RecordsView(List.of(), false);
        }
        var entry = cache.get(conversationId, clock.instant(), config.contextCache());
        if (entry.isEmpty() || entry.get().stale()) {
            start(conversationId);
        }
        return entry.map(e -> new RecordsView(e.records(), reading.contains(conversationId)))
                .orElseGet(() -> new RecordsView(List.of(), reading.contains(conversationId)));
    }

    /** Starts a read in the background unless one runs already for the conversation (or nothing is connected). */
    public void start(String conversationId) {
        if (reading.add(conversationId)) {
            try {
                session.getBusinessObject(CustomerRecordsService.class).read(conversationId);
            } catch (RuntimeException e) {
                reading.remove(conversationId);
                throw e;
            }
        }
    }

    /** Reads every connected system for the conversation's customer, caches the result, and tells open pages. */
    @Asynchronous
    public void read(String conversationId) {
        try {
            List<CustomerRecords> records = readNow(conversationId);
            cache.put(conversationId, records, clock.instant());
            Conversation c = em.find(Conversation.class, conversationId);
            if (c != null && !records.isEmpty()) {
                changed.fire(new ConversationChanged(conversationId, c.getState(), c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUsername()));
                // an agent who has only been offered the chat sees the records on the offer card now, not at the next refresh
                Set<String> offeredTo = Set.copyOf(em.createQuery("SELECT o.agent.user.username FROM Offer o WHERE o.conversation.id = :id"
                                + " AND o.state = dev.handoff.routing.entity.OfferState.PENDING", String.class)
                        .setParameter("id", conversationId).getResultList());
                if (!offeredTo.isEmpty()) {
                    offers.fire(new dev.handoff.platform.events.OfferChanged(conversationId, offeredTo));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the customer records of " + conversationId + " failed", e);
        } finally {
            reading.remove(conversationId);
        }
    }

    /** The same on the caller's thread. */
    public List<CustomerRecords> readNow(String conversationId) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null) {
            return List.of();
        }
        Customer customer = c.getCustomer();
        RecordReaders.Who who = new RecordReaders.Who(customer.getEmail(), customer.getExternalId(),
                "hubspot".equals(customer.getCrmSource()) ? customer.getCrmId() : null, conversationId);
        List<CustomerRecords> out = new ArrayList<>();
        Instant now = clock.instant();
        for (Connector k : em.createNamedQuery(Connector.FIND_ENABLED, Connector.class).getResultList()) {
            if (!RecordReaders.shows(k.getKind())) {
                continue;
            }
            ConnectorConfig config;
            try {
                config = settings.config(k.getId());
            } catch (SecretBox.KeyProblem e) {
                out.add(new CustomerRecords(k.getName(), k.getKind().name().toLowerCase(), "", List.of(), "its secrets cannot be opened", null, now));
                continue;
            }
            out.add(RecordReaders.read(config, who, this.config.contextHttp()));
        }
        return out;
    }

    /** Forgets every cached reading (tests, a connector's settings changed). */
    public void forget() {
        cache.clear();
    }
}
