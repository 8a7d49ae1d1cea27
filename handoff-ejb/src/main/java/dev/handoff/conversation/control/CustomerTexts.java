package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.CustomerTemplate.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the customer reads at each step of the handoff: the built-in texts (what an admin
 * starts from and can reset to) and the filling-in of {@code {{variables}}}. Pure.
 */
public final class CustomerTexts {

    /** The variables a customer text may use. */
    public static final List<String> VARIABLES = List.of("customer.name", "customer.firstName", "topic", "topic.phrase", "position",
            "wait", "agent.name", "agent.firstName", "facts");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*(?:\\|[^}]*)?}}");

    /** Triggers whose firing means the customer is upset: the transition is worded with empathy. */
    public static final Set<String> FRUSTRATION_TRIGGERS = Set.of("frustration", "high-value-customer-upset", "mild-negativity");

    private CustomerTexts() {}

    /** Built-in texts by kind and topic ({@code *} for every topic). */
    public static Map<String, String> defaults(Kind kind) {
        Map<String, String> d = new LinkedHashMap<>();
        switch (kind) {
            case TRANSITION -> {
                d.put("*", "I'm connecting you with a member of our support team who can help with your {{topic.phrase}}.");
                d.put("billing", "I'm connecting you with a specialist who can help with your billing concern.");
                d.put("technical", "I'm connecting you with a technical specialist who can look into this problem with you.");
                d.put("security", "I'm connecting you with our account security team right away.");
            }
            case TRANSITION_EMPATHETIC -> {
                d.put("*", "I'm sorry this has been so frustrating, {{customer.firstName|}}. I'm getting a person from our team to help with your {{topic.phrase}} right now.");
                d.put("billing", "I'm really sorry about the trouble with your billing, {{customer.firstName|}}. I'm connecting you with a billing specialist right now.");
            }
            case CONFIRMATION -> d.put("*", "I've passed along {{facts}}, so you won't need to repeat yourself.");
            case QUEUE -> d.put("*", "You're number {{position}} in line, {{wait}}.");
            case JOINED -> d.put("*", "{{agent.name}} has joined the chat.");
            case GOODBYE -> d.put("*", "{{agent.name}} has ended the chat. Thank you for contacting us, {{customer.firstName|}} - have a good day!");
            case CSAT_QUESTION -> d.put("*", "How did we do? Please rate this chat from 1 (poor) to 5 (excellent); you can add a comment too.");
            case LONG_WAIT -> d.put("*", "Sorry for the wait. You can keep waiting, or we can call you back or answer by e-mail - whichever suits you.");
        }
        return d;
    }

    /** The text of {@code kind} for {@code topic}: the topic's own, else the one for every topic. */
    public static String pick(Map<String, String> byTopic, String topic) {
        String t = topic == null ? "*" : topic.toLowerCase(Locale.ROOT);
        return byTopic.getOrDefault(t, byTopic.get("*"));
    }

    /** Fills the variables; a comma left before a full stop or a dash by an empty name goes too ("us, - have" reads "us - have"). */
    public static String render(String template, Map<String, String> values) {
        return TemplateRenderer.render(template, values).replaceAll(",\\s*([.!?])", "$1").replaceAll(",\\s+-", " -");
    }

    /** Placeholders that are not known variables. */
    public static Set<String> unknownVariables(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** "billing concern", "technical problem", "account security", "question". */
    public static String topicPhrase(String topic) {
        if (topic == null) {
            return "question";
        }
        return switch (topic.toLowerCase(Locale.ROOT)) {
            case "billing" -> "billing concern";
            case "technical" -> "technical problem";
            case "security" -> "account security";
            case "general" -> "question";
            default -> topic.replace('-', ' ') + " question";
        };
    }

    /** "about 3 minutes", "about a minute", "less than a minute". */
    public static String waitPhrase(long seconds) {
        if (seconds < 45) {
            return "less than a minute";
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes == 1) {
            return "about a minute";
        }
        if (minutes < 90) {
            return "about " + minutes + " minutes";
        }
        long hours = Math.round(minutes / 60.0);
        return hours == 1 ? "about an hour" : "about " + hours + " hours";
    }

    /**
     * "your transaction IDs TX-88231 and TX-88232 and your billing concern": the facts, grouped by
     * kind, then the topic. At most three values a kind.
     */
    public static String factsPhrase(Map<String, List<String>> valuesByNoun, String topic) {
        List<String> parts = new java.util.ArrayList<>();
        valuesByNoun.forEach((noun, values) -> {
            List<String> shown = values.stream().distinct().limit(3).toList();
            parts.add("your " + noun + " " + join(shown));
        });
        if (parts.isEmpty()) {
            return "your " + topicPhrase(topic) + " and everything you've written so far";
        }
        parts.add("your " + topicPhrase(topic));
        return join(parts);
    }

    static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        if (items.size() == 2) {
            return items.get(0) + " and " + items.get(1);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
