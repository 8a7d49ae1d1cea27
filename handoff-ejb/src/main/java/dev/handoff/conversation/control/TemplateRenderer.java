package dev.handoff.conversation.control;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{variable}}} placeholders. Known variables: {@value #VARIABLES}. A
 * placeholder may carry a fallback, {@code {{customer.firstName|there}}}; an unknown or empty
 * variable without one becomes nothing, and the spaces and punctuation left around it are tidied,
 * so "Hi {{customer.firstName}}, …" reads "Hi, …" rather than "Hi , …". Pure.
 */
public final class TemplateRenderer {

    public static final String VARIABLES = "customer.name, customer.firstName, agent.name, agent.firstName, reason, summary, topic, "
            + "page.title, page.url, fact.order, fact.amount, fact.transaction, fact.email, fact.date, fact.invoice";
    public static final Set<String> KNOWN = Set.of(VARIABLES.split(",\\s*"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*(?:\\|([^}]*))?}}");

    private TemplateRenderer() {}

    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        m.appendTail(out);
        return tidy(out.toString());
    }

    /** The placeholders a template uses that are not known variables (shown to the admin who saves it). */
    public static Set<String> unknownVariables(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    static String tidy(String text) {
        return text.replaceAll("[ \\t]+([,.!?;:])", "$1")
                .replaceAll("[ \\t]{2,}", " ")
                .replaceAll("(?m)^[ \\t]+|[ \\t]+$", "")
                .strip();
    }

    /** "Dana" from "Dana Smith"; null stays null. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }
}
