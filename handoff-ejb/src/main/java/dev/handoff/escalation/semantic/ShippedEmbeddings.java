package dev.handoff.escalation.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The vectors of every example, negative and background question Handoff ships, computed while
 * the project is built ({@code process-classes}) and read when the model loads, so a server starts
 * without embedding ~3,000 texts first. Keyed by text; a text that is not in the file (an admin's
 * example) is embedded as usual. The file names the model it was made with and is ignored for
 * another model.
 */
public final class ShippedEmbeddings {

    static final String RESOURCE = "triggers/shipped-embeddings.bin";
    private static final int MAGIC = 0x484F4531; // "HOE1"

    private ShippedEmbeddings() {
    }

    /** Build step: {@code ShippedEmbeddings <classes directory>} writes the file under it. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Set<String> texts = new LinkedHashSet<>();
        lines(classes.resolve("triggers/background-negatives.txt"), texts);
        strings(Files.readString(classes.resolve("triggers/default-trigger-set.json"), StandardCharsets.UTF_8), texts);
        // the shipped suite is benched when a fresh install publishes the default set
        dev.handoff.escalation.control.LabelledSuites.parseCsv(Files.readString(classes.resolve("triggers/labelled-suite.csv"),
                StandardCharsets.UTF_8)).forEach(c -> texts.add(c.text()));
        Set<String> folded = new LinkedHashSet<>();
        for (String t : texts) {
            folded.add(Numbers.fold(t));
        }
        SentenceEncoder encoder = SentenceEncoder.shared();
        long started = System.nanoTime();
        Path out = classes.resolve(RESOURCE);
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeInt(MAGIC);
            data.writeUTF(encoder.modelId());
            data.writeInt(SentenceEncoder.DIMENSIONS);
            data.writeInt(folded.size());
            for (String text : folded) {
                data.writeUTF(text); // already folded, as ExampleMatrix looks it up
                for (float f : encoder.embed(text)) {
                    data.writeFloat(f);
                }
            }
        }
        System.out.printf("Embedded %d shipped texts in %.1f s -> %s%n", folded.size(), (System.nanoTime() - started) / 1e9, out);
    }

    /** Reads the file into {@code into} (text → vector) if it was made with {@code modelId}; returns how many. */
    static int load(ClassLoader loader, String modelId, Map<String, float[]> into) {
        try (InputStream raw = loader.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return 0;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            if (in.readInt() != MAGIC || !in.readUTF().equals(modelId) || in.readInt() != SentenceEncoder.DIMENSIONS) {
                return 0;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = in.readUTF();
                float[] v = new float[SentenceEncoder.DIMENSIONS];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                into.put(text, v);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(Path file, Set<String> into) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                into.add(t);
            }
        }
    }

    /** Every JSON string of the shipped set (examples, negatives, phrases…): embedding a few extra costs nothing at run time. */
    private static void strings(String json, Set<String> into) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            collect(reader.readValue(), into);
        }
    }

    private static void collect(jakarta.json.JsonValue value, Set<String> into) {
        switch (value.getValueType()) {
            case STRING -> {
                String s = ((jakarta.json.JsonString) value).getString().strip();
                if (!s.isEmpty() && s.length() <= 500) {
                    into.add(s);
                }
            }
            case ARRAY -> value.asJsonArray().forEach(v -> collect(v, into));
            case OBJECT -> value.asJsonObject().forEach((k, v) -> {
                if (k.equals("examples") || k.equals("negatives") || k.equals("negativeExamples")) {
                    collect(v, into);
                }
                if (k.equals("topics")) {
                    collect(v, into);
                }
            });
            default -> { }
        }
    }
}
