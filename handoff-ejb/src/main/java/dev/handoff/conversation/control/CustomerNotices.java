package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.ContextFact;
import dev.handoff.conversation.entity.CustomerTemplate;
import dev.handoff.conversation.entity.CustomerTemplate.Kind;
import dev.handoff.conversation.entity.HandoffContext;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes what the customer is told, from the admin's texts ({@link CustomerTemplate}) or the
 * built-in ones ({@link CustomerTexts}), in the caller's transaction.
 */
@Dependent
public class CustomerNotices {

    @PersistenceContext
    EntityManager em;

    /** The transition to a person: the topic's text, worded with empathy when a frustration trigger fired. */
    public String transition(String topic, Collection<String> firedTriggers, String customerName) {
        boolean upset = firedTriggers.stream().anyMatch(CustomerTexts.FRUSTRATION_TRIGGERS::contains);
        return text(upset ? Kind.TRANSITION_EMPATHETIC : Kind.TRANSITION, topic, vars(topic, customerName, null));
    }

    /** What was passed on: the facts found in the chat (if any) and the topic. */
    public Optional<String> confirmation(HandoffContext context, String topic, String customerName) {
        Map<String, List<String>> byNoun = new LinkedHashMap<>();
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (ContextFact f : context == null ? List.<ContextFact>of() : context.getFacts()) {
            byKind.computeIfAbsent(f.getKind(), k -> new java.util.ArrayList<>()).add(f.getValue());
        }
        byKind.forEach((kind, values) -> byNoun.put(noun(kind, (int) values.stream().distinct().count()), values));
        Map<String, String> v = vars(topic, customerName, null);
        v.put("facts", CustomerTexts.factsPhrase(byNoun, topic));
        return Optional.of(text(Kind.CONFIRMATION, topic, v));
    }

    public String queue(String topic, int position, long waitSeconds) {
        Map<String, String> v = vars(topic, null, null);
        v.put("position", Integer.toString(position));
        v.put("wait", CustomerTexts.waitPhrase(waitSeconds));
        return text(Kind.QUEUE, topic, v);
    }

    public String joined(String topic, String agentName, String customerName) {
        return text(Kind.JOINED, topic, vars(topic, customerName, agentName));
    }

    public String goodbye(String topic, String agentName, String customerName) {
        return text(Kind.GOODBYE, topic, vars(topic, customerName, agentName));
    }

    public String csatQuestion(String topic) {
        return text(Kind.CSAT_QUESTION, topic, vars(topic, null, null));
    }

    public String longWait(String topic, String customerName) {
        return text(Kind.LONG_WAIT, topic, vars(topic, customerName, null));
    }

    private String text(Kind kind, String topic, Map<String, String> values) {
        Map<String, String> byTopic = new HashMap<>(CustomerTexts.defaults(kind));
        em.createNamedQuery(CustomerTemplate.FIND_ALL, CustomerTemplate.class).getResultStream()
                .filter(t -> t.getKind() == kind)
                .forEach(t -> byTopic.put(t.getTopic(), t.getBody()));
        String rendered = CustomerTexts.render(CustomerTexts.pick(byTopic, topic), values);
        return rendered.length() > 4000 ? rendered.substring(0, 4000) : rendered;
    }

    private static Map<String, String> vars(String topic, String customerName, String agentName) {
        Map<String, String> v = new HashMap<>();
        v.put("customer.name", customerName);
        v.put("customer.firstName", TemplateRenderer.firstName(customerName));
        v.put("topic", topic);
        v.put("topic.phrase", CustomerTexts.topicPhrase(topic));
        v.put("agent.name", agentName);
        v.put("agent.firstName", TemplateRenderer.firstName(agentName));
        return v;
    }

    private static String noun(String kind, int count) {
        try {
            return Fact.Kind.valueOf(kind).noun(count);
        } catch (IllegalArgumentException e) {
            return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
