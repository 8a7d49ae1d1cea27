package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.entity.Author;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code frustration} trigger of the default set reads sentences, not only words: "nobody is
 * helping", "the third time I'm asking", "I've been waiting 40 minutes", sarcasm, repeated or aimed
 * swearing. A lone mild swear word and calm but negative routine messages stay below it. Frustrated
 * messages are checked through the whole default set; calm ones through the sentiment the rule
 * reads, so the test is about the lexicon whatever else the set's trigger listens to.
 */
class SentimentFrustrationTest {

    static CompiledTriggerSet set;
    static Sentiment sentiment;
    static double threshold;
    static int profanityRepeats;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
        sentiment = new Sentiment(Lexicons.bundled());
        TriggerSetDocument.TriggerSpec frustration = DefaultTriggerSet.document().triggersOrEmpty().stream()
                .filter(t -> t.name().equals("frustration")).findFirst().orElseThrow();
        threshold = frustration.threshold();
        profanityRepeats = frustration.profanityRepeats();
    }

    static List<String> names(Decision d) {
        return d.firings().stream().map(TriggerFiring::name).toList();
    }

    static TriggerFiring frustration(Decision d) {
        return d.firings().stream().filter(f -> f.name().equals("frustration")).findFirst()
                .orElseThrow(() -> new AssertionError("frustration did not fire: " + d.firings()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "nobody is helping",
        "No one is answering me",
        "nobody is listening to me!",
        "no one here is responding, hello??",
        "noone is helping me with this",
        "nobody's helping",
        "this is the third time I'm asking, useless bot",
        "this is the second time I have asked for this",
        "4th time im asking the same question",
        "for the fifth time, my account is locked",
        "third time I've contacted you about this",
        "I've been waiting 40 minutes",
        "ive been waiting for 3 hours for a reply",
        "I have been waiting for two weeks for my refund",
        "been waiting over an hour now",
        "I've emailed you three times and still no answer",
        "still nothing after 3 emails",
        "still not fixed after calling twice",
        "useless bot",
        "what a useless answer",
        "are you even reading what I write?",
        "are you even listening",
        "no that doesn't answer my question. again.",
        "this did not solve my problem",
        "you're not listening",
        "you are not understanding me at all",
        "same useless answer again",
        "you keep sending me the same link",
        "same reply again, seriously",
        "I'm done with this company",
        "im so done",
        "I'm sick of this",
        "I'm tired of explaining the same thing",
        "fed up with waiting",
        "what a joke",
        "this is a joke",
        "ridiculous",
        "this is unacceptable",
        "pathetic",
        "what a nightmare",
        "your company is a disgrace",
        "worst service ever",
        "worst customer experience I've ever had",
        "how many times do I have to tell you",
        "how many times do i need to explain this",
        "you are wasting my time",
        "what a waste of my time",
        "thanks for nothing",
        "great, just great",
        "oh wonderful, another error",
        "oh great another outage",
        "f*** you",
        "you useless piece of s***",
        "screw you",
        "this bot is shit",
        "your app is crap",
        "shit shit shit it deleted everything",
        "damn it, this crap broke again",
        "wtf is wrong with your product",
        "fuck this is slow",
        "this is f***ing useless",
        "@#$% this bot",
        "what the @#$% is going on",
        "sh*t service",
        "f@ck off",
        "this fucking app keeps crashing",
        "damn, the export failed again and I lost all my work",
        "I've been on hold for 2 hours",
        "Hello?? Is anyone even there?",
        "you don't understand anything",
        "do your job",
        "what is the point of this bot",
        "nobody has gotten back to me in a week",
        "no response for 5 days",
        "I've already told you my order number twice",
        "the bot keeps giving me the same answer over and over",
        "I'm fed up with you people",
        "stop wasting my time",
        "is this some kind of joke?",
        "rediculous, absolutely rediculous",
        "nobody is helpng",
        "thrid time asking",
        "this is taking forever, still no answer after 3 emails",
        "I give up",
        "are u even reading my messages",
        "ur not listening",
        "I'm losing my mind with this",
        "oh wonderful, another canned reply",
        "worst. company. ever.",
        "this is beyond a joke"
    })
    void frustratedMessagesFireFrustration(String text) {
        Sentiment.Score score = sentiment.score(text);
        assertTrue(score.value() <= threshold, () -> text + ": " + score.describe());
        assertFalse(score.evidence().isEmpty(), text);
        Decision d = set.evaluate(TriggerInput.of(text));
        assertTrue(names(d).contains("frustration"), () -> text + " fired " + d.firings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "damn that was quick, thanks",
        "oh shit I typed the wrong email, how do I change it",
        "lol wtf where is the export button",
        "hmm that didn't work, what else can I try",
        "this is a bit confusing, where is the export button",
        "sorry for the typo",
        "my card hasn't arrived yet",
        "the payment was declined, why?",
        "I'm annoyed I forgot my password, how do I reset it",
        "no problem",
        "not bad",
        "I don't have any complaints",
        "damn, forgot my password again",
        "shit, wrong account, how do I log out",
        "oh crap I deleted a project, can I restore it?",
        "haha that's a stupid question but how do I add a user",
        "sorry if this is a dumb question",
        "hell yeah that worked, thanks!",
        "that sucks, is there a workaround?",
        "fuck, I forgot the password again. how do I reset it?",
        "wtf, that was fast. thank you",
        "the export failed, what should I do",
        "it says error 500 when I upload",
        "still not working, I'll try restarting",
        "nope, still the old version \u2014 how do I force an update?",
        "I'm waiting for the verification email, how long does it usually take?",
        "can you wait a few minutes while I check",
        "second time using the app, where do I find settings?",
        "I asked my manager and she said to contact you",
        "how many times can I change my username?",
        "the worst case is I lose the draft, right?",
        "I'm not angry at all, just wondering how exports work",
        "sorry, typo \u2014 I meant the Pro plan not Premium",
        "I called yesterday about my invoice, any update?",
        "great, that fixed it!",
        "perfect, that's exactly what I needed",
        "I'm done, thanks for your help",
        "nobody in my team can see the new dashboard, is that a setting?",
        "no one on my team received the invite email",
        "I'm tired, can we continue tomorrow?",
        "the bot answered my question, thanks",
        "I don't want to waste your time, just one quick question",
        "unfortunately the file is too big, what is the limit?",
        "my parcel is late, where is it?",
        "the app crashed once, is there an update?",
        "I can't find the invoice, where is it?",
        "oops, wrong chat",
        "it's not a big deal but the button is misaligned",
        "I'm a bit lost, how do I add a column",
        "the damn printer won't connect, how do I set it up?",
        "how long should I wait before retrying?",
        "once again, thank you so much!",
        "I'm confused about the pricing page",
        "great, another question: how do I export to pdf?",
        "ok I'll wait five minutes and try again",
        "My order is delayed, when will it ship?",
        "I'm sick today so my colleague will take over",
        "no worries, I figured it out",
        "the login page is slow today",
        "I made a mistake in my address, can I change it?",
        "no one else can access the file, how do I share it",
        "I've been waiting for the export to finish, is that normal?",
        "this is the second time I've used your app, love it",
        "what's the point of the archive folder?",
        "what's the point of this setting?",
        "oh nice, another feature!",
        "oh cool, more templates",
        "the email was sent twice, can you delete one?",
        "my form was submitted twice",
        "the webhook is called twice, is that a bug?",
        "I'm done with the setup, what's next?",
        "I'm done with this step, what now?",
        "I'm tired of clicking through menus, is there a shortcut?",
        "are you there?",
        "I get the same message every time I log in, what does it mean?",
        "restarting didn't help, what else can I try?",
        "how do your job templates work?",
        "still no luck, any other ideas?",
        "thanks yet again!",
        "you don't need to reply, I found it",
        "nobody told me about the new pricing, where can I see it?",
        "is anyone available to help with setup?",
        "what is wrong with my account? it says suspended",
        "same as before, the button is grey",
        "this is my second time ordering, is there a discount?",
        "I already sent you the screenshot",
        "I asked earlier about the export, any update?",
        "it took ages to load but it works now, thanks",
        "we waited for the release and it's great",
        "I'm so tired today lol, how do I change my email",
        "the worst part is finding the button, where is it?",
        "a bit annoying, but how do I export to excel?",
        "no no, I meant the other invoice",
        "damn, you're fast!",
        "I don't understand the pricing, can you explain?",
        "holy shit this feature is amazing",
        "that's not what I meant, I need the yearly plan"
    })
    void calmOrMildlyNegativeMessagesDoNot(String text) {
        // what the sentiment rule reads on a single message: above the threshold, and not repeated profanity either
        Sentiment.Score score = sentiment.score(text);
        assertTrue(score.value() > threshold, () -> text + ": " + score.describe());
        assertTrue(score.profanity() < profanityRepeats || score.value() >= 0, () -> text + ": " + score.describe());
    }

    @Test
    void evidenceNamesTheCueInTheCustomersWords() {
        assertTrue(evidence("nobody is helping").contains("\"nobody is helping\""));
        String asking = evidence("this is the third time I'm asking, useless bot");
        assertTrue(asking.contains("\"this is the third time i'm asking\"") && asking.contains("\"useless bot\""), asking);
        assertTrue(evidence("shit shit shit it deleted everything").contains("repeated profanity"));
        assertTrue(evidence("f*** you").contains("\"f*** you\""));
        assertTrue(evidence("I've emailed you three times and still no answer").contains("\"still no\" after repeated contacts"));
        assertTrue(evidence("ive been waiting for 3 hours for a reply").contains("\"been waiting for 3 hours\""));
        assertTrue(evidence("great, just great").contains("\"great just great\""));
    }

    private static String evidence(String text) {
        return frustration(set.evaluate(TriggerInput.of(text))).evidence();
    }

    @Test
    void swearingAcrossRecentMessagesFiresButNotOnAThankYou() {
        String latest = "damn, it still shows the old page";
        assertTrue(sentiment.score(latest).value() > threshold, "on its own it is mild");
        Decision twice = set.evaluate(transcript("shit, wrong button. how do I go back", latest));
        assertTrue(frustration(twice).evidence().contains("damn"), twice.firings().toString());
        Decision thanks = set.evaluate(transcript("oh shit I typed the wrong email, how do I change it", "damn that was quick, thanks"));
        assertFalse(names(thanks).contains("frustration"), thanks.firings().toString());
        Decision once = set.evaluate(transcript("how do I export to csv", "lol wtf where is the export button"));
        assertFalse(names(once).contains("frustration"), once.firings().toString());
    }

    @Test
    void stillNothingCountsWhenAnEarlierContactIsMentioned() {
        assertTrue(sentiment.score("still not fixed after calling twice").value() <= threshold);
        assertTrue(sentiment.score("still not fixed").value() > threshold, "on its own it is routine");
        assertTrue(sentiment.score("I've asked before and it's still not working").value() < sentiment.score("it's still not working").value());
    }

    @Test
    void laughingHalvesTheNegativity() {
        Sentiment.Score plain = sentiment.score("i hate waiting for packages");
        Sentiment.Score laughing = sentiment.score("i hate waiting for packages haha");
        assertEquals(plain.value() / 2, laughing.value(), 1e-9, laughing.describe());
        assertTrue(laughing.evidence().contains("laughing"), laughing.describe());
    }

    @Test
    void aLoneSwearWordIsStillMildlyNegativeForTheVipCombination() {
        double mild = DefaultTriggerSet.document().triggersOrEmpty().stream().filter(t -> t.name().equals("mild-negativity")).findFirst()
                .orElseThrow().threshold();
        Sentiment.Score score = sentiment.score("wtf where is the export button");
        assertTrue(score.value() <= mild && score.value() > threshold, score.describe());
        assertEquals(1, score.profanity());
    }

    @Test
    void negationStillFlipsPlainExpressionsButNotSentencePatterns() {
        assertTrue(sentiment.score("I'm not fed up at all, it's fine").value() > 0);
        assertTrue(sentiment.score("don't waste my time").value() <= threshold);
    }

    /** "is this for real" is sarcasm; "is it a real person answering" a question (thirteenth round, ADR 0053). */
    @Test
    void aRealPersonAskedAboutIsNoSarcasm() {
        assertTrue(sentiment.score("is it a real person answering on your whatsapp line?").value() > threshold);
        assertTrue(sentiment.score("is this for real").value() <= threshold);
        assertTrue(sentiment.score("are you serious").value() <= threshold);
        assertTrue(sentiment.score("is this a joke").value() <= threshold);
    }

    /** Praise beside a lapse of answer is irony; praise alone, or with a thing that works again, is not (nineteenth round, ADR 0066). */
    @Test
    void praiseBesideALapseOfAnswerIsIrony() {
        assertTrue(SemanticRule.ironicPraise("10 days. 4 emails. zero replies. superb service \uD83D\uDC4F", Text.tokens("10 days. 4 emails. zero replies. superb service")));
        assertTrue(SemanticRule.ironicPraise("wow. great. an hour and still no answer", Text.tokens("wow. great. an hour and still no answer")));
        assertTrue(SemanticRule.ironicPraise("lovely, 'we are on it' for the 5th time", Text.tokens("lovely, 'we are on it' for the 5th time")));
        assertFalse(SemanticRule.ironicPraise("amazing service \uD83D\uDC4F thank you so much", Text.tokens("amazing service thank you so much")), "no lapse");
        assertFalse(SemanticRule.ironicPraise("great, it works again, thanks", Text.tokens("great, it works again, thanks")), "no irony mark, no lapse of answer");
        assertFalse(SemanticRule.ironicPraise("brilliant, no need to reply, all sorted", Text.tokens("brilliant, no need to reply, all sorted")), "nothing lapsed");
        assertTrue(set.evaluate(TriggerInput.of("wow. just brilliant. three weeks and still no answer")).escalate());
        assertFalse(set.evaluate(TriggerInput.of("amazing service \uD83D\uDC4F\uD83D\uDC4F thank you")).escalate());
    }

    /** The bot told to stop repeating its advice, a thing done a hundred times; a safeguard's name is no harm (twentieth round, ADR 0070). */
    @Test
    void theBotToldToStopAndASafeguardNamed() {
        assertTrue(sentiment.score("stop telling me to clear the cache").value() <= threshold);
        assertTrue(sentiment.score("i've done it a hundred times").value() <= threshold);
        assertTrue(set.evaluate(TriggerInput.of("quit asking me to log out and in!! done that a million times")).escalate());
        assertTrue(sentiment.score("how does the fraud protection on my account work").value() > threshold);
        assertTrue(sentiment.score("is the fraud team open at weekends").value() > threshold);
        assertTrue(sentiment.score("where is the lost property office").value() > threshold);
        assertTrue(sentiment.score("this is fraud").value() <= threshold, "fraud alone still is");
    }

    static TriggerInput transcript(String... customerLines) {
        List<TriggerInput.Line> lines = new ArrayList<>();
        for (String text : customerLines) {
            if (!lines.isEmpty()) {
                lines.add(new TriggerInput.Line(Author.BOT, "Let me help with that.", 0.9, "answer"));
            }
            lines.add(TriggerInput.Line.customer(text));
        }
        return new TriggerInput(lines, null);
    }
}
