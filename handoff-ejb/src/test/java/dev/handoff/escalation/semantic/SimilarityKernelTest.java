package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-product scan gives the cosines a plain loop gives, and each topic reads its own slice. */
class SimilarityKernelTest {

    private static final int D = SentenceEncoder.DIMENSIONS;

    @Test
    void theProductIsTheDotProductOfEachQueryWithEveryRow() {
        Random random = new Random(7);
        int n = 1_003;
        float[] rows = unitRows(random, n);
        float[][] queries = unitRows(random, 3, D);
        for (int m = 1; m <= 3; m++) {
            float[][] q = java.util.Arrays.copyOf(queries, m);
            float[][] out = SimilarityKernel.shared().similarities(q, SimilarityKernel.columns(rows, n), n);
            assertEquals(m, out.length);
            for (int i = 0; i < m; i++) {
                assertEquals(n, out[i].length);
                for (int r = 0; r < n; r++) {
                    float expected = 0;
                    for (int k = 0; k < D; k++) {
                        expected += rows[r * D + k] * q[i][k];
                    }
                    assertEquals(expected, out[i][r], 1e-5, "query " + i + ", row " + r);
                }
            }
        }
    }

    @Test
    void noRowsGiveNoSimilarities() {
        float[][] out = SimilarityKernel.shared().similarities(unitRows(new Random(1), 2, D), SimilarityKernel.columns(new float[0], 0), 0);
        assertEquals(2, out.length);
        assertEquals(0, out[0].length);
    }

    @Test
    void eachTopicIsMatchedWithItsOwnExamplesAndNegatives() {
        SentenceEncoder encoder = SentenceEncoder.shared();
        List<String> person = List.of("I want to talk to a person", "get me a human agent now");
        List<String> personNegatives = List.of("is a person reading these chats");
        List<String> billing = List.of("I was charged twice this month", "refund my double payment");
        List<String> billingNegatives = List.of("how do I download my invoice");
        List<String> shared = List.of("where is my parcel", "what are your opening hours", "how do I reset my password");
        SemanticIndex index = SemanticIndex.build(List.of(
                new SemanticIndex.TopicExamples("person", person, personNegatives),
                new SemanticIndex.TopicExamples("billing", billing, billingNegatives)), shared, encoder);

        String message = "can I get a human please, you charged me twice";
        SemanticIndex.Probe probe = index.probe(message);
        assertEquals(nearest(encoder, message, person), probe.match("person").nearestExample());
        assertEquals(nearest(encoder, message, billing), probe.match("billing").nearestExample());
        float[] v = encoder.embedWindow(message, SemanticIndex.WINDOW);
        assertEquals(best(v, encoder, person), probe.match("person").similarity(), 1e-5);
        assertEquals(best(v, encoder, billing), probe.match("billing").similarity(), 1e-5);
    }

    private static String nearest(SentenceEncoder encoder, String message, List<String> examples) {
        float[] v = encoder.embedWindow(message, SemanticIndex.WINDOW);
        String best = null;
        float top = Float.NEGATIVE_INFINITY;
        for (String e : examples) {
            float s = SentenceEncoder.dot(v, encoder.embedCached(e));
            if (s > top) {
                top = s;
                best = e;
            }
        }
        return best;
    }

    private static float best(float[] v, SentenceEncoder encoder, List<String> examples) {
        float top = Float.NEGATIVE_INFINITY;
        for (String e : examples) {
            top = Math.max(top, SentenceEncoder.dot(v, encoder.embedCached(e)));
        }
        return top;
    }

    private static float[] unitRows(Random random, int n) {
        float[][] rows = unitRows(random, n, D);
        float[] flat = new float[n * D];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows[r], 0, flat, r * D, D);
        }
        return flat;
    }

    private static float[][] unitRows(Random random, int n, int d) {
        float[][] out = new float[n][d];
        for (float[] row : out) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                row[k] = (float) random.nextGaussian();
                norm += row[k] * row[k];
            }
            for (int k = 0; k < d; k++) {
                row[k] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }
}
