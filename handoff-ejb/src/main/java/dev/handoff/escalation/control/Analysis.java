package dev.handoff.escalation.control;

import dev.handoff.escalation.semantic.SemanticIndex;
import dev.handoff.escalation.semantic.SemanticMatch;
import dev.handoff.platform.entity.Author;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules of a compiled set look at in one message, computed lazily and at most once per
 * evaluation: tokens, phrase lookups, topic scores, sentiment and repeat detection.
 */
final class Analysis {

    private static final String[] NO_KEYWORD = new String[0];

    final TriggerInput input;
    final TriggerInput.Line latest;
    private final SemanticIndex semanticIndex;
    private SemanticIndex.Probe probe;
    private final Sentiment sentiment;
    private final PhraseIndex phrases;
    private List<Text.Token> tokens;
    private Sentiment.Score latestSentiment;
    private PhraseIndex.Scan phraseScan;
    private Boolean customerSpoke;
    private Map<String, String[]> keywordHits;
    private Set<String> words;
    private String latestSentimentDescription;
    private Map<Double, String> oneDecimal;
    private Map<Double, String> twoDecimals;
    private Sentiment.Score[] lineSentiments;
    private List<Text.Token>[] lineTokens;
    private Set<String> latestShingles;
    private double[] similarities;

    Analysis(TriggerInput input, SemanticIndex semanticIndex, Sentiment sentiment, PhraseIndex phrases) {
        this.input = input;
        this.latest = input.latest();
        this.semanticIndex = semanticIndex;
        this.sentiment = sentiment;
        this.phrases = phrases;
    }

    boolean customerSpoke() {
        if (customerSpoke == null) {
            customerSpoke = latest.author() == Author.CUSTOMER && latest.text() != null && !latest.text().isBlank();
        }
        return customerSpoke;
    }

    List<Text.Token> tokens() {
        if (tokens == null) {
            tokens = Text.tokens(latest.text());
        }
        return tokens;
    }

    private Boolean notAProblem;

    /** Whether the latest message names a problem without having one now ({@link NotAProblem}). */
    boolean notAProblem() {
        if (notAProblem == null) {
            notAProblem = customerSpoke() && NotAProblem.applies(latest.text());
        }
        return notAProblem;
    }

    private Boolean statesStatus;

    /**
     * Whether the latest message states where something stands with no claim of harm ("refund still
     * not showing", "the ATM kept my card", {@link StatusStatement}, ADR 0060), said without swearing.
     */
    boolean statesStatus() {
        if (statesStatus == null) {
            statesStatus = customerSpoke() && StatusStatement.applies(questionText()) && sentiment().profanity() == 0;
        }
        return statesStatus;
    }

    /** A calm question for information with nobody in it ("do you post outage updates?"): a keyword there names no trouble. */
    boolean askedInGeneral() {
        List<Text.Token> t = tokens();
        return Text.infoQuestion(latest.text(), t) && t.stream().noneMatch(token -> Text.FIRST_PERSON.contains(token.word()));
    }

    /**
     * A calm question that asks how things work or why they are so and claims nothing went wrong
     * ("why was I charged a fee for my transfer?", "how do I get a refund for an app I bought by
     * accident?"): the customer may speak of themselves, but a topic's words name no trouble
     * ({@link Text#CLAIMS}). Asking the company to act ("can you refund me?") is not such a question.
     */
    boolean asksPlainly() {
        List<Text.Token> t = questionTokens();
        if (t.isEmpty() || t.size() > 24 || latest.text().indexOf('!') >= 0 || t.get(0).caps() || Text.asksToAct(t)) {
            return false;
        }
        String first = t.get(0).word();
        boolean question = first.equals("why") || Text.infoQuestion(latest.text(), t) || WANTS_TO_KNOW.matcher(latest.text()).lookingAt();
        // one clause only: "why is there a fee, my balance was positive" adds a claim in words of its own;
        // saying why one asks ("…? is that normal", "just curious") adds none
        int lastClause = t.get(t.size() - 1).clause();
        if (!question || lastClause != t.get(0).clause() && !RoutineQuestion.onlyCuriousAfterFirst(questionText())) {
            return false;
        }
        // words of trouble in a supposition ("can I get my money back if I'm not happy with it?") claim nothing
        boolean[] supposed = Hypothetical.supposed(t);
        for (int i = 0; i < t.size(); i++) {
            if (!supposed[i] && Text.CLAIMS.contains(t.get(i).word())) {
                return false;
            }
        }
        return true;
    }

    private Boolean announcesQuestion;

    /**
     * The subject of a question announced and nothing claimed ("Hi, a question about order
     * #12345, the one I paid $49.99 for", "quick q re the invoice for $120 I paid last week",
     * "regarding my payment of 35 for order 5521"): an amount, an order or a payment named is what
     * the question will be about, not a dispute. No claim word ({@link Text#CLAIMS}), no demand
     * (want, refund, reverse, dispute…), no exclamation mark, nothing negative said, and not asking
     * the company to act.
     */
    boolean announcesQuestion() {
        if (announcesQuestion == null) {
            String text = questionText();
            List<Text.Token> t = questionTokens();
            announcesQuestion = customerSpoke() && text.indexOf('!') < 0 && ANNOUNCES.matcher(text).lookingAt() && t.size() <= 30
                    && !Text.asksToAct(t) && t.stream().noneMatch(token -> Text.CLAIMS.contains(token.word()) || DEMANDS.contains(token.word()))
                    && sentiment().value() >= 0;
        }
        return announcesQuestion;
    }

    private Boolean statesThenAsks;

    /**
     * A calm statement of what the question is about, then a question for information ("I paid
     * $59.99 for the premium membership last week, does it include free returns?", "I paid £12 for
     * delivery on order 7781, when will it come?"): the message ends with a question mark, its last
     * clause opens like a question for information (not asking the company to act), and nothing in
     * it claims, demands or sounds negative, as for {@link #announcesQuestion()}.
     */
    boolean statesThenAsks() {
        if (statesThenAsks == null) {
            String text = questionText().strip();
            List<Text.Token> t = questionTokens();
            boolean asks = false;
            if (customerSpoke() && text.endsWith("?") && text.indexOf('!') < 0 && t.size() >= 4 && t.size() <= 30) {
                String[] clauses = text.split("[,;.?\\n]+");
                String last = clauses[clauses.length - 1].strip();
                List<Text.Token> q = Text.tokens(last);
                asks = clauses.length > 1 && q.size() >= 2 && Text.infoQuestion(last, q) && !Text.asksToAct(q)
                        && t.stream().noneMatch(token -> Text.CLAIMS.contains(token.word()) || DEMANDS.contains(token.word()))
                        && sentiment().value() >= 0;
            }
            statesThenAsks = asks;
        }
        return statesThenAsks;
    }

    /** "(Hi,) (I have) a (quick) question about / regarding / re …", "regarding my order …": a question's subject announced. */
    private static final java.util.regex.Pattern ANNOUNCES = java.util.regex.Pattern.compile("(?i)\\s*"
            + "(?:(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening))(?: there| team| all)?\\b[\\s,:.-]*)?"
            + "(?:(?:(?:i|we) (?:have|had|'ve got|ve got|got)|i'?ve got|got|have|just) )?(?:(?:a|an|one|another|quick|small|short|simple|little|general|brief)\\s+)*"
            + "(?:question|q|query|enquiry|inquiry)\\s+(?:about|regarding|re|on|concerning|abt|bout|for|with)\\b"
            + "|\\s*(?:(?:hi|hello|hey)\\b[\\s,:.-]*)?(?:regarding|re:|concerning|abt|about)\\s+(?:my|the|your|our|this|that|order|invoice|payment|bill|account|subscription|booking)\\b");

    /** Words that want something done or undone: more than a question's subject. */
    private static final Set<String> DEMANDS = Set.of("want", "wanted", "wanna", "need", "needs", "refund", "refunded", "refunds", "reverse",
            "reversed", "dispute", "disputing", "complain", "complaint", "promised", "overcharged", "charged", "fraud", "hacked", "urgent", "asap",
            "took", "taken", "debited", "deducted", "billed", "failed", "cancelled", "canceled", "returned", "tried", "refuse", "refused");

    /**
     * Whether the latest message ends with a question for the way to do something oneself after
     * telling what it is about, nothing past, demanded or waited for ({@link RoutineQuestion#endsAskingTheWay}).
     */
    boolean endsAskingTheWay() {
        return customerSpoke() && sentiment().profanity() == 0 && RoutineQuestion.endsAskingTheWay(questionText());
    }

    private Boolean asksRoutinely;

    /**
     * A routine question: for the way to do something, claiming nothing went wrong, about a
     * payment or attempt that did not happen, or about something not come yet asking how long it
     * takes ({@link RoutineQuestion}).
     */
    boolean asksRoutinely() {
        if (asksRoutinely == null) {
            asksRoutinely = customerSpoke() && (RoutineQuestion.applies(questionText()) || RoutineQuestion.aboutNonEvent(questionText())
                    || asksAboutWaiting() || RoutineQuestion.withContext(questionText()) && sentiment().value() >= 0);
        }
        return asksRoutinely;
    }

    /**
     * A routine question for the way to complain or report, without swearing
     * ({@link RoutineQuestion#howToComplain}): what the complaint is about is no mood (ADR 0058).
     */
    boolean asksHowToComplain() {
        return customerSpoke() && RoutineQuestion.howToComplain(questionText()) && sentiment().profanity() == 0;
    }

    /**
     * A question about something not come yet, asking how long it takes or whether that is normal,
     * without swearing ({@link RoutineQuestion#aboutWaiting}): the waiting it states is no mood.
     */
    boolean asksAboutWaiting() {
        return customerSpoke() && RoutineQuestion.aboutWaiting(questionText()) && sentiment().profanity() == 0;
    }

    private String questionText;

    /**
     * The latest message without the handles it opens with, the fillers of speech before its first
     * word ("yeah so um how do I…", a voice transcript) and a calm aside it ends with ("…, not
     * urgent", "no rush"): where a question starts and ends (ADR 0066).
     */
    String questionText() {
        if (questionText == null) {
            String text = latest.text();
            text = text.stripLeading().startsWith("@") ? HANDLES.matcher(text).replaceFirst("") : text;
            String spoken = Text.withoutFillers(text);
            questionText = Text.withoutCalmTail(spoken.isBlank() ? text : spoken);
        }
        return questionText;
    }

    /** "I'd like to know about your warranty", "I was wondering whether…": a question in the form of a statement. */
    private static final java.util.regex.Pattern WANTS_TO_KNOW = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:@\\w+[\\s,:]*)*(?:i'?d like to know|i would like to know|i want to know|i wanna know|i was wondering|i wonder|just wondering|wondering)\\b");

    private List<Text.Token> questionTokens;

    /**
     * The latest message's words without the handles it opens with ("@AmazonHelp where is…"), the
     * fillers before its first word and a calm aside at its end ({@link #questionText()}): where a
     * question starts.
     */
    List<Text.Token> questionTokens() {
        if (questionTokens == null) {
            String text = questionText();
            questionTokens = text.equals(latest.text()) ? tokens() : Text.tokens(text);
        }
        return questionTokens;
    }

    /** "@AmazonHelp @Support …": the handles a message opens with on social media. */
    private static final java.util.regex.Pattern HANDLES = java.util.regex.Pattern.compile("^\\s*(?:@\\w+[\\s,:]*)+");

    /** The latest message looked up once for every phrase trigger. */
    PhraseIndex.Scan phrases() {
        if (phraseScan == null) {
            phraseScan = phrases.scan(tokens());
        }
        return phraseScan;
    }

    /** The first keyword of {@code topic} in the latest message, or null; every trigger on a topic shares its keywords. */
    String[] keywordHit(String topic, List<String[]> keywords) {
        if (keywordHits == null) {
            keywordHits = new HashMap<>();
        }
        String[] hit = keywordHits.get(topic);
        if (hit == null) {
            hit = NO_KEYWORD;
            for (String[] keyword : keywords) {
                if (words().contains(keyword[0]) && TopicRule.affirmed(tokens(), keyword)) {
                    hit = keyword;
                    break;
                }
            }
            keywordHits.put(topic, hit);
        }
        return hit == NO_KEYWORD ? null : hit;
    }

    /** The distinct words of the latest message. */
    private Set<String> words() {
        if (words == null) {
            words = new HashSet<>();
            tokens().forEach(t -> words.add(t.word()));
        }
        return words;
    }

    /** How the latest message relates to a topic's examples; the message is embedded once, on first use. */
    SemanticMatch semantic(String topic) {
        if (probe == null) {
            probe = semanticIndex.probe(latest.text());
        }
        return probe.match(topic);
    }

    Sentiment.Score sentiment() {
        if (latestSentiment == null) {
            latestSentiment = sentiment.score(latest.text(), tokens());
        }
        return latestSentiment;
    }

    /** {@link Sentiment.Score#describe()} of the latest message, built once. */
    String sentimentDescription() {
        if (latestSentimentDescription == null) {
            // Score.describe() is String.format("sentiment %.1f%s", ...): the same text from the one formatted value
            Sentiment.Score score = sentiment();
            latestSentimentDescription = "sentiment " + oneDecimal(score.value())
                    + (score.evidence().isEmpty() ? "" : " (" + String.join(", ", score.evidence()) + ")");
        }
        return latestSentimentDescription;
    }

    /** {@code %.1f} of a number, formatted once per evaluation however many triggers report it. */
    String oneDecimal(double value) {
        if (oneDecimal == null) {
            oneDecimal = new HashMap<>();
        }
        return oneDecimal.computeIfAbsent(value, Rule::oneDecimal);
    }

    /** {@code %.2f} of a number, formatted once per evaluation however many triggers report it. */
    String twoDecimals(double value) {
        if (twoDecimals == null) {
            twoDecimals = new HashMap<>();
        }
        return twoDecimals.computeIfAbsent(value, Rule::twoDecimals);
    }

    /** Sentiment of the last {@code n} customer messages, oldest first (the latest included). */
    List<Sentiment.Score> customerSentiments(int n) {
        List<Sentiment.Score> scores = new ArrayList<>();
        List<TriggerInput.Line> lines = input.transcript();
        for (int i = lines.size() - 1; i >= 0 && scores.size() < n; i--) {
            TriggerInput.Line line = lines.get(i);
            if (line.author() == Author.CUSTOMER) {
                scores.add(0, line == latest ? sentiment() : lineSentiment(i, line));
            }
        }
        return scores;
    }

    /** An earlier line's sentiment, scored once per evaluation however many triggers look back at it. */
    private Sentiment.Score lineSentiment(int index, TriggerInput.Line line) {
        if (lineSentiments == null) {
            lineSentiments = new Sentiment.Score[input.transcript().size()];
        }
        Sentiment.Score score = lineSentiments[index];
        if (score == null) {
            score = sentiment.score(line.text(), lineTokens(index, line));
            lineSentiments[index] = score;
        }
        return score;
    }

    /** An earlier line's tokens, read once for both its sentiment and repeat detection. */
    @SuppressWarnings("unchecked")
    private List<Text.Token> lineTokens(int index, TriggerInput.Line line) {
        if (lineTokens == null) {
            lineTokens = new List[input.transcript().size()];
        }
        List<Text.Token> t = lineTokens[index];
        if (t == null) {
            t = Text.tokens(line.text());
            lineTokens[index] = t;
        }
        return t;
    }

    /** Words and word pairs of the latest message, for repeat detection. */
    Set<String> latestShingles() {
        if (latestShingles == null) {
            latestShingles = BotFailureRule.shingles(tokens());
        }
        return latestShingles;
    }

    /** How alike the latest message and an earlier line are (Jaccard of shingles), computed once per line. */
    double similarityTo(int index, TriggerInput.Line line) {
        if (similarities == null) {
            similarities = new double[input.transcript().size()];
            java.util.Arrays.fill(similarities, Double.NaN);
        }
        double similarity = similarities[index];
        if (Double.isNaN(similarity)) {
            similarity = BotFailureRule.jaccard(latestShingles(), BotFailureRule.shingles(lineTokens(index, line)));
            similarities[index] = similarity;
        }
        return similarity;
    }
}
