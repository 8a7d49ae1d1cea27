package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handoff calls ONNX Runtime with its own tokenizer and pooling (ADR 0013); this proves the
 * vectors equal those of the model's reference implementation (LangChain4j, test scope only).
 */
class SentenceEncoderReferenceTest {

    static final List<String> TEXTS = List.of(
            "I want to speak to a person",
            "cna i tlak to a humna pls??",
            "Café crème: I was CHARGED TWICE — €49.99 on 03/12!!",
            "my card hasn't arrived yet, when will it come",
            "",
            "   ",
            "我想和人工客服谈谈",
            "wtf is wrong with this app 😡😡 third time asking",
            "x".repeat(300),
            "word ".repeat(400));

    @Test
    void vectorsEqualTheReferenceImplementation() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        SentenceEncoder ours = SentenceEncoder.shared();
        for (String text : TEXTS) {
            if (text.isBlank() || text.split(" ").length > 100) {
                continue; // the reference refuses blank texts and averages windows of long ones; ours truncates
            }
            float[] expected = reference.embed(text).content().vector();
            float[] actual = ours.embed(text);
            assertEquals(SentenceEncoder.DIMENSIONS, actual.length);
            float cos = SentenceEncoder.dot(expected, actual);
            assertTrue(cos > 0.9999f, () -> "'" + text + "': cosine to the reference " + cos);
        }
    }

    @Test
    void similarMeaningsAreCloserThanDifferentOnes() {
        SentenceEncoder e = SentenceEncoder.shared();
        float[] person = e.embed("I want to speak to a person");
        float[] agent = e.embed("I would like to talk to a human");
        float[] invoice = e.embed("where can I download my invoice");
        float near = SentenceEncoder.dot(person, agent);
        float far = SentenceEncoder.dot(person, invoice);
        assertTrue(near > far + 0.15f, () -> near + " vs " + far);
        assertEquals(1.0, SentenceEncoder.dot(person, person), 1e-4);
    }

    @Test
    void longTextsAreTruncatedNotRefused() {
        float[] v = SentenceEncoder.shared().embed("word ".repeat(5_000));
        assertEquals(SentenceEncoder.DIMENSIONS, v.length);
    }
}
