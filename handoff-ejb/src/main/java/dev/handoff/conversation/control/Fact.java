package dev.handoff.conversation.control;

/**
 * One fact found in a transcript: its kind, the text as the customer wrote it, a normalized form
 * (used to drop duplicates and to compare with other systems) and the index of the transcript line
 * it first appeared on.
 *
 * <p>Normalized forms: e-mail lower case; money {@code "1299.00 USD"} (plain decimal, ISO code);
 * dates ISO {@code 2026-03-14}, or {@code --03-03} when no year was given; ids upper case without a
 * leading {@code #}, except provider ids such as {@code txn_8HD2K} which are case-sensitive.
 */
public record Fact(Kind kind, String value, String normalized, int line) {

    /** What a fact is. */
    public enum Kind {
        EMAIL("e-mail address", "e-mail addresses"),
        MONEY("amount", "amounts"),
        DATE("date", "dates"),
        TRANSACTION_ID("transaction ID", "transaction IDs"),
        ORDER_NUMBER("order number", "order numbers"),
        INVOICE_NUMBER("invoice number", "invoice numbers");

        private final String singular;
        private final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        /** Noun phrase for summaries: "transaction ID" or "transaction IDs". */
        public String noun(int count) {
            return count == 1 ? singular : plural;
        }
    }
}
