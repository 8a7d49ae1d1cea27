package dev.handoff.history.boundary;

import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.platform.Callers;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.entity.JournalEntry;
import dev.handoff.identity.entity.Agent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The desk's history (issue 12, item 7): a search of conversations and a customer's page. Each
 * search is two set-based queries (the page of rows and the count), whatever the filters; agents see
 * the conversations they took part in (owned at some point, by the journal), supervisors all.
 */
@Stateless
@DeclareRoles({Callers.ADMIN, Callers.SUPERVISOR, Callers.AGENT})
public class HistoryService {

    private static final String FROM = " FROM Conversation c JOIN c.customer cu LEFT JOIN c.assignedAgent a LEFT JOIN a.user u";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public HistoryPage search(HistoryQuery q) {
        String me = Callers.name(session);
        boolean supervisor = Callers.supervisor(session);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!supervisor) {
            where.append(" AND (u.username = :me OR EXISTS (SELECT j.id FROM JournalEntry j WHERE j.conversationId = c.id AND j.agent = :me))");
            params.put("me", me);
        }
        if (!blank(q.customer())) {
            where.append(" AND (LOWER(cu.name) LIKE :customer ESCAPE '!' OR LOWER(cu.externalId) LIKE :customer ESCAPE '!'"
                    + " OR LOWER(cu.email) LIKE :customer ESCAPE '!')");
            params.put("customer", contains(q.customer()));
        }
        if (!blank(q.text())) {
            where.append(" AND EXISTS (SELECT m.id FROM Message m WHERE m.conversation = c AND LOWER(m.text) LIKE :text ESCAPE '!')");
            params.put("text", contains(q.text()));
        }
        if (!blank(q.trigger())) {
            where.append(" AND EXISTS (SELECT h.id FROM TriggerHit h WHERE h.conversationId = c.id AND LOWER(h.triggerName) LIKE :trigger ESCAPE '!')");
            params.put("trigger", contains(q.trigger().strip().replace(' ', '-')));
        }
        if (!blank(q.agent())) {
            where.append(" AND (u.username = :agent OR EXISTS (SELECT j2.id FROM JournalEntry j2 WHERE j2.conversationId = c.id AND j2.agent = :agent))");
            params.put("agent", q.agent().strip());
        }
        if (!blank(q.state())) {
            try {
                params.put("state", ConversationState.valueOf(q.state().strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "no such state: " + q.state());
            }
            where.append(" AND c.state = :state");
        }
        if (q.from() != null) {
            where.append(" AND c.createdAt >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" AND c.createdAt < :to");
            params.put("to", q.to());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c)" + FROM + where, Long.class);
        TypedQuery<Conversation> rows = em.createQuery("SELECT c" + FROM + where + " ORDER BY c.createdAt DESC, c.id", Conversation.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<HistoryRow> page = rows.setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultStream()
                .map(HistoryService::row).toList();
        return new HistoryPage(page, total, q.page(), q.size());
    }

    /**
     * A customer's page: the profile, every conversation (newest first) and the timeline (oldest
     * first). Supervisors see every customer; an agent sees a customer they helped at least once.
     */
    @RolesAllowed({Callers.AGENT, Callers.SUPERVISOR})
    public CustomerHistory customer(String externalId) {
        String me = Callers.name(session);
        Customer customer = em.createNamedQuery(Customer.FIND_BY_EXTERNAL_ID, Customer.class).setParameter("externalId", externalId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("No customer " + externalId));
        if (!Callers.supervisor(session) && em.createQuery("SELECT COUNT(j) FROM JournalEntry j WHERE j.agent = :me AND j.conversationId IN"
                        + " (SELECT c.id FROM Conversation c WHERE c.customer = :customer)", Long.class)
                .setParameter("me", me).setParameter("customer", customer).getSingleResult() == 0) {
            throw new ForbiddenException("You have not helped this customer; a supervisor can see their history");
        }
        List<Conversation> conversations = em.createQuery("SELECT c FROM Conversation c LEFT JOIN FETCH c.assignedAgent"
                        + " WHERE c.customer = :customer ORDER BY c.createdAt DESC, c.id", Conversation.class)
                .setParameter("customer", customer).getResultList();
        List<JournalEntry> journal = em.createQuery("SELECT j FROM JournalEntry j WHERE j.conversationId IN"
                        + " (SELECT c.id FROM Conversation c WHERE c.customer = :customer) ORDER BY j.occurredAt, j.id", JournalEntry.class)
                .setParameter("customer", customer).getResultList();
        List<ChatNote> notes = em.createQuery("SELECT n FROM ChatNote n WHERE n.conversationId IN"
                        + " (SELECT c.id FROM Conversation c WHERE c.customer = :customer) ORDER BY n.createdAt, n.id", ChatNote.class)
                .setParameter("customer", customer).getResultList();
        Map<String, String> names = em.createQuery("SELECT a FROM Agent a JOIN FETCH a.user", Agent.class).getResultStream()
                .collect(Collectors.toMap(Agent::getUsername, a -> a.getUser().getDisplayName(), (x, y) -> x));
        Function<String, String> name = username -> username == null ? null : names.getOrDefault(username, username);
        List<CustomerHistory.Entry> timeline = new ArrayList<>();
        for (JournalEntry j : journal) {
            entry(j, name).ifPresent(timeline::add);
        }
        for (ChatNote n : notes) {
            String kind = n.getKind() == ChatNote.Kind.WHISPER ? "whisper" : "note";
            String label = switch (n.getKind()) {
                case TRANSFER -> "Transfer note";
                case CONSULT -> "Asked a colleague";
                case FOLLOW_UP -> "Follow-up request";
                case WHISPER -> "Supervisor's whisper";
                default -> "Note";
            };
            timeline.add(new CustomerHistory.Entry(n.getCreatedAt(), n.getConversationId(), kind, label + ": " + n.getText(), n.getAuthorName()));
        }
        timeline.sort(Comparator.comparing(CustomerHistory.Entry::at));
        long handoffs = conversations.stream().filter(c -> c.getEscalatedAt() != null).count();
        ConversationView.CustomerView profile = new ConversationView.CustomerView(customer.getExternalId(), customer.getName(),
                customer.getEmail(), customer.getTier(), customer.getAccountValue(), customer.getCompany(), customer.getRenewalDate(),
                customer.getNotes(), customer.getCrmSource(), customer.getCrmUrl(), customer.getCrmOwner(), handoffs, customer.getCrmId());
        return new CustomerHistory(profile, conversations.stream().map(HistoryService::row).toList(), timeline);
    }

    /** A journal event in people's words, or nothing for events the customer's page does not show. */
    static java.util.Optional<CustomerHistory.Entry> entry(JournalEntry j, Function<String, String> name) {
        JsonObject p;
        try (JsonReader reader = Json.createReader(new StringReader(j.getPayload()))) {
            p = reader.readObject();
        } catch (RuntimeException e) {
            p = Json.createObjectBuilder().build();
        }
        String agent = name.apply(j.getAgent());
        String text;
        String kind;
        switch (j.getType()) {
            case "conversation.started" -> {
                kind = "started";
                text = "Started a conversation on " + p.getString("channel", "the web");
            }
            case "handoff.escalated" -> {
                kind = "handoff";
                String skill = p.getString("skill", null);
                text = "Handed to a person" + (skill == null ? "" : " (" + skill + ")") + words(p, "triggers");
            }
            case "handoff.accepted" -> {
                kind = "accepted";
                String by = p.getString("assignedBy", null);
                text = agent + (by == null ? " took the chat" : by.equals(j.getAgent()) ? " took the chat over" : " was given the chat by " + name.apply(by));
            }
            case "handoff.transferred" -> {
                kind = "transferred";
                String to = p.getString("toAgent", null);
                String skill = p.getString("toSkill", null);
                String by = p.getString("by", null);
                text = (agent == null ? "The chat" : agent + "'s chat") + (to != null ? " went to " + name.apply(to)
                        : skill != null ? " went back to the " + skill + " queue" : " went back to the queue")
                        + (by == null ? "" : by.equals(j.getAgent()) ? "" : " (by " + name.apply(by) + ")");
            }
            case "conversation.resolved" -> {
                kind = "resolved";
                text = "Resolved by " + agent + (p.getString("resolution", "").isBlank() ? "" : ": " + p.getString("resolution", ""));
            }
            case "conversation.closed" -> {
                kind = "closed";
                text = "Conversation closed";
            }
            case "handoff.abandoned" -> {
                kind = "abandoned";
                text = "Left while waiting for a person";
            }
            case "csat.received" -> {
                kind = "rating";
                text = "Rated " + p.getInt("rating", 0) + "/5" + (p.getString("comment", "").isBlank() ? "" : ": \u201c" + p.getString("comment", "") + "\u201d");
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new CustomerHistory.Entry(j.getOccurredAt(), j.getConversationId(), kind, text, agent));
    }

    private static String words(JsonObject p, String key) {
        if (!p.containsKey(key) || p.isNull(key)) {
            return "";
        }
        List<String> names = p.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString().replace('-', ' ').replace('_', ' ')).distinct().toList();
        return names.isEmpty() ? "" : ": " + String.join(", ", names);
    }

    static HistoryRow row(Conversation c) {
        Customer cu = c.getCustomer();
        Agent a = c.getAssignedAgent();
        return new HistoryRow(c.getId(), cu.getExternalId(), cu.getName(), c.getState().wireName(), c.getCreatedAt(), c.getEscalatedAt(),
                c.getClosedAt(), a == null ? null : a.getUsername(), a == null ? null : a.getUser().getDisplayName(),
                c.getEscalationReason(), c.getResolution(), c.getMessageCount());
    }

    /** "%refund!_id%" for a LIKE with '!' as the escape character, in lower case. */
    static String contains(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + t + "%";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The names of states a search can filter on, in order. */
    public static List<String> states() {
        return java.util.Arrays.stream(ConversationState.values()).map(ConversationState::wireName).toList();
    }

    static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }
}
