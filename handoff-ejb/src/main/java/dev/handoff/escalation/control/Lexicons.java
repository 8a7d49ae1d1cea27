package dev.handoff.escalation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The word lists behind sentiment: Handoff's own lexicon (word → -5..+5), negators, intensifiers
 * (word → multiplier) and profanity. Shipped as data under {@code triggers/} and loaded once.
 */
public record Lexicons(Map<String, Integer> sentiment, Set<String> negators, Map<String, Double> intensifiers,
        Set<String> profanity) {

    private static volatile Lexicons bundled;

    public static Lexicons bundled() {
        Lexicons current = bundled;
        if (current == null) {
            synchronized (Lexicons.class) {
                if (bundled == null) {
                    bundled = load();
                }
                current = bundled;
            }
        }
        return current;
    }

    static Lexicons load() {
        Map<String, Integer> sentiment = new HashMap<>();
        read("triggers/sentiment-lexicon.tsv", (word, value) -> sentiment.put(word, (int) Math.round(Double.parseDouble(value))));
        Set<String> negators = new HashSet<>();
        read("triggers/negators.txt", (word, value) -> negators.add(word));
        Map<String, Double> intensifiers = new HashMap<>();
        read("triggers/intensifiers.tsv", (word, value) -> intensifiers.put(word, Double.parseDouble(value)));
        Set<String> profanity = new HashSet<>();
        read("triggers/profanity.txt", (word, value) -> profanity.add(word));
        return new Lexicons(Map.copyOf(sentiment), Set.copyOf(negators), Map.copyOf(intensifiers), Set.copyOf(profanity));
    }

    private static void read(String resource, BiConsumer<String, String> entry) {
        try (InputStream in = Lexicons.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String word = Text.normalize(parts[0].strip()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                entry.accept(word, parts.length > 1 ? parts[1].strip() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
