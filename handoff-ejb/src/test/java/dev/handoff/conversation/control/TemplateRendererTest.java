package dev.handoff.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void fillsVariablesAndFallbacks() {
        String t = "Hi {{customer.firstName|there}}, I'm {{agent.firstName}}. I can see {{summary}} Order {{fact.order}} is on my screen.";
        assertEquals("Hi Dana, I'm Alice. I can see you were charged twice. Order #12345 is on my screen.",
                TemplateRenderer.render(t, Map.of("customer.firstName", "Dana", "agent.firstName", "Alice",
                        "summary", "you were charged twice.", "fact.order", "#12345")));
        assertEquals("Hi there, I'm Alice. I can see Order is on my screen.",
                TemplateRenderer.render(t, Map.of("agent.firstName", "Alice")), "missing values vanish, fallbacks apply");
    }

    @Test
    void tidiesSpacesLeftByEmptyVariables() {
        assertEquals("Hi, thanks for waiting.", TemplateRenderer.render("Hi {{customer.firstName}}, thanks for waiting.", Map.of()));
        assertEquals("Hello $x \\1", TemplateRenderer.render("Hello {{customer.name}}", Map.of("customer.name", "$x \\1")),
                "replacement text is taken literally");
    }

    @Test
    void reportsUnknownVariables() {
        assertEquals(Set.of("customer.shoeSize", "order"), TemplateRenderer.unknownVariables("{{customer.shoeSize}} {{order}} {{summary}} {{ fact.email }}"));
    }

    @Test
    void firstNameOfAFullName() {
        assertEquals("Dana", TemplateRenderer.firstName("  Dana  Smith "));
        assertEquals(null, TemplateRenderer.firstName(" "));
    }
}
