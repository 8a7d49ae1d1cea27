package dev.handoff.web.faces.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handoff.metrics.control.AgentFigures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent figure rows: differences, missing values, and all agents' counts only per agent. */
class FigureTableTest {

    static AgentFigures figures(int agents, long handled, Double handleMean, Double csat, Double notNeededRate) {
        return new AgentFigures(agents, handled, handled, handleMean, handleMean, 30.0, 20.0, csat, 4, 1, 2, notNeededRate, 0.9, 1.0, 0.75,
                handled, 40.0, 35.0, 90.0, 7200 * agents, 0, 7200L * 3 * agents, 5400 * agents, 0.25);
    }

    static Map<String, FigureTable.Row> byKey(List<FigureTable.Row> rows) {
        return rows.stream().collect(Collectors.toMap(FigureTable.Row::key, Function.identity()));
    }

    @Test
    void mineAgainstThePreviousPeriodBesideAllAgents() {
        Map<String, FigureTable.Row> rows = byKey(FigureTable.rows(figures(1, 12, 600.0, 4.25, 0.1), figures(1, 9, 650.0, null, 0.125),
                figures(4, 50, 630.0, 4.0, 0.2)));
        assertEquals(new FigureTable.Row("handled", "Chats handled (accepted first)", "12", "9", "+3", "12.5 per agent"), rows.get("handled"));
        assertEquals("-50 s", rows.get("handle-mean").change());
        assertEquals("630 s", rows.get("handle-mean").third());
        assertEquals("4.25", rows.get("csat").first());
        assertEquals("–", rows.get("csat").second());
        assertEquals("", rows.get("csat").change(), "no change against a period without ratings");
        assertEquals("-2.5 pt", rows.get("not-needed-rate").change());
        assertEquals("20.0 %", rows.get("not-needed-rate").third());
        assertEquals(new FigureTable.Row("online", "Online (online or busy)", "2.0 h", "2.0 h", "+0.0 h", "2.0 h per agent"), rows.get("online"));
        assertEquals("25.0 %", rows.get("occupancy").first());
        assertEquals("35 s", rows.get("fr-median").first());
    }

    @Test
    void noAgentsNoPerAgentFigureAndNoThirdColumnForThePilot() {
        assertEquals("–", byKey(FigureTable.rows(figures(1, 1, null, null, null), figures(0, 0, null, null, null),
                figures(0, 0, null, null, null))).get("handled").third());
        assertEquals("", byKey(FigureTable.rows(figures(2, 5, null, null, null), figures(2, 7, null, null, null), null)).get("transfers").third());
    }
}
