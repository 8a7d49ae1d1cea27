package dev.handoff.conversation.boundary;

import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.control.CustomerCsv;
import dev.handoff.conversation.control.CustomerImport;
import dev.handoff.conversation.control.CustomerRow;
import dev.handoff.conversation.entity.Customer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Handoff's own customer records: the list for the admin, and a CSV import that creates or updates
 * customers by external id. Bad lines are reported with their numbers and skipped; good lines are
 * imported (a re-import of the corrected file is idempotent).
 */
@Stateless
public class CustomerDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    Clock clock;

    public record CustomerRowView(String externalId, String name, String email, String tier, java.math.BigDecimal accountValue,
            String company, java.time.LocalDate renewalDate, String crmSource) {}

    public record ImportResult(int created, int updated, List<CustomerImport.LineError> errors) {}

    public List<CustomerRowView> search(String query, int max) {
        boolean all = query == null || query.isBlank();
        var found = all
                ? em.createQuery("SELECT c FROM Customer c ORDER BY c.updatedAt DESC", Customer.class)
                : em.createQuery("SELECT c FROM Customer c WHERE LOWER(c.externalId) LIKE :q OR LOWER(c.name) LIKE :q OR LOWER(c.email) LIKE :q "
                        + "ORDER BY c.updatedAt DESC", Customer.class)
                        .setParameter("q", "%" + query.strip().toLowerCase(Locale.ROOT) + "%");
        return found.setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream()
                .map(c -> new CustomerRowView(c.getExternalId(), c.getName(), c.getEmail(), c.getTier(), c.getAccountValue(), c.getCompany(),
                        c.getRenewalDate(), c.getCrmSource()))
                .toList();
    }

    public ImportResult importCsv(String csv) {
        CustomerImport parsed = CustomerCsv.parse(new StringReader(csv == null ? "" : csv));
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        for (CustomerRow row : parsed.rows()) {
            Customer customer = store.findCustomer(row.externalId()).orElse(null);
            if (customer == null) {
                customer = new Customer(row.externalId(), now);
                em.persist(customer);
                created++;
            } else {
                updated++;
            }
            customer.updateProfile(row.name(), row.email(), row.tier(), row.accountValue(), now);
            customer.updateDetails(null, row.renewalDate(), row.notes(), now);
        }
        em.flush();
        return new ImportResult(created, updated, parsed.errors());
    }
}
