package dev.handoff.escalation.semantic;

/**
 * A logistic regression over sentence vectors and two surface cues ({@link Cues}: a question, a
 * claim that something went wrong): one weight per dimension and cue and a bias, trained on a
 * topic's examples against its negatives (its own and the shared routine ones), each class weighed
 * as much as the other however many examples it has, with L2 regularisation. Full-batch gradient
 * descent with Adam; a few hundred examples train in a fraction of a second.
 */
public final class LogisticLayer {

    static final int EPOCHS = 300;
    static final double L2 = 1e-3;
    static final double LEARNING_RATE = 0.05;
    /** The share of the loss the positive class carries (the negatives carry the rest). */
    static final double POSITIVE_WEIGHT = 0.5;

    private final float[] w;
    private final float[] wc;
    private final float b;

    private LogisticLayer(float[] w, float[] wc, float b) {
        this.w = w;
        this.wc = wc;
        this.b = b;
    }

    static LogisticLayer train(ExampleMatrix positives, ExampleMatrix... negatives) {
        int d = SentenceEncoder.DIMENSIONS + Cues.COUNT;
        int nPos = positives.size();
        int nNeg = 0;
        for (ExampleMatrix m : negatives) {
            nNeg += m.size();
        }
        float[][] x = new float[nPos + nNeg][];
        float[] y = new float[x.length];
        float[] weight = new float[x.length];
        int i = 0;
        for (int r = 0; r < nPos; r++, i++) {
            x[i] = withCues(positives.row(r), positives.text(r));
            y[i] = 1;
            weight[i] = (float) (POSITIVE_WEIGHT / nPos);
        }
        for (ExampleMatrix m : negatives) {
            for (int r = 0; r < m.size(); r++, i++) {
                x[i] = withCues(m.row(r), m.text(r));
                y[i] = 0;
                weight[i] = (float) ((1 - POSITIVE_WEIGHT) / Math.max(1, nNeg));
            }
        }
        double[] wd = new double[d];
        double bd = 0;
        double[] mw = new double[d + 1];
        double[] vw = new double[d + 1];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] grad = new double[d + 1];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            java.util.Arrays.fill(grad, 0);
            for (int n = 0; n < x.length; n++) {
                float[] xn = x[n];
                double z = bd;
                for (int k = 0; k < d; k++) {
                    z += wd[k] * xn[k];
                }
                double err = (1 / (1 + Math.exp(-z)) - y[n]) * weight[n];
                for (int k = 0; k < d; k++) {
                    grad[k] += err * xn[k];
                }
                grad[d] += err;
            }
            for (int k = 0; k < d; k++) {
                grad[k] += L2 * wd[k];
            }
            for (int k = 0; k <= d; k++) {
                mw[k] = beta1 * mw[k] + (1 - beta1) * grad[k];
                vw[k] = beta2 * vw[k] + (1 - beta2) * grad[k] * grad[k];
                double mh = mw[k] / (1 - Math.pow(beta1, epoch));
                double vh = vw[k] / (1 - Math.pow(beta2, epoch));
                double step = LEARNING_RATE * mh / (Math.sqrt(vh) + 1e-8);
                if (k < d) {
                    wd[k] -= step;
                } else {
                    bd -= step;
                }
            }
        }
        int dv = SentenceEncoder.DIMENSIONS;
        float[] wf = new float[dv];
        for (int k = 0; k < dv; k++) {
            wf[k] = (float) wd[k];
        }
        float[] wcf = new float[Cues.COUNT];
        for (int k = 0; k < Cues.COUNT; k++) {
            wcf[k] = (float) wd[dv + k];
        }
        return new LogisticLayer(wf, wcf, (float) bd);
    }

    private static float[] withCues(float[] v, String text) {
        float[] out = java.util.Arrays.copyOf(v, v.length + Cues.COUNT);
        System.arraycopy(Cues.of(text), 0, out, v.length, Cues.COUNT);
        return out;
    }

    /** The probability that a message belongs to the topic. */
    double probability(float[] v, float[] cues) {
        double z = b;
        for (int k = 0; k < w.length; k++) {
            z += w[k] * v[k];
        }
        for (int k = 0; k < wc.length; k++) {
            z += wc[k] * cues[k];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
