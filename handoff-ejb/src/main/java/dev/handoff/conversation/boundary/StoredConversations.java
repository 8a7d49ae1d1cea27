package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.boundary.ConversationArchive;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored conversations the trigger bench reads, as its values (ADR 0054). Set-based: one query per call. */
@Dependent
public class StoredConversations implements ConversationArchive {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Stored> find(String id) {
        Conversation c = id == null || id.length() > 36 ? null : em.find(Conversation.class, id);
        return Optional.ofNullable(c).map(StoredConversations::stored);
    }

    @Override
    public Map<String, Stored> byIds(Collection<String> ids) {
        Map<String, Stored> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT c FROM Conversation c JOIN FETCH c.customer WHERE c.id IN :ids", Conversation.class)
                    .setParameter("ids", List.copyOf(ids))
                    .getResultStream()
                    .forEach(c -> out.put(c.getId(), stored(c)));
        }
        return out;
    }

    @Override
    public List<Stored> latest(int max) {
        return em.createQuery("SELECT c FROM Conversation c JOIN FETCH c.customer ORDER BY c.createdAt DESC", Conversation.class)
                .setMaxResults(max)
                .getResultStream()
                .map(StoredConversations::stored)
                .toList();
    }

    @Override
    public List<Stored> startedSince(Instant since, int max) {
        return em.createQuery("SELECT c FROM Conversation c JOIN FETCH c.customer WHERE c.createdAt >= :since ORDER BY c.createdAt DESC",
                        Conversation.class)
                .setParameter("since", since)
                .setMaxResults(max)
                .getResultStream()
                .map(StoredConversations::stored)
                .toList();
    }

    @Override
    public Map<String, List<Said>> messages(Collection<String> ids) {
        Map<String, List<Said>> out = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT m FROM Message m WHERE m.conversation.id IN :ids ORDER BY m.seq", Message.class)
                    .setParameter("ids", List.copyOf(ids))
                    .getResultStream()
                    .forEach(m -> out.computeIfAbsent(m.getConversation().getId(), k -> new ArrayList<>())
                            .add(new Said(m.getSeq(), m.getAuthor(), m.getText(), m.getConfidence(), m.getIntent(), m.getCreatedAt())));
        }
        return out;
    }

    @Override
    public Map<Long, List<Instant>> handoffsOfCustomers(Collection<Long> customerIds) {
        Map<Long, List<Instant>> out = new HashMap<>();
        if (!customerIds.isEmpty()) {
            em.createQuery("SELECT c.customer.id, c.escalatedAt FROM Conversation c WHERE c.customer.id IN :ids AND c.escalatedAt IS NOT NULL",
                            Object[].class)
                    .setParameter("ids", List.copyOf(customerIds))
                    .getResultStream()
                    .forEach(row -> out.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Instant) row[1]));
        }
        return out;
    }

    private static Stored stored(Conversation c) {
        Customer customer = c.getCustomer();
        String shown = customer.getName() != null && !customer.getName().isBlank() ? customer.getName() : customer.getExternalId();
        return new Stored(c.getId(), customer.getId(), shown, customer.getTier(), customer.getAccountValue(), c.getState().wireName(),
                c.getCreatedAt(), c.getEscalatedAt(), c.getEscalationReason());
    }
}
