package dev.handoff.help.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in demo bot: answers a customer's question with the closest help article when it is
 * close enough, and says honestly that it does not know otherwise. It never decides the handoff:
 * its answers carry an intent and a confidence (the article's score; {@code fallback} when it does
 * not know), which the triggers read like any bot's. Pure.
 */
public final class DemoBot {

    /** Below this cosine the bot does not know (all-MiniLM-L6-v2, question vs. title and opening sentences). */
    public static final double KNOWS = 0.38;
    public static final String FALLBACK = "fallback";

    private DemoBot() {}

    /** What the bot says: the text, the intent ({@code article:slug}, {@code smalltalk} or {@code fallback}), its confidence, the article. */
    public record Answer(String text, String intent, Double confidence, Optional<ArticleIndex.Entry> article) {}

    public static Answer answer(String question, List<ArticleIndex.Hit> ranked) {
        String q = question == null ? "" : question.strip().toLowerCase(Locale.ROOT);
        if (q.matches("(hi|hello|hey|good (morning|afternoon|evening))[ !.,]*")) {
            return new Answer("Hello! I'm the demo assistant. Ask me about billing, your account or the product, and I'll look it up.",
                    "smalltalk", 0.9, Optional.empty());
        }
        if (q.matches("(thanks|thank you|thx|great,? thanks?|that helped|perfect)[ !.,]*")) {
            return new Answer("Glad I could help! Is there anything else? You can end the chat with the button at the top.",
                    "smalltalk", 0.9, Optional.empty());
        }
        if (!ranked.isEmpty() && ranked.get(0).score() >= KNOWS) {
            ArticleIndex.Hit best = ranked.get(0);
            ArticleIndex.Entry a = best.article();
            return new Answer("Here's what I found in our help center - \"" + a.title() + "\": " + ArticleIndex.firstSentences(a.body(), 3)
                    + " Did that answer your question?", "article:" + a.slug(), round(best.score()), Optional.of(a));
        }
        // No confidence claimed: the fallback intent says it, and the triggers' "fallbacks in a row" decides the handoff.
        return new Answer("I'm sorry, I don't know the answer to that. Could you put it another way? "
                + "If you'd rather talk to a person, press \"Talk to a person\".", FALLBACK, null, Optional.empty());
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 100) / 100.0;
    }
}
