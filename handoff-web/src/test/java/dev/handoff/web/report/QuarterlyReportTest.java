package dev.handoff.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import dev.handoff.metrics.control.Counter;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Measures;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.RollupKey;
import dev.handoff.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quarterly PDF read back with OpenPDF's text extractor, from roll-up rows whose figures are known. */
class QuarterlyReportTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    static final Quarter Q3 = new Quarter(2026, 3);

    /** Every day of Q3 and Q2: 100 started a day; emea accepted 20 escalations a day in Q3 (10 billing, 10 technical), 10 in Q2. */
    static Overview overview(String team) {
        List<Measures.Row> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-04-01"); !d.isAfter(Q3.last()); d = d.plusDays(1)) {
            boolean q3 = !d.isBefore(Q3.first());
            rows.add(row(new RollupKey(d, "", "web", "", ""), Counter.STARTED, 100));
            rows.add(escalations(new RollupKey(d, "billing", "web", "billing-dispute", "emea"), q3 ? 10 : 10, 40, 1));
            if (q3) {
                rows.add(escalations(new RollupKey(d, "technical", "web", "technical-dead-end", "emea"), 10, 200, 0));
            }
            rows.add(escalations(new RollupKey(d, "general", "web", "human-request", "americas"), 5, 30, 0));
        }
        Filter filter = new Filter(Q3.first(), Q3.last(), null, null, null, team);
        return new Measures(0.30).overview(filter, filter.between(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30")), rows, List.of());
    }

    static Measures.Row row(RollupKey k, Counter c, long v) {
        long[] counters = new long[Counter.SIZE];
        counters[c.ordinal()] = v;
        return new Measures.Row(k, counters);
    }

    /** {@code n} escalations accepted after {@code tta} seconds each, {@code flagged} of them "not needed". */
    static Measures.Row escalations(RollupKey k, long n, long tta, long flagged) {
        long[] c = new long[Counter.SIZE];
        c[Counter.ESCALATED.ordinal()] = n;
        c[Counter.ACCEPTED.ordinal()] = n;
        c[Counter.TTA_SUM.ordinal()] = n * tta;
        c[Counter.ttaBucket(tta).ordinal()] = n;
        c[Counter.SLA_MET.ordinal()] = tta <= 120 ? n : 0;
        c[Counter.NOT_NEEDED.ordinal()] = flagged;
        return new Measures.Row(k, c);
    }

    static QuarterlyReport.Spec spec(String team) {
        return new QuarterlyReport.Spec(Q3, Q3.last(), team, 0.15, 0.25, 0.30, 120, Instant.parse("2026-12-03T10:15:00Z"));
    }

    static String text(byte[] pdf) throws Exception {
        return PdfText.of(pdf);
    }

    /** Table cells come out with or without a space between them, lines wrap: compare without whitespace. */
    static boolean has(String text, String expected) {
        return text.replaceAll("\\s+", "").contains(expected.replaceAll("\\s+", ""));
    }

    @Test
    void oneTeamsQuarterAgainstThePreviousOne() throws Exception {
        byte[] pdf = new QuarterlyReport().render(spec("emea"), overview("emea"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));
        String text = text(pdf);
        assertTrue(has(text, "Handoff quarterly review 2026-Q3"), text);
        assertTrue(has(text, "Team emea"), text);
        assertTrue(has(text, "2026-07-01 to 2026-09-30"), text);
        assertTrue(has(text, "2026-Q2: 2026-04-01 to 2026-06-30"), text);
        // Q3: 92 days x 100 started; emea 92 x 20 escalated = 20 %; Q2: 91 x 10 of 91 x 100 = 10 %
        assertTrue(has(text, "Handoff rate 20.0 % 10.0 % +10.0 pt"), text);
        assertTrue(has(text, "Escalated to a person 1840 910 +102.2%"), text);
        // half the escalations waited 40 s, half 200 s: 120 s mean; in Q2 all 40 s
        assertTrue(has(text, "Time to agent, mean 120 s 40 s +80.0 s"), text);
        assertTrue(has(text, "Accepted within the time-to-agent target 50.0 % 100.0 % -50.0 pt"), text);
        assertTrue(has(text, "SLA compliance"), text);
        assertTrue(has(text, "billing-dispute (bot-training opportunity) 920 50.0 % 100.0 % -50.0 pt"), text);
        assertTrue(has(text, "technical-dead-end"), text);
        assertFalse(has(text, "human-request"), "americas' topic is not emea's: " + text);
        assertTrue(has(text, "Left the queue (abandoned): no team's"), text);
        // the team's precision counts first triggers: 92 of 920 billing escalations flagged
        assertTrue(has(text, "billing-dispute 920 92 90.0 % 90.0 % Keep"), text);
    }

    @Test
    void chartsAreVectorGraphics() throws Exception {
        byte[] pdf = new QuarterlyReport().render(spec(null), overview(null));
        String text = text(pdf);
        assertTrue(has(text, "All teams"), text);
        assertTrue(has(text, "Handoff rate 25.0 % 15.0 %"), "all teams: 25 of 100 in Q3, 15 in Q2: " + text);
        assertTrue(has(text, "human-request"), text);
        PdfReader reader = new PdfReader(pdf);
        try {
            // the charts are form XObjects (templates) of lines and rectangles, with their axis labels as text
            String xobjects = reader.getPageN(1).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES)
                    .getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT).getKeys().toString();
            assertTrue(xobjects.contains("Xf") || xobjects.contains("img"), xobjects);
        } finally {
            reader.close();
        }
        assertTrue(has(text, "07-01") && has(text, "09-30") && has(text, "30 %"), "week and axis labels: " + text);
    }

    @Test
    void quartersAreReadStrictlyAndBounded() {
        assertEquals(Q3, Quarter.parse(" 2026-Q3 ", TODAY));
        assertEquals(LocalDate.parse("2026-09-30"), Q3.last());
        assertEquals(new Quarter(2026, 2), Q3.previous());
        assertEquals(new Quarter(2025, 4), new Quarter(2026, 1).previous());
        assertEquals(TODAY, new Quarter(2026, 4).lastUntil(TODAY), "the current quarter to date");
        assertEquals(List.of(new Quarter(2026, 4), Q3, new Quarter(2026, 2)), Quarter.recent(TODAY, 3));
        InvalidInputException future = assertThrows(InvalidInputException.class, () -> Quarter.parse("2027-Q1", TODAY));
        assertEquals("2027-Q1 has not started yet; the latest is 2026-Q4", future.getMessage());
        InvalidInputException old = assertThrows(InvalidInputException.class, () -> Quarter.parse("2021-Q3", TODAY));
        assertEquals("2021-Q3 is more than 5 years back; the earliest is 2021-Q4", old.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> Quarter.parse("2026-Q5", TODAY)).getMessage().contains("like 2026-Q4"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Quarter.parse("", TODAY)).getMessage().startsWith("choose a quarter"));
        assertEquals("handoff-review-2026-Q3-all-teams.pdf", QuarterlyReport.fileName(Q3, null));
        assertEquals("handoff-review-2026-Q3-a_b.pdf", QuarterlyReport.fileName(Q3, "a/b"));
    }
}
