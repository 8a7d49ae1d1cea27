package dev.handoff.escalation.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The cosines of a message's vectors with every example of a trigger set, as one matrix product run
 * by ONNX Runtime (its vectorised kernels; a plain Java loop over the 5,000-odd rows of the shipped
 * set cost about 1.5 ms a message, most of the scan, ADR 0059). The graph is a single {@code MatMul}
 * of the queries {@code [m, 384]} with the examples stored column by column {@code [384, n]}, written
 * here as ONNX's protocol-buffer bytes so no model file is needed.
 *
 * <p>One per class loader ({@link #shared()}), thread-safe; each call runs on the caller's thread
 * with one intra-op thread, like the sentence model.
 */
final class SimilarityKernel {

    private final OrtEnvironment env;
    private final OrtSession session;

    private SimilarityKernel(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** Loaded at first use (the holder class initialises once, thread-safely). */
    private static final class Holder {
        static final SimilarityKernel KERNEL = load();
    }

    static SimilarityKernel shared() {
        return Holder.KERNEL;
    }

    private static SimilarityKernel load() {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new SimilarityKernel(env, env.createSession(matMulModel(SentenceEncoder.DIMENSIONS), options));
        } catch (OrtException e) {
            throw new IllegalStateException("the similarity kernel could not be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Rows of unit vectors laid out column by column in native memory ({@code [dimension][row]}), as
     * the kernel reads them: built once when a trigger set is compiled.
     */
    static FloatBuffer columns(float[] rows, int count) {
        int d = SentenceEncoder.DIMENSIONS;
        FloatBuffer cols = ByteBuffer.allocateDirect(Math.max(1, count) * d * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < d; k++) {
                cols.put(k * count + r, rows[r * d + k]);
            }
        }
        return cols;
    }

    /** {@code out[q][row]}: the dot product of each query with every one of the {@code count} columns' rows. */
    float[][] similarities(float[][] queries, FloatBuffer columns, int count) {
        if (count == 0 || queries.length == 0) {
            return new float[queries.length][0];
        }
        try (OnnxTensor q = OnnxTensor.createTensor(env, queries);
                OnnxTensor w = OnnxTensor.createTensor(env, columns.duplicate().rewind(), new long[] {SentenceEncoder.DIMENSIONS, count});
                OrtSession.Result result = session.run(Map.of("q", q, "w", w))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("the similarity kernel failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the graph, as protocol-buffer bytes

    private static final int FLOAT = 1;

    /** An ONNX model (IR 8, opset 13): s[m, n] = MatMul(q[m, dimensions], w[dimensions, n]). */
    static byte[] matMulModel(int dimensions) {
        byte[] node = new Proto().string(1, "q").string(1, "w").string(2, "s").string(3, "scan").string(4, "MatMul").bytes();
        byte[] graph = new Proto()
                .message(1, node)
                .string(2, "similarities")
                .message(11, valueInfo("q", dim("m"), dim(dimensions)))
                .message(11, valueInfo("w", dim(dimensions), dim("n")))
                .message(12, valueInfo("s", dim("m"), dim("n")))
                .bytes();
        byte[] opset = new Proto().string(1, "").varint(2, 13).bytes();
        return new Proto().varint(1, 8).string(2, "handoff").message(7, graph).message(8, opset).bytes();
    }

    private static byte[] valueInfo(String name, byte[]... dims) {
        Proto shape = new Proto();
        for (byte[] dim : dims) {
            shape.message(1, dim);
        }
        byte[] tensor = new Proto().varint(1, FLOAT).message(2, shape.bytes()).bytes();
        byte[] type = new Proto().message(1, tensor).bytes();
        return new Proto().string(1, name).message(2, type).bytes();
    }

    private static byte[] dim(long value) {
        return new Proto().varint(1, value).bytes();
    }

    private static byte[] dim(String symbol) {
        return new Proto().string(2, symbol).bytes();
    }

    /** The few protocol-buffer wire forms the graph needs: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return message(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, byte[] value) {
            raw(((long) field << 3) | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
