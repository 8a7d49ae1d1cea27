package dev.handoff.help.control;

import dev.handoff.escalation.semantic.SentenceEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Semantic search over help articles with the trigger engine's sentence encoder
 * ({@link SentenceEncoder}, all-MiniLM-L6-v2): each article is embedded once per version (title
 * and body), a question once per search; the score is the cosine of the two.
 */
@ApplicationScoped
public class ArticleIndex {

    /** An article as the index needs it. */
    public record Entry(long id, long version, String slug, String title, String body, String topic) {}

    public record Hit(Entry article, double score) {}

    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    SentenceEncoder encoder() {
        return SentenceEncoder.shared();
    }

    /** The articles ranked by closeness to {@code question}, best first, at most {@code max}. */
    public List<Hit> search(List<Entry> articles, String question, int max) {
        if (articles.isEmpty() || question == null || question.isBlank()) {
            return List.of();
        }
        SentenceEncoder encoder = encoder();
        float[] q = encoder.embedWindow(question, 128);
        List<Hit> hits = new ArrayList<>();
        for (Entry a : articles) {
            float[] v = vectors.computeIfAbsent(a.id() + "@" + a.version() + "@" + a.title().hashCode() + "@" + a.body().hashCode(),
                    k -> encoder.embedWindow(a.title() + ". " + firstSentences(a.body(), 3), 128));
            hits.add(new Hit(a, SentenceEncoder.dot(q, v)));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.subList(0, Math.min(max, hits.size()));
    }

    /** The first {@code n} sentences of a text. */
    public static String firstSentences(String text, int n) {
        String[] parts = text.strip().split("(?<=[.!?])\\s+");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, parts.length); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(parts[i]);
        }
        return b.toString();
    }
}
