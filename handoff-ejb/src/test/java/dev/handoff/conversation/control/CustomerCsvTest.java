package dev.handoff.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.control.CustomerImport.LineError;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerCsvTest {

    private static CustomerImport parse(String text) {
        return CustomerCsv.parse(new StringReader(text));
    }

    private static List<String> errors(CustomerImport result) {
        return result.errors().stream().map(e -> e.line() + ": " + e.message()).collect(Collectors.toList());
    }

    @Test
    void readsUtf8WithBomCrlfQuotesAndFreeColumnOrder() {
        String csv = "\uFEFFemail,external_id,name,account_value,renewal_date,tier,notes\r\n"
                + "Dana@Example.com,C-1,\"Whitfield, Dana\",12000.50,2026-09-30,gold,\"Said \"\"call me\"\"\r\nafter 5\"\r\n"
                + "\r\n"
                + "jörg@exämple.de,,Jörg Müller,,,silver,\r\n";
        CustomerImport result = CustomerCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(), errors(result));
        assertEquals(List.of(
                new CustomerRow(2, "C-1", "dana@example.com", "Whitfield, Dana", "gold", new BigDecimal("12000.50"),
                        LocalDate.of(2026, 9, 30), "Said \"call me\"\r\nafter 5"),
                new CustomerRow(5, null, "jörg@exämple.de", "Jörg Müller", "silver", null, null, null)), result.rows());
        assertTrue(result.clean());
    }

    @Test
    void badLinesAreReportedAndTheRestIsRead() {
        String csv = "external_id,email,name,tier,account_value,renewal_date,notes\n"
                + "C-1,a@b.io,Ann,gold,100,2026-01-31,\n"
                + "C-2,not-an-email,Bob,,,,\n"
                + "C-3,c@b.io,Cy,,lots,,\n"
                + "C-4,d@b.io,Di,,,31/01/2026,\n"
                + ",,Nobody,,,,\n"
                + "C-5,e@b.io,Ed\n"
                + "C-1,f@b.io,Again,,,,\n"
                + "C-6,a@b.io,Same mail,,-5,,\n"
                + "C-7,g@b.io,Gil,\"basic\"x,,,\n"
                + "C-8,h@b.io,Hal,,,,ok\n";
        CustomerImport result = parse(csv);

        assertEquals(List.of(
                "3: email 'not-an-email' is not an e-mail address",
                "4: account_value 'lots' is not a number like 1200.50",
                "5: renewal_date '31/01/2026' is not a date like 2026-03-14",
                "6: external_id or email is required",
                "7: expected 7 fields, found 3",
                "8: external_id C-1 is already on line 2",
                "9: account_value -5 is negative",
                "10: text after a closing quote"), errors(result));
        assertEquals(List.of("C-1", "C-8"), result.rows().stream().map(CustomerRow::externalId).collect(Collectors.toList()));
        assertEquals(11, result.rows().get(1).line());
    }

    @Test
    void unknownColumnsAreNamed() {
        CustomerImport result = parse("external_id,Email,phone,segment\nC-1,a@b.io,555,x\n");

        assertEquals(List.of(new LineError(1, "unknown columns: phone, segment (allowed: external_id, email, name, tier,"
                + " account_value, renewal_date, notes)")), result.errors());
        assertEquals(List.of(), result.rows());
    }

    @Test
    void headerProblems() {
        assertEquals(List.of("1: repeated columns: email"), errors(parse("email,name,email\n")));
        assertEquals(List.of("1: the header needs external_id or email"), errors(parse("name,tier\nAnn,gold\n")));
        assertEquals(List.of("1: the file is empty; expected a header line"), errors(parse("")));
        assertEquals(List.of("1: the file is not valid UTF-8"), errors(CustomerCsv.parse(
                new ByteArrayInputStream(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3, (byte) 0x28, '\n'}))));
    }

    @Test
    void anUnclosedQuoteIsAnErrorOnItsLine() {
        CustomerImport result = parse("email,notes\na@b.io,fine\nb@b.io,\"never closed\nc@b.io,x\n");

        assertEquals(List.of("3: a quoted field is not closed"), errors(result));
        assertEquals(1, result.rows().size());
    }

    @Test
    void stopsAfterTheRowLimit() {
        StringBuilder csv = new StringBuilder("external_id\n");
        for (int i = 1; i <= CustomerCsv.MAX_ROWS + 3; i++) {
            csv.append("C-").append(i).append('\n');
        }
        CustomerImport result = parse(csv.toString());

        assertEquals(CustomerCsv.MAX_ROWS, result.rows().size());
        assertEquals(List.of((CustomerCsv.MAX_ROWS + 2) + ": more than 50000 rows; this line and the rest were not read"),
                errors(result));
    }

    @Test
    void writesWhatItReads() throws Exception {
        List<CustomerRow> rows = List.of(
                new CustomerRow(0, "C-1", "a@b.io", "Whitfield, Dana", "gold", new BigDecimal("1E+3"), LocalDate.of(2026, 3, 14),
                        "line one\nline \"two\""),
                new CustomerRow(0, null, "b@b.io", null, null, null, null, null));
        StringWriter out = new StringWriter();

        CustomerCsv.write(rows, out);

        assertEquals("external_id,email,name,tier,account_value,renewal_date,notes\r\n"
                + "C-1,a@b.io,\"Whitfield, Dana\",gold,1000,2026-03-14,\"line one\nline \"\"two\"\"\"\r\n"
                + ",b@b.io,,,,,\r\n", out.toString());
        List<CustomerRow> back = parse(out.toString()).rows();
        assertEquals(rows.get(0).notes(), back.get(0).notes());
        assertEquals(0, new BigDecimal("1000").compareTo(back.get(0).accountValue()));
        assertEquals(4, back.get(1).line());
    }
}
