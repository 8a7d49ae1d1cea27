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
            System.arraycopy(encoder.embedCached(Numbers.fold(kept.get(i))), 0, rows, i * SentenceEncoder.DIMENSIONS, SentenceEncoder.DIMENSIONS);
        }
        return new ExampleMatrix(kept, rows);
    }

    public int size() {
        return texts.size();
    }

    /** Copies every row into {@code dest}, starting at row {@code rowOffset} (one set's rows in one array). */
    void copyRowsInto(float[] dest, int rowOffset) {
        System.arraycopy(rows, 0, dest, rowOffset * SentenceEncoder.DIMENSIONS, rows.length);
    }

    /** A copy of one row's vector. */
    float[] row(int r) {
        return java.util.Arrays.copyOfRange(rows, r * SentenceEncoder.DIMENSIONS, (r + 1) * SentenceEncoder.DIMENSIONS);
    }

    /** The texts, row by row (immutable). */
    List<String> texts() {
        return texts;
    }

    public String text(int row) {
        return texts.get(row);
    }

    /**
     * The cosine of {@code query} with every row. Four rows at a time: four independent sums let the
     * CPU overlap the additions, and each row's sum still adds the same products in the same order,
     * so the results are bit for bit those of one row at a time.
     */
    public float[] similarities(float[] query) {
        int d = SentenceEncoder.DIMENSIONS;
        int n = texts.size();
        float[] out = new float[n];
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            int b0 = r * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int k = 0; k < d; k++) {
                float q = query[k];
                s0 += rows[b0 + k] * q;
                s1 += rows[b1 + k] * q;
                s2 += rows[b2 + k] * q;
                s3 += rows[b3 + k] * q;
            }
            out[r] = s0;
            out[r + 1] = s1;
            out[r + 2] = s2;
            out[r + 3] = s3;
        }
        for (int base = r * d; r < n; r++, base += d) {
            float s = 0;
            for (int k = 0; k < d; k++) {
                s += rows[base + k] * query[k];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * The cosine of each query with every row, in one pass over the rows (a message's whole text
     * and its last sentences cost one read of the matrix, not three): {@code out[q][row]}.
     */
    public float[][] similarities(float[][] queries) {
        if (queries.length == 1) {
            return new float[][] {similarities(queries[0])};
        }
        int d = SentenceEncoder.DIMENSIONS;
        int n = texts.size();
        int m = queries.length;
        float[][] out = new float[m][n];
        for (int r = 0, base = 0; r < n; r++, base += d) {
            int q = 0;
            for (; q + 3 <= m; q += 3) {
                float[] q0 = queries[q];
                float[] q1 = queries[q + 1];
                float[] q2 = queries[q + 2];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                for (int k = 0; k < d; k++) {
                    float x = rows[base + k];
                    s0 += x * q0[k];
                    s1 += x * q1[k];
                    s2 += x * q2[k];
                }
                out[q][r] = s0;
                out[q + 1][r] = s1;
                out[q + 2][r] = s2;
            }
            for (; q < m; q++) {
                float[] query = queries[q];
                float s = 0;
                for (int k = 0; k < d; k++) {
                    s += rows[base + k] * query[k];
                }
                out[q][r] = s;
            }
        }
        return out;
    }

    /** The nearest rows: {@code best[0]} the index of the most similar, then its similarity, for k rows. */
    public static Nearest nearest(float[] similarities, int k) {
        return nearest(similarities, 0, similarities.length, k);
    }

    /**
     * The nearest of the {@code count} rows starting at {@code from} in {@code similarities} (one
     * matrix's slice of a whole set's similarities), indexed from that slice's start.
     */
    static Nearest nearest(float[] similarities, int from, int count, int k) {
        int n = Math.min(k, count);
        int[] index = new int[n];
        float[] value = new float[n];
        java.util.Arrays.fill(value, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < count; i++) {
            float s = similarities[from + i];
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
