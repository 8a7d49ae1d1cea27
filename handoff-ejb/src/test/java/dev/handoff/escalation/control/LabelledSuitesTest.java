package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Suites in and out of CSV and JSON: quoting, column order, BOM, every bad line reported, round trips. */
class LabelledSuitesTest {

    static final List<LabelledCase> CASES = List.of(
            new LabelledCase("a1", "I want my money back, now!", true, "billing", "billing-dispute", "angry, comma"),
            new LabelledCase("a2", "how do \"refunds\" work?", false, "billing", null, ""),
            new LabelledCase("a3", "customer: it crashed\nbot[0.2 fallback]: sorry?\ncustomer: it CRASHED again", true, "technical", null,
                    "multi-line transcript"),
            new LabelledCase("a4", "Ça ne marche pas, je veux parler à quelqu'un", true, "human_request", null, "non-ASCII"));

    @Test
    void csvRoundTripsQuotesCommasLineBreaksAndAccents() {
        String csv = LabelledSuites.toCsv(CASES);
        assertTrue(csv.startsWith(LabelledSuites.HEADER + "\n"));
        assertEquals(CASES, LabelledSuites.parseCsv(csv));
    }

    @Test
    void csvColumnsMayComeInAnyOrderWithABomAndCrLf() {
        String csv = "\uFEFFexpected,text\r\nescalate,agent please\r\nstay,\"hi, thanks\"\r\n\r\n";
        List<LabelledCase> parsed = LabelledSuites.parseCsv(csv);
        assertEquals(2, parsed.size());
        assertEquals("agent please", parsed.get(0).text());
        assertTrue(parsed.get(0).escalate());
        assertEquals("hi, thanks", parsed.get(1).text());
        assertFalse(parsed.get(1).escalate());
        assertNull(parsed.get(1).expectedTrigger());
        assertEquals("row2", parsed.get(1).id(), "a case without an id is named after its row");
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        String csv = "id,text,expected\n" + "x1,fine,escalate\n" + "x2,,stay\n" + "x3,ok,maybe\n" + "x4,too,many,cells\n";
        InvalidSuiteException e = assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseCsv(csv));
        List<String> fields = e.violations().stream().map(TriggerSetValidator.Violation::field).toList();
        assertEquals(List.of("line 3", "line 4", "line 5"), fields);
        assertTrue(e.violations().get(1).message().contains("'maybe'"), e.violations().toString());
    }

    @Test
    void unknownOrMissingColumnsAreRefusedByName() {
        InvalidSuiteException unknown = assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseCsv("text,expected,label\nhi,stay,x\n"));
        assertTrue(unknown.getMessage().contains("[label]"), unknown.getMessage());
        InvalidSuiteException missing = assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseCsv("id,text\n1,hi\n"));
        assertTrue(missing.getMessage().contains("expected"), missing.getMessage());
        assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseCsv(""));
    }

    @Test
    void jsonRoundTripsWithNameDescriptionAndGate() {
        LabelledSuites.Suite suite = new LabelledSuites.Suite("regressions", "Cases that once went wrong", true, CASES);
        String json = LabelledSuites.toJson(suite);
        assertTrue(json.contains("\"format\": \"" + LabelledSuites.FORMAT + "\"") || json.contains("\"format\":\"" + LabelledSuites.FORMAT + "\""), json);
        LabelledSuites.Suite back = LabelledSuites.parseJson(json);
        assertEquals("regressions", back.name());
        assertEquals("Cases that once went wrong", back.description());
        assertTrue(back.gate());
        // JSON leaves out empty optional fields; they come back empty
        assertEquals(CASES.get(0), back.cases().get(0));
        assertEquals(CASES.get(2).text(), back.cases().get(2).text());
        assertEquals(CASES.size(), back.cases().size());
    }

    @Test
    void badJsonNamesTheFaultyField() {
        InvalidSuiteException e = assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseJson(
                "{\"cases\":[{\"text\":\"hi\",\"expected\":\"stay\"},{\"text\":\"\",\"expected\":\"escalate\"},{\"text\":\"x\",\"expected\":true}]}"));
        assertEquals(List.of("cases[1].text", "cases[2].expected"), e.violations().stream().map(TriggerSetValidator.Violation::field).toList());
        assertEquals("cases", assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseJson("{\"name\":\"x\"}"))
                .violations().get(0).field());
        assertEquals("$", assertThrows(InvalidSuiteException.class, () -> LabelledSuites.parseJson("[1,2")).violations().get(0).field());
    }

    @Test
    void theShippedSuiteHasAtLeast300CasesOfBothKinds() {
        List<LabelledCase> shipped = LabelledSuites.shipped();
        assertTrue(shipped.size() >= 300, "size " + shipped.size());
        assertTrue(shipped.stream().filter(LabelledCase::escalate).count() >= 100);
        assertTrue(shipped.stream().filter(c -> !c.escalate()).count() >= 100);
    }
}
