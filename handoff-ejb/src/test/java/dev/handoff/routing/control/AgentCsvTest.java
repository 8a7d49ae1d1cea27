package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.routing.control.AgentCsv.LineError;
import dev.handoff.identity.entity.Agent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentCsvTest {

    private static final AgentRecord ALICE = new AgentRecord("alice", "Alice Liddell", Role.AGENT, true, 3,
            Map.of("billing", 5, "general", 3), Set.of("en", "de"), 2, "EMEA");
    private static final AgentRecord BOB = new AgentRecord("bob", "Bob \"the builder\", Jr.", Role.SUPERVISOR, false, 20,
            Map.of(), Set.of("pt-br"), 5, "");
    private static final AgentRecord ADMIN = new AgentRecord("admin", "Zoë Ärger", Role.ADMIN, true, null, Map.of(), null,
            null, "");

    private static List<AgentRecord> records(AgentCsv.Result result) {
        return result.agents().stream().map(AgentCsv.Line::agent).toList();
    }

    @Test
    void whatItWritesReadsBackUnchanged() {
        String csv = AgentCsv.write(List.of(ADMIN, ALICE, BOB));

        AgentCsv.Result read = AgentCsv.parse(csv);

        assertEquals(List.of(), read.errors());
        assertEquals(List.of(ADMIN, ALICE, BOB), records(read));
        assertEquals(csv, AgentCsv.write(records(read)));
    }

    @Test
    void writesTheHeaderSkillsAndLanguagesWithSemicolonsAndCrlf() {
        String csv = AgentCsv.write(List.of(ALICE, ADMIN));

        assertEquals(AgentCsv.HEADER + "\r\n"
                + "alice,Alice Liddell,agent,true,3,billing:5;general:3,de;en,2,EMEA\r\n"
                + "admin,Zoë Ärger,admin,true,,,,,\r\n", csv);
    }

    @Test
    void roundTripsUsersAndAgentsAsTheyAreStored() {
        UserAccount carol = new UserAccount("carol", "Carol, \"CJ\"", "hash", Role.AGENT, Instant.EPOCH);
        Agent agent = new Agent(carol, 4, Map.of("returns", 2, "vip support", 4));
        agent.changeProfile(Set.of("fr", "en"), 3, null);
        UserAccount root = new UserAccount("root", "Root", "hash", Role.ADMIN, Instant.EPOCH);
        root.disable();
        List<AgentRecord> stored = List.of(AgentCsv.of(carol, agent), AgentCsv.of(root, null));

        AgentCsv.Result read = AgentCsv.parse(AgentCsv.write(stored));

        assertEquals(stored, records(read));
        assertEquals("", records(read).get(0).team());
        assertEquals(Boolean.FALSE, records(read).get(1).enabled());
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        String csv = "username,display_name,skills,languages\n"
                + "dora,\"Dora \"\"D\"\" Explorer\nsecond line\",\"billing:5, general:3\",\"en, es\"\n"
                + "eve, \"Eve, Ltd\" ,,en\n";

        AgentCsv.Result read = AgentCsv.parse(csv);

        assertEquals(List.of(), read.errors());
        AgentRecord dora = read.agents().get(0).agent();
        assertEquals("Dora \"D\" Explorer\nsecond line", dora.displayName());
        assertEquals(Map.of("billing", 5, "general", 3), dora.skills());
        assertEquals(Set.of("en", "es"), dora.languages());
        assertEquals(2, read.agents().get(0).line());
        assertEquals(4, read.agents().get(1).line(), "the line count goes on after a line break inside quotes");
        assertEquals("Eve, Ltd", read.agents().get(1).agent().displayName());
    }

    @Test
    void columnsComeInAnyOrderAndMissingOnesAreNull() {
        AgentCsv.Result read = AgentCsv.parse("TEAM, Capacity ,username\r\nAPAC,7,Frank\r\n");

        assertEquals(List.of(), read.errors());
        AgentRecord frank = read.agents().get(0).agent();
        assertEquals(new AgentRecord("frank", null, null, null, 7, null, null, null, "APAC"), frank);
    }

    @Test
    void emptyCellsKeepValuesButEmptySkillsAndTeamMeanNone() {
        AgentRecord read = AgentCsv.parse(AgentCsv.HEADER + "\ngina,,,,,,,,\n").agents().get(0).agent();

        assertEquals(new AgentRecord("gina", null, null, null, null, Map.of(), null, null, ""), read);
    }

    @Test
    void aByteOrderMarkIsSkippedAndBytesAreUtf8() {
        byte[] bytes = ("\uFEFFusername,display_name\nhans,Hans Müller\n").getBytes(StandardCharsets.UTF_8);

        AgentCsv.Result read = AgentCsv.parse(new ByteArrayInputStream(bytes));

        assertEquals("Hans Müller", read.agents().get(0).agent().displayName());
    }

    @Test
    void malformedUtf8IsOneErrorOnLineOne() {
        AgentCsv.Result read = AgentCsv.parse(new ByteArrayInputStream(new byte[] {'u', (byte) 0xC3, '\n'}));

        assertEquals(List.of(new LineError(1, "the file is not valid UTF-8")), read.errors());
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndTheGoodOnesAreKept() {
        String csv = String.join("\n", AgentCsv.HEADER,
                "ok1,OK One,agent,true,3,general:3,en,1,",
                "Bad Name,X,agent,true,3,,en,1,",
                "ok2,OK Two,boss,maybe,99,billing:9,english,7,",
                "ok3,OK Three,agent,true,3",
                "ok1,Again,agent,true,3,,en,1,",
                "ok4,\"unclosed,agent,true,3,,en,1,");

        AgentCsv.Result read = AgentCsv.parse(csv);

        assertEquals(List.of("ok1"), records(read).stream().map(AgentRecord::username).toList());
        List<Integer> lines = read.errors().stream().map(LineError::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7), lines);
        assertTrue(read.errors().get(0).message().contains("username 'bad name'"), read.errors().get(0).message());
        String four = read.errors().get(1).message();
        for (String part : List.of("role 'boss'", "enabled 'maybe'", "capacity '99'", "skills:", "'english'", "tier '7'")) {
            assertTrue(four.contains(part), part + " in " + four);
        }
        assertEquals("expected 9 fields, found 5 (quote cells that contain commas)", read.errors().get(2).message());
        assertEquals("user ok1 is already on line 2", read.errors().get(3).message());
        assertEquals("a quoted field is not closed", read.errors().get(4).message());
    }

    @Test
    void strayQuotesAreErrorsOfTheirLine() {
        AgentCsv.Result read = AgentCsv.parse("username,display_name\nivy,Ivy \"I\" Q\njack,\"Jack\"son\nkim,Kim\n");

        assertEquals(List.of(2, 3), read.errors().stream().map(LineError::line).toList());
        assertEquals(List.of("kim"), records(read).stream().map(AgentRecord::username).toList());
    }

    @Test
    void unknownRepeatedOrMissingColumnsStopAtTheHeader() {
        assertEquals(List.of(new LineError(1, "unknown columns: password, notes (allowed: " + AgentCsv.HEADER + ")")),
                AgentCsv.parse("username,password,notes\nx1,secret,hi\n").errors());
        assertEquals(List.of(new LineError(1, "repeated columns: team")), AgentCsv.parse("username,team,team\n").errors());
        assertEquals(List.of(new LineError(1, "the header needs a username column")), AgentCsv.parse("display_name\nX\n").errors());
        assertTrue(AgentCsv.parse("username,display_name\n").agents().isEmpty());
    }

    @Test
    void emptyTextIsAnErrorAndBlankLinesAreSkipped() {
        assertEquals(1, AgentCsv.parse("  \n\n").errors().size());
        AgentCsv.Result read = AgentCsv.parse("\nusername\n\nleo\n,\n");
        assertEquals(List.of(), read.errors());
        assertEquals(4, read.agents().get(0).line());
    }

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertEquals("plain", AgentCsv.quote("plain"));
        assertEquals("\"a,b\"", AgentCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AgentCsv.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", AgentCsv.quote("two\nlines"));
        assertEquals("", AgentCsv.quote(""));
    }

    @Test
    void hasAgentFieldsIgnoresEmptySkillsAndTeam() {
        assertTrue(!ADMIN.hasAgentFields());
        assertTrue(ALICE.hasAgentFields());
        assertNull(AgentCsv.parse("username,tier\nmia,\n").agents().get(0).agent().tier());
    }
}
