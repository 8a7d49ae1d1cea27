package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
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

    /** One message: who wrote it, the text and, for bot messages, the bot's own confidence and intent. */
    public record Line(Author author, String text, Double botConfidence, String intent) {

        public Line(Author author, String text, Double botConfidence) {
            this(author, text, botConfidence, null);
        }

        public static Line customer(String text) {
            return new Line(Author.CUSTOMER, text, null, null);
        }
    }

    /**
     * What we know of the customer: tier, account value, and when they were last handed to a person,
     * as of {@code asOf}, the time the message is evaluated at (now for live messages, the message's
     * own time in a replay). The engine never reads the clock: "within the last N days" is measured
     * from {@code asOf}.
     */
    public record CustomerFacts(String tier, BigDecimal accountValue, java.time.Instant lastEscalatedAt, java.time.Instant asOf) {

        public static final CustomerFacts UNKNOWN = new CustomerFacts(null, null, null, null);

        public CustomerFacts {
            if (lastEscalatedAt != null && asOf == null) {
                throw new IllegalArgumentException("a last escalation needs the time it is measured from");
            }
        }

        public CustomerFacts(String tier, BigDecimal accountValue) {
            this(tier, accountValue, null, null);
        }
    }
}
