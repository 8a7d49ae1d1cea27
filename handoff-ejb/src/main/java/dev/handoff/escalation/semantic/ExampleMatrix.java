package dev.handoff.escalation.semantic;

import java.util.List;

/**
 * Example texts and their unit vectors, row after row in one array so a message is compared with
 * every example in one pass over memory.
 */
public final class ExampleMatrix {

    public static final ExampleMatrix EMPTY = new ExampleMatrix(List.of(), new float[0]);

    private final List<String> texts;
    private final float[] rows;

    private ExampleMatrix(List<String> texts, float[] rows) {
        this.texts = texts;
        this.rows = rows;
    }

    /** Embeds the texts (cached by text, so an unchanged example is never embedded twice). */
    public static ExampleMatrix of(List<String> texts, SentenceEncoder encoder) {
        List<String> kept = texts.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
        float[] rows = new float[kept.size() * SentenceEncoder.DIMENSIONS];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(encoder.embedCached(kept.get(i)), 0, rows, i * SentenceEncoder.DIMENSIONS, SentenceEncoder.DIMENSIONS);
        }
        return new ExampleMatrix(kept, rows);
    }

    public int size() {
        return texts.size();
    }

    /** A copy of one row's vector. */
    float[] row(int r) {
        return java.util.Arrays.copyOfRange(rows, r * SentenceEncoder.DIMENSIONS, (r + 1) * SentenceEncoder.DIMENSIONS);
    }

    public String text(int row) {
        return texts.get(row);
    }

    /** The cosine of {@code query} with every row. */
    public float[] similarities(float[] query) {
        int d = SentenceEncoder.DIMENSIONS;
        float[] out = new float[texts.size()];
        for (int r = 0, base = 0; r < out.length; r++, base += d) {
            float s = 0;
            for (int k = 0; k < d; k++) {
                s += rows[base + k] * query[k];
            }
            out[r] = s;
        }
        return out;
    }

    /** The nearest rows: {@code best[0]} the index of the most similar, then its similarity, for k rows. */
    public static Nearest nearest(float[] similarities, int k) {
        int n = Math.min(k, similarities.length);
        int[] index = new int[n];
        float[] value = new float[n];
        java.util.Arrays.fill(value, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < similarities.length; i++) {
            float s = similarities[i];
            if (n > 0 && s > value[n - 1]) {
                int j = n - 1;
                while (j > 0 && value[j - 1] < s) {
                    value[j] = value[j - 1];
                    index[j] = index[j - 1];
                    j--;
                }
                value[j] = s;
                index[j] = i;
            }
        }
        return new Nearest(index, value);
    }

    /** The k nearest rows, most similar first. */
    public record Nearest(int[] index, float[] similarity) {

        public boolean isEmpty() {
            return index.length == 0 || index[0] < 0;
        }

        public float top() {
            return isEmpty() ? 0f : similarity[0];
        }

        /** Mean of the k best similarities (fewer when there are fewer rows). */
        public float mean() {
            float s = 0;
            int n = 0;
            for (int i = 0; i < index.length && index[i] >= 0; i++) {
                s += similarity[i];
                n++;
            }
            return n == 0 ? 0f : s / n;
        }
    }
}
