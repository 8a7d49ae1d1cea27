package dev.handoff.help.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo bot on the demo help center, with the real sentence model: it finds the article, or says it does not know. */
class DemoBotTest {

    static final List<ArticleIndex.Entry> ARTICLES = List.of(
            entry(1, "duplicate-charges", "Why do I see two charges?", "billing",
                    "If you see the same amount twice, one of them is usually a pending authorisation that your bank releases within 3-5 business days."),
            entry(2, "refunds", "How refunds work", "billing", "Refunds go back to the card or account you paid with. They take 5-10 business days."),
            entry(3, "invoices", "Download your invoices", "billing",
                    "All invoices are under Settings > Billing > Invoices. Choose an invoice and press Download PDF."),
            entry(4, "reset-password", "Reset your password", "security",
                    "On the sign-in page choose Forgot password and enter your e-mail address. You get a link that works for 30 minutes."),
            entry(5, "invite-colleague", "Invite a colleague to your team", "general",
                    "Go to Settings > Team and choose Invite. Enter your colleague's e-mail address and pick a role."),
            entry(6, "export-fails", "Exports fail or time out", "technical",
                    "Exports larger than 50 MB run in the background: switch on Async export under Settings > Data."),
            entry(7, "change-plan", "Change or cancel your plan", "general",
                    "Go to Settings > Billing > Plan to upgrade, downgrade or cancel."));

    static ArticleIndex index;

    @BeforeAll
    static void load() {
        index = new ArticleIndex();
    }

    static ArticleIndex.Entry entry(long id, String slug, String title, String topic, String body) {
        return new ArticleIndex.Entry(id, 0, slug, title, body, topic);
    }

    @Test
    void findsTheArticleForQuestionsInOtherWords() {
        Map<String, String> questions = Map.of(
                "How do I download my invoices?", "invoices",
                "I forgot my password and can't log in", "reset-password",
                "how can I add my coworker to our workspace", "invite-colleague",
                "why was I billed twice this month", "duplicate-charges",
                "my export keeps timing out", "export-fails",
                "I want to cancel my subscription", "change-plan");
        questions.forEach((q, slug) -> {
            List<ArticleIndex.Hit> hits = index.search(ARTICLES, q, 3);
            DemoBot.Answer a = DemoBot.answer(q, hits);
            System.out.printf("%.3f %-45s -> %s%n", hits.get(0).score(), q, hits.get(0).article().slug());
            assertEquals("article:" + slug, a.intent(), q + " -> " + hits);
            assertTrue(a.text().contains(hits.get(0).article().title()), a.text());
        });
    }

    @Test
    void saysWhenItDoesNotKnowAndClaimsNoConfidence() {
        for (String q : List.of("What's the weather like in Paris tomorrow?", "Can you recommend a good pizza place nearby?",
                "Who won the football game last night?")) {
            List<ArticleIndex.Hit> hits = index.search(ARTICLES, q, 3);
            DemoBot.Answer a = DemoBot.answer(q, hits);
            System.out.printf("%.3f %-45s -> (%s)%n", hits.get(0).score(), q, hits.get(0).article().slug());
            assertEquals(DemoBot.FALLBACK, a.intent(), q + " -> " + hits);
            assertTrue(a.text().startsWith("I'm sorry, I don't know"), a.text());
            assertNull(a.confidence(), "the fallback intent, not a made-up score, tells the triggers");
        }
    }

    @Test
    void greetsAndThanks() {
        assertEquals("smalltalk", DemoBot.answer("Hello!", List.of()).intent());
        assertEquals("smalltalk", DemoBot.answer("thanks", List.of()).intent());
    }
}
