package dev.handoff.escalation.control;

import dev.handoff.conversation.entity.Author;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The foundation's small fixed trigger set: an explicit request for a person, billing and refund
 * words, and a bot that is unsure of its own answer. Pure Java, no container: unit-tested alone.
 */
public class BuiltInTriggers implements TriggerEngine {

    public static final String HUMAN_REQUEST = "explicit-human-request";
    public static final String BILLING = "billing-dispute";
    public static final String BOT_UNSURE = "bot-low-confidence";

    private static final String PEOPLE =
            "(?:human|person|people|agent|representative|rep|someone|somebody|operator|supervisor|manager|staff|employee|live support|customer service)";
    /** "talk to a person", "connect me with an agent", "get me a human", "I want a real person". */
    private static final Pattern ASK_FOR_PERSON = Pattern.compile(
            "\\b(?:talk|speak|chat|connect|transfer|put|get|give|need|want|escalate|reach|contact|call)\\b"
                    // a short span that is not about buying or managing seats ("I want to add more agents")
                    + "(?:(?!\\b(?:add|buy|invite|remove|hire|more|seats?|licen[cs]es?)\\b)[^.?!,;]){0,25}?\\b" + PEOPLE + "\\b");
    private static final Pattern REAL_PERSON = Pattern.compile(
            "\\b(?:real|live|actual)\\s+(?:human|person|agent|people)\\b|\\bhuman\\s*(?:please|pls|plz|now)\\b|\\bhuman being\\b");
    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:don'?t|do not|dont|not|never|without|no need to)\\s+(?:\\w+\\s+){0,2}$");
    /** "no need to talk to a person": the match starts at "need", so only "no" is left before it. */
    private static final Pattern NO_NEED = Pattern.compile("\\bno\\s+$");

    private static final List<Pattern> BILLING_TERMS = List.of(
            Pattern.compile("\\b(?:charged|billed)\\s+(?:me\\s+)?(?:twice|two times|double|2x)\\b"),
            Pattern.compile("\\bdouble[- ]?(?:charged|charge|billed|billing)\\b"),
            Pattern.compile("\\bover\\s?charged?\\b"),
            Pattern.compile("\\brefunds?\\b|\\brefunded\\b"),
            Pattern.compile("\\bmoney back\\b"),
            Pattern.compile("\\bcharge\\s?backs?\\b"),
            Pattern.compile("\\bdisput(?:e|ed|ing)\\b[^.?!]{0,20}\\b(?:charge|payment|transaction|invoice|bill)\\b"),
            Pattern.compile("\\b(?:wrong|unauthori[sz]ed|unknown|duplicate|extra)\\s+(?:charge|payment|transaction)s?\\b"),
            Pattern.compile("\\bbilling\\s+(?:error|issue|problem|mistake)s?\\b"),
            Pattern.compile("\\bpayment\\s+(?:failed|declined|bounced|did not go through|didn'?t go through)\\b"));

    private final double minBotConfidence;

    public BuiltInTriggers(double minBotConfidence) {
        this.minBotConfidence = minBotConfidence;
    }

    @Override
    public Decision evaluate(TriggerInput input) {
        TriggerInput.Line latest = input.latest();
        if (latest == null) {
            return Decision.NONE;
        }
        List<TriggerFiring> firings = new ArrayList<>();
        if (latest.author() == Author.CUSTOMER && latest.text() != null && !latest.text().isBlank()) {
            String text = normalize(latest.text());
            humanRequest(text).ifPresent(firings::add);
            billing(text).ifPresent(firings::add);
        }
        if (latest.author() == Author.BOT && latest.botConfidence() != null && latest.botConfidence() < minBotConfidence) {
            firings.add(new TriggerFiring(BOT_UNSURE,
                    String.format(Locale.ROOT, "The bot's confidence %.2f is below %.2f", latest.botConfidence(), minBotConfidence),
                    String.format(Locale.ROOT, "confidence=%.2f", latest.botConfidence()), "general", 40));
        }
        return new Decision(firings);
    }

    private java.util.Optional<TriggerFiring> humanRequest(String text) {
        Set<String> evidence = new LinkedHashSet<>();
        for (Pattern pattern : List.of(ASK_FOR_PERSON, REAL_PERSON)) {
            Matcher m = pattern.matcher(text);
            int from = 0;
            while (from < text.length() && m.find(from)) {
                String before = text.substring(0, m.start());
                boolean negated = NEGATED.matcher(before).find()
                        || m.group().startsWith("need") && NO_NEED.matcher(before).find();
                if (negated) {
                    // "I don't want a bot, I want a human": a negated start must not hide a later request.
                    from = m.start() + 1;
                } else {
                    evidence.add(m.group());
                    from = m.end();
                }
            }
        }
        if (evidence.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TriggerFiring(HUMAN_REQUEST,
                "The customer asked for a person: " + quote(evidence), String.join(", ", evidence), "general", 80));
    }

    private java.util.Optional<TriggerFiring> billing(String text) {
        Set<String> evidence = new LinkedHashSet<>();
        for (Pattern pattern : BILLING_TERMS) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                evidence.add(m.group());
            }
        }
        if (evidence.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TriggerFiring(BILLING,
                "Billing or refund words: " + quote(evidence), String.join(", ", evidence), "billing", 60));
    }

    private static String quote(Set<String> evidence) {
        return "\"" + String.join("\", \"", evidence) + "\"";
    }

    /** Lower case, accents folded, curly quotes straightened, runs of spaces collapsed. */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
