package dev.handoff.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.entity.CustomerTemplate.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerTextsTest {

    @Test
    void theTransitionNamesTheTopicAndFallsBackToTheGeneralText() {
        assertEquals("I'm connecting you with a specialist who can help with your billing concern.",
                CustomerTexts.pick(CustomerTexts.defaults(Kind.TRANSITION), "billing"));
        String other = CustomerTexts.render(CustomerTexts.pick(CustomerTexts.defaults(Kind.TRANSITION), "shipping"),
                Map.of("topic.phrase", CustomerTexts.topicPhrase("shipping")));
        assertEquals("I'm connecting you with a member of our support team who can help with your shipping question.", other);
    }

    @Test
    void theEmpatheticVariantTidiesAMissingName() {
        String text = CustomerTexts.render(CustomerTexts.pick(CustomerTexts.defaults(Kind.TRANSITION_EMPATHETIC), "general"),
                Map.of("topic.phrase", "question"));
        assertTrue(text.startsWith("I'm sorry this has been so frustrating. I'm getting"), text);
        String bye = CustomerTexts.render(CustomerTexts.pick(CustomerTexts.defaults(Kind.GOODBYE), "*"), Map.of("agent.name", "Alice Martin"));
        assertEquals("Alice Martin has ended the chat. Thank you for contacting us - have a good day!", bye);
    }

    @Test
    void theConfirmationListsTheFactsByKindThenTheTopic() {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        facts.put("transaction IDs", List.of("TX-88231", "TX-88232"));
        assertEquals("your transaction IDs TX-88231 and TX-88232 and your billing concern", CustomerTexts.factsPhrase(facts, "billing"));
        assertEquals("your billing concern and everything you've written so far", CustomerTexts.factsPhrase(Map.of(), "billing"));
    }

    @Test
    void waitsReadLikePeopleSayThem() {
        assertEquals("less than a minute", CustomerTexts.waitPhrase(20));
        assertEquals("about a minute", CustomerTexts.waitPhrase(70));
        assertEquals("about 3 minutes", CustomerTexts.waitPhrase(180));
        assertEquals("about 2 hours", CustomerTexts.waitPhrase(7200));
        assertEquals("You're number 2 in line, about 3 minutes.", CustomerTexts.render(
                CustomerTexts.pick(CustomerTexts.defaults(Kind.QUEUE), "billing"), Map.of("position", "2", "wait", "about 3 minutes")));
    }

    @Test
    void unknownVariablesAreNamed() {
        assertEquals(java.util.Set.of("nope"), CustomerTexts.unknownVariables("Hi {{customer.firstName}} {{nope}} {{position|1}}"));
    }
}
