package dev.handoff.web.faces.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.metrics.control.Counter;
import dev.handoff.metrics.control.Filter;
import dev.handoff.metrics.control.Measures;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.RollupKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardChartsTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");

    Overview overview() {
        long[] started = new long[Counter.SIZE];
        started[Counter.STARTED.ordinal()] = 10;
        long[] escalated = new long[Counter.SIZE];
        escalated[Counter.ESCALATED.ordinal()] = 4;
        List<Measures.Row> rows = List.of(new Measures.Row(new RollupKey(DAY, "", "web", ""), started),
                new Measures.Row(new RollupKey(DAY, "billing", "web", "billing-dispute"), escalated));
        return new Measures(0.3).overview(new Filter(DAY.minusDays(1), DAY, null, null, null), rows, List.of());
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void handoffRateWithTheTargetBand() {
        JsonObject chart = parse(DashboardCharts.handoffRate(overview(), 0.15, 0.25));
        JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals(3, datasets.size());
        JsonArray rate = datasets.getJsonObject(0).getJsonArray("data");
        assertTrue(rate.isNull(0), "a day without conversations has no point");
        assertEquals(40.0, rate.getJsonNumber(1).doubleValue(), 1e-9);
        assertEquals(15.0, datasets.getJsonObject(1).getJsonArray("data").getJsonNumber(0).doubleValue(), 1e-9);
        assertEquals(25.0, datasets.getJsonObject(2).getJsonArray("data").getJsonNumber(0).doubleValue(), 1e-9);
        assertEquals("-1", datasets.getJsonObject(2).getString("fill"), "the band is filled between low and high");
        assertEquals(List.of("2026-03-01", "2026-03-02"), chart.getJsonObject("data").getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void topicsAreHorizontalBarsWithTheTrainingColour() {
        JsonObject chart = parse(DashboardCharts.topics(overview()));
        assertEquals("y", chart.getJsonObject("options").getString("indexAxis"));
        JsonObject now = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(100.0, now.getJsonArray("data").getJsonNumber(0).doubleValue(), 1e-9);
        assertEquals("#dc2626", now.getJsonArray("backgroundColor").getString(0), "over the threshold: red");
        assertTrue(chart.getJsonObject("options").getJsonObject("scales").containsKey("x"));
    }
}
