package dev.handoff.escalation.control;

import dev.handoff.conversation.entity.Author;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a trigger engine looks at: the transcript so far (the last line is the new message) and
 * what we know of the customer.
 */
public record TriggerInput(List<Line> transcript, CustomerFacts customer) {

    public TriggerInput {
        transcript = List.copyOf(Objects.requireNonNull(transcript));
        customer = customer == null ? CustomerFacts.UNKNOWN : customer;
    }

    public static TriggerInput of(String customerText) {
        return new TriggerInput(List.of(Line.customer(customerText)), CustomerFacts.UNKNOWN);
    }

    public Line latest() {
        return transcript.isEmpty() ? null : transcript.get(transcript.size() - 1);
    }

    /** One message: who wrote it, the text and, for bot messages, the bot's own confidence. */
    public record Line(Author author, String text, Double botConfidence) {
        public static Line customer(String text) {
            return new Line(Author.CUSTOMER, text, null);
        }
    }

    public record CustomerFacts(String tier, BigDecimal accountValue) {
        public static final CustomerFacts UNKNOWN = new CustomerFacts(null, null);
    }
}
