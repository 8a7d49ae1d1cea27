package dev.handoff.desk.boundary;

import dev.handoff.conversation.boundary.ContextView;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.control.ConversationStore;
import dev.handoff.conversation.control.TemplateRenderer;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.desk.entity.ReplyTemplate;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Admin-managed templates and their use in a chat: the suggested opening message (the one for the
 * chat's topic, else the general one) and the searchable response templates, each filled in with the
 * chat's context (customer, agent, reason, summary, facts, page) for the agent to edit before sending.
 */
@Stateless
public class TemplateService {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationStore store;

    @Inject
    Clock clock;

    @Inject
    UserService users;

    public List<TemplateView> list() {
        return em.createNamedQuery(ReplyTemplate.FIND_ALL, ReplyTemplate.class).getResultStream().map(t -> TemplateView.of(t, null)).toList();
    }

    /** Creates or (same name) edits a template; placeholders that are not known variables are refused by name. */
    public TemplateView save(String name, String kind, String topic, String body, String user) {
        ReplyTemplate.Kind k;
        try {
            k = ReplyTemplate.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind is opening or response");
        }
        Set<String> unknown = TemplateRenderer.unknownVariables(body == null ? "" : body);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("body", "unknown variable(s) " + unknown + "; known: " + TemplateRenderer.VARIABLES);
        }
        try {
            Optional<ReplyTemplate> existing = byName(name == null ? "" : name.strip());
            ReplyTemplate t = existing.orElse(null);
            if (t == null) {
                t = new ReplyTemplate(name, k, topic, body, user, clock.instant());
                em.persist(t);
            } else {
                t.edit(topic, body, user, clock.instant());
            }
            em.flush();
            return TemplateView.of(t, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }

    public void delete(long id) {
        ReplyTemplate t = em.find(ReplyTemplate.class, id);
        if (t == null) {
            throw new NotFoundException("no template " + id);
        }
        em.remove(t);
    }

    /** The opening message suggested for a chat: the opening template for its topic, else a general one; filled in. */
    public Optional<String> opening(String conversationId, String agentUsername) {
        String agentDisplayName = users.displayName(agentUsername);
        Conversation c = store.get(conversationId);
        String topic = c.getRequiredSkill();
        return templates(ReplyTemplate.Kind.OPENING).stream()
                .filter(t -> t.getTopic() == null || t.getTopic().equals(topic))
                .min(Comparator.comparing((ReplyTemplate t) -> t.getTopic() == null ? 1 : 0).thenComparing(ReplyTemplate::getName))
                .map(t -> TemplateRenderer.render(t.getBody(), variables(store.view(c), agentDisplayName)));
    }

    /** Response templates matching a search (name, topic or text), the chat's topic first, each filled in. */
    public List<TemplateView> responses(String conversationId, String agentUsername, String query) {
        Conversation c = store.get(conversationId);
        Map<String, String> vars = variables(store.view(c), users.displayName(agentUsername));
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String topic = c.getRequiredSkill();
        return templates(ReplyTemplate.Kind.RESPONSE).stream()
                .filter(t -> q.isEmpty() || (t.getName() + " " + t.getTopic() + " " + t.getBody()).toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((ReplyTemplate t) -> topic != null && topic.equals(t.getTopic()) ? 0 : t.getTopic() == null ? 1 : 2)
                        .thenComparing(ReplyTemplate::getName))
                .map(t -> TemplateView.of(t, TemplateRenderer.render(t.getBody(), vars)))
                .toList();
    }

    /** First start: a useful set of templates an admin can edit. */
    public void ensureDefaults(String user) {
        if (!list().isEmpty()) {
            return;
        }
        save("Opening - general", "opening", null,
                "Hi {{customer.firstName|there}}, I'm {{agent.firstName}} and I've read your conversation so far, so you won't need to repeat anything. Let me look into it.", user);
        save("Opening - billing", "opening", "billing",
                "Hi {{customer.firstName|there}}, I'm {{agent.firstName}} from the billing team. I've read everything you told our assistant about {{fact.amount|the charge}} and I'm checking your account now.", user);
        save("Opening - technical", "opening", "technical",
                "Hi {{customer.firstName|there}}, I'm {{agent.firstName}} from the product team. I've read what you tried so far and I'm looking into it.", user);
        save("Verify identity", "response", null,
                "Before I make changes, could you confirm the e-mail address on your account and the last four digits of the card you pay with?", user);
        save("Refund issued", "response", "billing",
                "I've refunded {{fact.amount|the duplicate charge}}. It will be back on your card within 5-10 business days, and you'll get a confirmation e-mail.", user);
        save("Duplicate charge - next steps", "response", "billing",
                "Thanks for your patience. I can see the charge for order {{fact.order|your order}}. I'm opening a refund request and will confirm here once it's through.", user);
        save("Still investigating", "response", null,
                "Thanks for waiting, {{customer.firstName|}} - I'm still looking into this and will update you within five minutes.", user);
        save("Follow-up", "response", null,
                "Is there anything else I can help you with today?", user);
    }

    private List<ReplyTemplate> templates(ReplyTemplate.Kind kind) {
        return em.createNamedQuery(ReplyTemplate.FIND_ALL, ReplyTemplate.class).getResultStream().filter(t -> t.getKind() == kind).toList();
    }

    private Optional<ReplyTemplate> byName(String name) {
        return em.createNamedQuery(ReplyTemplate.FIND_BY_NAME, ReplyTemplate.class).setParameter("name", name).getResultStream().findFirst();
    }

    static Map<String, String> variables(ConversationView v, String agentDisplayName) {
        Map<String, String> vars = new HashMap<>();
        String name = v.customer().name();
        vars.put("customer.name", name);
        vars.put("customer.firstName", TemplateRenderer.firstName(name));
        vars.put("agent.name", agentDisplayName);
        vars.put("agent.firstName", TemplateRenderer.firstName(agentDisplayName));
        vars.put("reason", v.escalationReason());
        vars.put("topic", v.requiredSkill());
        vars.put("page.title", v.pageTitle());
        vars.put("page.url", v.pageUrl());
        ContextView ctx = v.context();
        if (ctx != null) {
            vars.put("summary", ctx.summary());
            for (ContextView.FactView f : ctx.facts()) {
                String key = switch (f.kind()) {
                    case "ORDER_NUMBER" -> "fact.order";
                    case "MONEY" -> "fact.amount";
                    case "TRANSACTION_ID" -> "fact.transaction";
                    case "EMAIL" -> "fact.email";
                    case "DATE" -> "fact.date";
                    case "INVOICE_NUMBER" -> "fact.invoice";
                    default -> null;
                };
                if (key != null) {
                    vars.putIfAbsent(key, f.value());
                }
            }
        }
        return vars;
    }
}
