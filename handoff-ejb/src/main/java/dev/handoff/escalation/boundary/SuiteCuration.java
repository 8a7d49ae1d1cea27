package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.ConversationCase;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.entity.EscalationFeedback;
import dev.handoff.escalation.entity.TriggerHit;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.entity.Author;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Suites fed from the desk, for supervisors and admins: an escalation an agent flagged as not
 * needed becomes a {@code stay} case, a conversation the bot should have handed over (or handed
 * over late) an {@code escalate} case, in one click, in a suite of the user's choice (by default
 * {@value #NOT_NEEDED_SUITE} and {@value #MISSED_SUITE}, created when missing and not gates).
 * Callers say whether the user is a supervisor or an admin; agents are refused.
 */
@Stateless
public class SuiteCuration {

    public static final String NOT_NEEDED_SUITE = "not-needed-flags";
    public static final String MISSED_SUITE = "missed-escalations";
    static final String KEY_PREFIX = "conv-";
    static final int MAX_LIST = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    SuiteService suites;

    @Inject
    ConversationArchive archive;

    /** The suite a one-click add goes to when the user names none. */
    public static String defaultSuite(boolean escalate) {
        return escalate ? MISSED_SUITE : NOT_NEEDED_SUITE;
    }

    /**
     * Adds the conversation's escalating customer message (or the transcript up to it, or up to
     * {@code request.upTo()}) to {@code suite} ({@code null}: the default suite for the verdict),
     * creating the suite if it is missing. The same message in the same form twice is a conflict.
     */
    public CuratedCase addFromConversation(String suite, String conversationId, CaseFromConversation request, String user, boolean curator) {
        requireCurator(curator);
        Objects.requireNonNull(request, "request");
        String category = bounded(request.category(), 120, "category");
        String expectedTrigger = bounded(request.expectedTrigger(), 120, "expectedTrigger");
        String givenNotes = bounded(request.notes(), 1000, "notes");
        if (expectedTrigger != null && !request.escalate()) {
            throw new InvalidInputException("expectedTrigger", "expectedTrigger applies to escalate cases only");
        }
        String name = suite == null || suite.isBlank() ? defaultSuite(request.escalate()) : suite.strip();
        ConversationArchive.Stored conversation = conversation(conversationId);
        List<ConversationArchive.Said> stored = archive.messages(List.of(conversation.id())).getOrDefault(conversation.id(), List.of());
        List<ConversationCase.Said> messages = stored.stream()
                .map(m -> new ConversationCase.Said(m.seq(), m.author(), m.text(), m.confidence(), m.intent()))
                .toList();
        List<TriggerHit> hits = em.createNamedQuery(TriggerHit.FIND_BY_CONVERSATION, TriggerHit.class)
                .setParameter("conversationId", conversation.id())
                .getResultList();
        Integer escalating = escalatingSeq(conversation, hits, stored);
        ConversationCase.Cut cut;
        try {
            List<ConversationCase.Said> phase = ConversationCase.botPhase(messages, escalating);
            int upTo = request.upTo() != null ? request.upTo() : ConversationCase.defaultUpTo(phase, escalating, request.escalate());
            cut = ConversationCase.cut(phase, upTo, request.form());
        } catch (ConversationCase.Refused refused) {
            if (refused.field() == null) {
                throw new ConflictException("Conversation " + conversation.id() + ": " + refused.getMessage());
            }
            throw new InvalidInputException(refused.field(), refused.getMessage());
        }
        String key = KEY_PREFIX + conversation.id() + "-" + (cut.form() == ConversationCase.Form.MESSAGE ? "m" : "t") + cut.upTo();
        String notes = givenNotes != null ? givenNotes : clip(origin(conversation, hits, escalating, request.escalate(), user), 1000);
        LabelledCase added = new LabelledCase(key, cut.text(), request.escalate(), category, expectedTrigger, notes);
        SuiteView view = suites.append(name, description(name, request.escalate()), added, user);
        return new CuratedCase(view, added, view.cases(), cut.upTo(), cut.form().name().toLowerCase(Locale.ROOT));
    }

    /** Escalations agents flagged as not needed, most recently flagged first (at most {@code max}, up to 200). */
    public List<CurationCandidate> flagged(int max, boolean curator) {
        requireCurator(curator);
        int limit = Math.max(1, Math.min(MAX_LIST, max));
        Map<String, List<EscalationFeedback>> byConversation = new LinkedHashMap<>();
        em.createQuery("SELECT f FROM EscalationFeedback f ORDER BY f.createdAt DESC, f.id DESC", EscalationFeedback.class)
                .setMaxResults(limit * 10)
                .getResultStream()
                .filter(f -> byConversation.containsKey(f.getConversationId()) || byConversation.size() < limit)
                .forEach(f -> byConversation.computeIfAbsent(f.getConversationId(), k -> new ArrayList<>()).add(f));
        Map<String, ConversationArchive.Stored> conversations = archive.byIds(byConversation.keySet());
        Map<String, List<String>> inSuites = suitesHolding(byConversation.keySet());
        List<CurationCandidate> out = new ArrayList<>();
        byConversation.forEach((id, flags) -> {
            ConversationArchive.Stored c = conversations.get(id);
            if (c != null) {
                out.add(new CurationCandidate(id, c.customer(), c.state(), c.createdAt(), c.escalatedAt(),
                        c.escalationReason(), flags.stream().map(EscalationFeedback::getTriggerName).distinct().sorted().toList(),
                        flags.stream().map(EscalationFeedback::getAgent).distinct().collect(Collectors.joining(", ")),
                        flags.stream().map(EscalationFeedback::getReason).filter(Objects::nonNull).findFirst().orElse(null),
                        flags.stream().map(EscalationFeedback::getCreatedAt).max(Comparator.naturalOrder()).orElse(null),
                        inSuites.getOrDefault(id, List.of())));
            }
        });
        return out;
    }

    /** The latest conversations, newest first, escalated or not: where a supervisor spots a missed escalation. */
    public List<CurationCandidate> recent(int max, boolean curator) {
        requireCurator(curator);
        List<ConversationArchive.Stored> latest = archive.latest(Math.max(1, Math.min(MAX_LIST, max)));
        List<String> ids = latest.stream().map(ConversationArchive.Stored::id).toList();
        Map<String, TreeSet<String>> fired = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT h.conversationId, h.triggerName FROM TriggerHit h WHERE h.conversationId IN :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .forEach(row -> fired.computeIfAbsent((String) row[0], k -> new TreeSet<>()).add((String) row[1]));
        }
        Map<String, List<String>> inSuites = suitesHolding(ids);
        return latest.stream()
                .map(c -> new CurationCandidate(c.id(), c.customer(), c.state(), c.createdAt(),
                        c.escalatedAt(), c.escalationReason(), List.copyOf(fired.getOrDefault(c.id(), new TreeSet<>())), null, null,
                        null, inSuites.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /** The suites that hold a case taken from this conversation (for the chat page). */
    public List<String> suitesHolding(String conversationId, boolean curator) {
        requireCurator(curator);
        return suitesHolding(List.of(conversationId)).getOrDefault(conversationId, List.of());
    }

    static void requireCurator(boolean curator) {
        if (!curator) {
            throw new ForbiddenException("Only supervisors and admins can add conversations to labelled suites");
        }
    }

    private Map<String, List<String>> suitesHolding(java.util.Collection<String> conversationIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return out;
        }
        em.createQuery("SELECT s.name, k.key FROM LabelledSuite s JOIN s.cases k WHERE k.key LIKE :prefix ORDER BY s.name", Object[].class)
                .setParameter("prefix", KEY_PREFIX + "%")
                .getResultStream()
                .forEach(row -> {
                    String key = (String) row[1];
                    int end = key.lastIndexOf('-');
                    String id = end > KEY_PREFIX.length() ? key.substring(KEY_PREFIX.length(), end) : "";
                    if (conversationIds.contains(id)) {
                        List<String> names = out.computeIfAbsent(id, k -> new ArrayList<>());
                        if (!names.contains((String) row[0])) {
                            names.add((String) row[0]);
                        }
                    }
                });
        return out;
    }

    private ConversationArchive.Stored conversation(String id) {
        return archive.find(id).orElseThrow(() -> new NotFoundException("Conversation " + id + " does not exist"));
    }

    /** The message the triggers fired on; without a stored firing, the last customer or bot message up to the escalation. */
    private static Integer escalatingSeq(ConversationArchive.Stored c, List<TriggerHit> hits, List<ConversationArchive.Said> messages) {
        if (c.escalatedAt() == null) {
            return null;
        }
        return hits.stream().map(TriggerHit::getMessageSeq).min(Comparator.naturalOrder())
                .orElseGet(() -> messages.stream()
                        .filter(m -> m.author() == Author.CUSTOMER || m.author() == Author.BOT)
                        .filter(m -> !m.at().isAfter(c.escalatedAt()))
                        .map(ConversationArchive.Said::seq)
                        .reduce((a, b) -> b)
                        .orElse(0));
    }

    private String origin(ConversationArchive.Stored c, List<TriggerHit> hits, Integer escalating, boolean escalate, String user) {
        StringBuilder note = new StringBuilder("From conversation ").append(c.id()).append(": ");
        if (escalate) {
            note.append(escalating == null ? "the bot never escalated" : "the bot escalated only at message " + escalating)
                    .append("; missed escalation marked by ").append(user).append('.');
            return note.toString();
        }
        note.append("escalated at message ").append(escalating).append(" by ")
                .append(hits.stream().map(TriggerHit::getTriggerName).distinct().collect(Collectors.joining(", ")));
        List<EscalationFeedback> flags = em.createNamedQuery(EscalationFeedback.FIND_BY_CONVERSATION, EscalationFeedback.class)
                .setParameter("conversationId", c.id())
                .getResultList();
        if (!flags.isEmpty()) {
            note.append("; flagged as not needed by ")
                    .append(flags.stream().map(EscalationFeedback::getAgent).distinct().collect(Collectors.joining(", ")));
            flags.stream().map(EscalationFeedback::getReason).filter(Objects::nonNull).findFirst().ifPresent(r -> note.append(": ").append(r));
        }
        return note.append(". Added by ").append(user).append('.').toString();
    }

    private static String description(String suite, boolean escalate) {
        if (NOT_NEEDED_SUITE.equals(suite)) {
            return "Escalations agents flagged as not needed, added from the desk: each should stay with the bot";
        }
        if (MISSED_SUITE.equals(suite)) {
            return "Conversations the bot should have handed to a person sooner, added from the desk";
        }
        return escalate ? "Missed escalations added from the desk" : "Unneeded escalations added from the desk";
    }

    private static String bounded(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters (" + stripped.length() + ")");
        }
        return stripped;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
