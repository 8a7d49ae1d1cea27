package dev.handoff.web.faces.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.escalation.boundary.TriggerEdit;
import dev.handoff.escalation.control.ThresholdCurve;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.control.TriggerSetDocument.TopicSpec;
import dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerFormTest {

    /** One trigger of every kind, shaped like the shipped set's (which needs JSON-B to read, absent here). */
    private final TriggerSetDocument doc = new TriggerSetDocument(TriggerSetDocument.FORMAT, "test", null,
            List.of(new TopicSpec("human-request", "asks for a person", null, List.of("a", "b", "c", "d", "e"), List.of("n")),
                    new TopicSpec("billing-dispute", null, List.of("charged twice", "chargeback"), List.of("a", "b", "c", "d", "e"), null)),
            List.of("routine"),
            List.of(new TriggerSpec("explicit-human-request", "phrase", "asks", true, null, 90, List.of("general"), List.of("talk to a person"),
                            List.of("don't"), "human-request", null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null, "asked for a person"),
                    new TriggerSpec("billing-dispute", "topic", "charges", true, null, 70, List.of("billing"), null, null, "billing-dispute", 0.5,
                            null, null, null, null, null, null, null, null, null, null, null, null, null, "billing dispute"),
                    new TriggerSpec("frustration", "sentiment", null, true, null, 75, List.of("general"), null, null, "human-request", 0.7, -3.0,
                            3, 4.0, 2, null, null, null, null, null, null, null, null, null, "frustrated"),
                    new TriggerSpec("bot-failure", "botFailure", null, false, null, 50, null, null, null, null, null, null, null, null, null,
                            0.35, "fallback", 2, 0.8, null, null, null, null, null, null),
                    new TriggerSpec("vip-customer", "customer", null, true, false, 0, List.of("general"), null, null, null, null, null, null,
                            null, null, null, null, null, null, List.of("enterprise"), new java.math.BigDecimal("50000"), 0, null, null, null),
                    new TriggerSpec("upset-vip", "combination", null, true, null, 80, List.of("general"), null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, "and", List.of("vip-customer", "frustration"), null)));

    @Test
    void everyKindOfTriggerSurvivesTheEditorUnchanged() {
        for (TriggerSpec t : doc.triggersOrEmpty()) {
            TopicSpec topic = t.topic() == null ? null
                    : doc.topicsOrEmpty().stream().filter(s -> s.name().equals(t.topic())).findFirst().orElseThrow();
            TriggerEdit edit = TriggerForm.of(t, topic).toEdit();
            assertEquals(normal(t), normal(edit.trigger()), t.name());
            if (topic != null) {
                assertEquals(topic.examplesOrEmpty(), edit.topic().examplesOrEmpty(), t.name());
                assertEquals(topic.negativesOrEmpty(), edit.topic().negativesOrEmpty(), t.name());
                assertEquals(topic.keywordsOrEmpty(), edit.topic().keywordsOrEmpty(), t.name());
                assertEquals(topic.description(), edit.topic().description(), t.name());
                assertFalse(edit.newTopic());
            } else {
                assertNull(edit.topic());
            }
        }
    }

    @Test
    void aNewTopicTriggerTakesItsNameForItsTopicAndOnlyItsKindsSettings() {
        TriggerForm form = TriggerForm.create("topic");
        form.setName(" Cancel-Flight ");
        form.setLabel("wants to cancel a flight");
        form.setSkills("General, billing");
        form.setExamples("cancel my flight\n\n  please cancel my booking  \n");
        form.setNegatives("what is your cancellation policy?");
        form.setKeywords("cancel my flight\n");
        form.setThreshold(-3.0);
        TriggerEdit edit = form.toEdit();
        assertTrue(edit.isNew());
        assertTrue(edit.newTopic());
        assertEquals("cancel-flight", edit.trigger().name());
        assertEquals("cancel-flight", edit.trigger().topic());
        assertEquals(List.of("general", "billing"), edit.trigger().skills());
        assertEquals(0.5, edit.trigger().minScore());
        assertNull(edit.trigger().threshold(), "a sentiment setting does not stick to a topic trigger");
        assertEquals(List.of("cancel my flight", "please cancel my booking"), edit.topic().examples());
        assertEquals(List.of("cancel my flight"), edit.topic().keywords());
    }

    @Test
    void aPhraseTriggerMayHaveNoTopic() {
        TriggerForm form = TriggerForm.create("phrase");
        form.setName("callback");
        form.setPhrases("call me back\nphone me");
        TriggerEdit edit = form.toEdit();
        assertNull(edit.topic());
        assertNull(edit.trigger().topic());
        assertNull(edit.trigger().minScore());
        assertEquals(List.of("call me back", "phone me"), edit.trigger().phrases());
    }

    @Test
    void theCurveChartMarksThePickedPointAndTheThresholds() {
        List<ThresholdCurve.Point> points = List.of(new ThresholdCurve.Point(0.05, 1, 0.5, 10, 5), new ThresholdCurve.Point(0.1, 0.9, 0.1, 9, 1));
        String json = CurveChart.json(new ThresholdCurve("t", points, 0.05, 0.95, 0.5), 0.1);
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        var datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals("Catch rate", datasets.getJsonObject(CurveChart.CATCH).getString("label"));
        assertEquals(90.0, datasets.getJsonObject(CurveChart.CATCH).getJsonArray("data").getJsonObject(1).getJsonNumber("y").doubleValue());
        assertEquals(7, datasets.getJsonObject(CurveChart.FALSE_POSITIVES).getJsonArray("pointRadius").getInt(1));
        assertEquals("Current 0.50", datasets.getJsonObject(CurveChart.CURRENT).getString("label"));
        assertEquals("Suggested 0.05", datasets.getJsonObject(CurveChart.SUGGESTED).getString("label"));
    }

    /** The settings that matter, with defaults made explicit. */
    private static List<Object> normal(TriggerSpec t) {
        return java.util.Arrays.asList(t.name(), t.kind(), t.description(), t.isEnabled(), t.isStandalone(), t.priority(), t.skills(),
                t.phrases(), emptyToNull(t.negations()), t.topic(), t.minScore(), t.threshold(), t.trendWindow(), t.trendDrop(),
                t.profanityRepeats(), t.minConfidence(), t.fallbackIntent(), t.fallbacksInARow(), t.repeatSimilarity(), t.tiers(),
                t.minAccountValue(), t.recentEscalationDays(), t.operator(), t.of(), t.labelOrNull());
    }

    private static Object emptyToNull(List<String> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
