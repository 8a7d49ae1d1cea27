package dev.handoff.conversation.boundary;

import dev.handoff.conversation.control.CustomerTexts;
import dev.handoff.conversation.entity.CustomerTemplate;
import dev.handoff.conversation.entity.CustomerTemplate.Kind;
import dev.handoff.platform.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's texts for the customer: what the transition, the confirmation, the queue line, the
 * goodbye and the CSAT question say, per topic, with variables. Seeded with the built-in texts.
 */
@Stateless
public class CustomerTemplateService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public record TemplateRow(long id, String kind, String topic, String body, String updatedBy) {}

    public List<TemplateRow> list() {
        return em.createNamedQuery(CustomerTemplate.FIND_ALL, CustomerTemplate.class).getResultStream()
                .map(t -> new TemplateRow(t.getId(), t.getKind().name().toLowerCase(Locale.ROOT), t.getTopic(), t.getBody(), t.getUpdatedBy()))
                .toList();
    }

    /** Creates or edits the text of {@code kind} for {@code topic}; unknown variables are refused by name. */
    public TemplateRow save(String kind, String topic, String body, String user) {
        Kind k;
        try {
            k = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind is one of " + List.of(Kind.values()).toString().toLowerCase(Locale.ROOT));
        }
        Set<String> unknown = CustomerTexts.unknownVariables(body == null ? "" : body);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("body", "unknown variable(s) " + unknown + "; known: " + CustomerTexts.VARIABLES);
        }
        String t = CustomerTemplate.topicOf(topic);
        Optional<CustomerTemplate> existing = em.createNamedQuery(CustomerTemplate.FIND_ALL, CustomerTemplate.class).getResultStream()
                .filter(x -> x.getKind() == k && x.getTopic().equals(t)).findFirst();
        CustomerTemplate saved;
        if (existing.isPresent()) {
            saved = existing.get();
            saved.edit(body, user, clock.instant());
        } else {
            saved = new CustomerTemplate(k, t, body, user, clock.instant());
            em.persist(saved);
        }
        em.flush();
        return new TemplateRow(saved.getId(), k.name().toLowerCase(Locale.ROOT), saved.getTopic(), saved.getBody(), user);
    }

    public void delete(long id) {
        CustomerTemplate t = em.find(CustomerTemplate.class, id);
        if (t != null) {
            em.remove(t);
        }
    }

    /** First start: the built-in texts as rows an admin can edit. */
    public void ensureDefaults(String user) {
        if (!list().isEmpty()) {
            return;
        }
        for (Kind k : Kind.values()) {
            CustomerTexts.defaults(k).forEach((topic, body) -> em.persist(new CustomerTemplate(k, topic, body, user, clock.instant())));
        }
    }
}
