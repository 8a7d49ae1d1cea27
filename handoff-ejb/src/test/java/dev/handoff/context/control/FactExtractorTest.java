package dev.handoff.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.control.Fact;
import dev.handoff.conversation.control.Fact.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

    private final FactExtractor extractor = new FactExtractor();

    private List<String> of(Kind kind, String text) {
        return extractor.extract(text).stream().filter(f -> f.kind() == kind).map(Fact::normalized)
                .collect(Collectors.toList());
    }

    private String all(String text) {
        return extractor.extract(text).stream().map(f -> f.kind() + "=" + f.normalized())
                .collect(Collectors.joining(", "));
    }

    @Test
    void emailsAreLowerCasedAndTrailingDotDropped() {
        assertEquals(List.of("dana.w+billing@example.co.uk"),
                of(Kind.EMAIL, "My email is Dana.W+Billing@Example.co.uk."));
    }

    @Test
    void moneyWithSymbolsCodesAndEuropeanDecimals() {
        assertEquals(List.of("49.99 USD", "12.00 EUR", "49.00 USD", "12.50 EUR", "1299.00 USD", "1299.00 EUR", "5.00 GBP"),
                of(Kind.MONEY, "Charged $49.99 and €12, then 49 USD? Also 12,50 EUR, USD 1,299.00, 1.299,00 € and £5"));
    }

    @Test
    void moneyInWords() {
        assertEquals(List.of("20.00 USD", "3.50 EUR"), of(Kind.MONEY, "they took 20 dollars and 3,50 euros"));
    }

    @Test
    void datesInSeveralForms() {
        assertEquals(List.of("--03-03", "2026-03-14", "2026-03-15", "2026-03-16", "2026-04-01", "--12-24", "2026-02-28"),
                of(Kind.DATE, "Billed March 3 and 3/14/2026, again 2026-03-15, 16.03.2026, April 1st, 2026,"
                        + " 24th of December and Feb 28 2026"));
    }

    @Test
    void impossibleDatesAreIgnored() {
        assertEquals(List.of(), of(Kind.DATE, "on 2026-02-30 or 13/13/2026 or February 31"));
    }

    @Test
    void dayFirstWhenTheFirstNumberCannotBeAMonth() {
        assertEquals(List.of("2026-03-14"), of(Kind.DATE, "paid on 14/3/2026"));
    }

    @Test
    void lowerCaseMayIsAVerb() {
        assertEquals(List.of(), of(Kind.DATE, "you may 2 times refuse"));
        assertEquals(List.of("--05-02"), of(Kind.DATE, "since May 2"));
    }

    @Test
    void transactionIds() {
        assertEquals(List.of("txn_8HD2K", "TX-99231", "4839201", "CH-7781X"),
                of(Kind.TRANSACTION_ID, "ids: txn_8HD2K, tx-99231 and transaction id 4839201; payment ref: ch-7781x"));
    }

    @Test
    void orderAndInvoiceNumbers() {
        String text = "order #12345, order number A-99812, invoice INV-2026-001 and invoice no. 7781";
        assertEquals(List.of("12345", "A-99812"), of(Kind.ORDER_NUMBER, text));
        assertEquals(List.of("INV-2026-001", "7781"), of(Kind.INVOICE_NUMBER, text));
    }

    @Test
    void plainNumbersAndPhoneNoiseGiveNothing() {
        assertEquals("", all("I tried 2 times, called 555-123-4567 and +1 (415) 555 0100, waited 45 minutes"));
        assertEquals("", all("I want to order 3 more and the order to arrive; charge 300 more"));
    }

    @Test
    void anAmountAfterAKeywordIsMoneyNotAnId() {
        assertEquals("MONEY=300.00 USD", all("the charge 300 dollars is wrong"));
        assertEquals("MONEY=12.50 EUR", all("payment 12,50 EUR"));
    }

    @Test
    void anEmailIsNotAlsoAnOrderNumber() {
        assertEquals("EMAIL=ann.order123@x.io", all("write to ann.order123@x.io"));
    }

    @Test
    void dedupedInOrderOfFirstAppearanceAcrossLinesAndOnlyFromCustomerAndBot() {
        Instant t = Instant.parse("2026-03-14T10:00:00Z");
        List<TranscriptLine> lines = List.of(
                TranscriptLine.customer("I paid $49.99 on March 3, txn TX-99231", t),
                new TranscriptLine(TranscriptLine.Author.AGENT, "agent note: order #55555", t),
                TranscriptLine.bot("I found TX-99231 for $49.99", t),
                TranscriptLine.customer("Also tx-99232, mail me at a@b.io", t));

        List<Fact> facts = extractor.extract(lines);

        assertEquals(List.of("MONEY=49.99 USD@0", "DATE=--03-03@0", "TRANSACTION_ID=TX-99231@0",
                        "TRANSACTION_ID=TX-99232@3", "EMAIL=a@b.io@3"),
                facts.stream().map(f -> f.kind() + "=" + f.normalized() + "@" + f.line()).collect(Collectors.toList()));
        assertEquals("$49.99", facts.get(0).value());
    }

    @Test
    void nonAsciiTextStillYieldsFacts() {
        assertEquals("MONEY=12.50 EUR, ORDER_NUMBER=A-1234", all("Ich wurde 12,50 € belastet, Bestellung — order #A-1234 ✓"));
    }

    @Test
    void amountParsing() {
        assertEquals(new BigDecimal("12500"), FactExtractor.amountOf("12,500"));
        assertEquals(new BigDecimal("12.5"), FactExtractor.amountOf("12,5"));
        assertTrue(FactExtractor.amountOf("1.299,00").compareTo(new BigDecimal("1299")) == 0);
    }
}
