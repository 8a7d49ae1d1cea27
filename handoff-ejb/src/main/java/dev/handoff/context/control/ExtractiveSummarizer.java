package dev.handoff.context.control;

import dev.handoff.context.control.TranscriptLine.Author;
import dev.handoff.conversation.control.Fact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in summarizer: no model, no network. It writes up to three sentences from the
 * customer's own messages — the main problem (their most informative sentence, rewritten in third
 * person), the facts they gave, and their stance (cancel, refund, a person, upset) — in at most
 * {@value #MAX} characters. With no customer text it says so and gives the handoff reasons.
 *
 * <p>A sentence scores for content words, problem words ("charged", "refund", "error", "cannot"),
 * facts it holds and being in the first substantive message; greetings and bare requests for a
 * person score low, because the stance sentence already covers them.
 */
public class ExtractiveSummarizer implements Summarizer {

    static final int MAX = 400;
    private static final int MAX_FACTS = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026\u3002])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern PROBLEM = Pattern.compile("\\b(charg\\w*|refund\\w*|error\\w*|cannot|can't|cant|couldn't"
            + "|unable|broken|break\\w*|fail\\w*|declin\\w*|wrong|missing|lost|locked|twice|double\\w*|bill\\w*|crash\\w*"
            + "|doesn't work|not working|won't|issue|problem|bug|stuck|never arrived|damaged|late|delay\\w*|invoice|payment"
            + "|cancel\\w*|password|login|log in)\\b");
    private static final Pattern PERSON_ONLY = Pattern.compile("\\b(human|real person|agent|representative|someone)\\b");
    private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "this", "that", "with", "have",
            "has", "had", "was", "were", "are", "but", "not", "can", "could", "would", "will", "just", "please", "thanks",
            "thank", "hello", "there", "what", "when", "how", "why", "who", "its", "it's", "i'm", "i've", "they", "them",
            "from", "been", "any", "all", "get", "got", "yes", "okay", "hey", "some", "also", "very", "too", "our", "out");

    private static final FactExtractor FACTS = new FactExtractor();

    private record Candidate(String text, int message, int index, double score) {}

    @Override
    public Summary summarize(SummaryRequest request) {
        return Summary.builtin(text(request));
    }

    /** The summary text alone. */
    public String text(SummaryRequest request) {
        String subject = subject(request.customerName());
        List<Integer> customerLines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            TranscriptLine line = request.lines().get(i);
            if (line.author() == Author.CUSTOMER && !line.text().isBlank()) {
                customerLines.add(i);
            }
        }
        if (customerLines.isEmpty()) {
            String opening = request.lines().isEmpty() ? "No messages before the handoff."
                    : "The customer has not written anything yet.";
            return Clip.words(join(opening, reasons(request.reasons())), MAX);
        }
        List<String> messages = customerLines.stream().map(i -> request.lines().get(i).text()).collect(Collectors.toList());
        List<Fact> given = FACTS.extract(request.lines()).stream()
                .filter(f -> request.lines().get(f.line()).author() == Author.CUSTOMER).collect(Collectors.toList());
        Candidate main = mainProblem(messages);
        List<Stance.Cue> cues = Stance.of(messages);
        String stance = cues.isEmpty() ? reasons(request.reasons()) : "They " + list(cues.stream().map(Stance.Cue::phrase)
                .collect(Collectors.toList())) + ".";
        List<Fact> unsaid = given.stream().filter(f -> !main.text().contains(f.value())).collect(Collectors.toList());
        String provided = provided(unsaid);
        int budget = MAX - provided.length() - stance.length() - subject.length() - 2 - " reports that .".length() - 4;
        String problem = ReportedSpeech.of(subject, main.text(), Math.max(60, Math.min(220, budget)));
        return Clip.words(join(problem, provided, stance), MAX);
    }

    private static String subject(String name) {
        return name == null || name.isBlank() ? "Customer" : Clip.words(name.strip(), 40);
    }

    /** The best sentence; a short one takes the next sentence of the same message along. */
    private static Candidate mainProblem(List<String> messages) {
        List<Candidate> all = new ArrayList<>();
        int firstSubstantive = -1;
        for (int m = 0; m < messages.size(); m++) {
            String[] sentences = SENTENCE_END.split(messages.get(m).strip());
            for (int s = 0; s < sentences.length; s++) {
                String sentence = sentences[s].strip();
                if (sentence.isEmpty()) {
                    continue;
                }
                int content = contentWords(sentence);
                if (firstSubstantive < 0 && content >= 3) {
                    firstSubstantive = m;
                }
                all.add(new Candidate(sentence, m, s, score(sentence, content, m == firstSubstantive)));
            }
        }
        Candidate best = all.get(0);
        for (Candidate c : all) {
            if (c.score() > best.score()) {
                best = c;
            }
        }
        int at = all.indexOf(best);
        if (best.text().length() < 50 && at + 1 < all.size()) {
            Candidate next = all.get(at + 1);
            if (next.message() == best.message() && contentWords(next.text()) >= 2 && next.score() > 0) {
                String tail = ReportedSpeech.stripGreeting(next.text());
                if (tail.matches("\\p{Lu}\\p{Ll}.*")) {
                    tail = Character.toLowerCase(tail.charAt(0)) + tail.substring(1);
                }
                String joined = best.text().replaceAll("[.!?\u2026]+$", "") + "; " + tail;
                return new Candidate(joined, best.message(), best.index(), best.score());
            }
        }
        return best;
    }

    private static double score(String sentence, int content, boolean firstSubstantive) {
        String folded = Stance.fold(sentence);
        double score = Math.min(content, 12);
        int problems = 0;
        var m = PROBLEM.matcher(folded);
        while (m.find() && problems < 3) {
            problems++;
        }
        score += 3 * problems;
        score += 2 * Math.min(2, FACTS.extract(sentence).size());
        if (firstSubstantive) {
            score += 2;
        }
        if (content < 2) {
            score -= 10;
        }
        if (problems == 0 && PERSON_ONLY.matcher(folded).find()) {
            score -= 4;
        }
        return score;
    }

    private static int contentWords(String sentence) {
        var m = WORD.matcher(Stance.fold(sentence));
        int count = 0;
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 3 && !STOP.contains(w)) {
                count++;
            }
        }
        return count;
    }

    /** "They gave the transaction IDs TX-1 and TX-2 and the amount $49.99." */
    private static String provided(List<Fact> given) {
        if (given.isEmpty()) {
            return "";
        }
        Map<Fact.Kind, List<String>> byKind = new LinkedHashMap<>();
        given.stream().limit(MAX_FACTS).forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.value()));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, values) -> parts.add("the " + kind.noun(values.size()) + " " + list(values)));
        String more = given.size() > MAX_FACTS ? " (and " + (given.size() - MAX_FACTS) + " more)" : "";
        return "They gave " + list(parts) + more + ".";
    }

    private static String reasons(List<String> reasons) {
        List<String> shown = reasons.stream().filter(r -> r != null && !r.isBlank()).limit(2)
                .map(r -> Clip.words(r.strip().replaceAll("[.!?]+$", ""), 80)).collect(Collectors.toList());
        return shown.isEmpty() ? "" : "Handed off because: " + String.join("; ", shown) + ".";
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String join(String... sentences) {
        return Arrays.stream(sentences).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    }
}
