package dev.handoff.escalation.control;

import static dev.handoff.escalation.control.PhraseLexicon.PERSON;
import static dev.handoff.escalation.control.PhraseLexicon.REACH;
import static dev.handoff.escalation.control.PhraseLexicon.REAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an admin's phrases in a message the way people actually type them: any case, accents
 * folded, one typo per word of five letters or more ("humna", "agnet"), any inflection ("speaking",
 * "contacted", "people"), little filler words ignored ("talk to human" = "talk to a human"), words
 * of one class read as one ({@link PhraseLexicon}: "talk to a person" = "speaking with somebody" =
 * "contacting an operator" = "get in touch with a real employee"), and not when negated in the same
 * clause ("I don't need to talk to anyone"). Phrase words follow each other with nothing but filler
 * between them ("phone me" is not in "find my phone for me"), except up to two words describing
 * a person before a person noun ("talk to my account manager"). A person noun that ends a phrase
 * must not itself describe the next word ("reach the manager dashboard", "is there an agent
 * seat"), and after a verb of having it must not be plural ("can I get more agents"). Typos are
 * resolved against the phrases' own vocabulary with a delete-one index (SymSpell), so lookups
 * stay cheap however many phrases there are; {@link PhraseIndex} looks a message up once for all
 * the phrase triggers of a set.
 *
 * <p>A phrase that is one word apart from filler ("a human please", "operator please") is a
 * one-word request: it matches only when a sentence or clause is that word (or another of its
 * class) alone, give or take filler, attention words and the bare asking ("Operator!", "human",
 * "Manager. Now.", "you're a bot, I want a person", "escalate to a supervisor"), never as a word
 * inside a longer sentence ("is there a person icon?", "how do I add an agent seat").
 */
public final class PhraseMatcher {

    static final int MIN_FUZZY_LENGTH = 5;
    static final int NEGATION_REACH = 3;
    /** Words that may describe a person between a phrase's words: "talk to my account manager", "a different support agent". */
    static final int MAX_MODIFIERS = 2;
    /** Words of a group a person belongs to between a person and the next phrase word: "someone from sales contact me". */
    static final int MAX_ATTACHED = 4;
    private static final Set<String> ATTACHING = PhraseLexicon.keys("from", "in", "at", "on");
    /**
     * Words that may accompany a one-word request without turning it into some other sentence:
     * attention and urgency ("Manager. Now."), the bare asking ("I need a human", "can I get an agent")
     * and the bare handing over ("transfer to agent", "talk to human").
     */
    static final Set<String> ATTENTION = PhraseLexicon.keys("now", "hello", "hi", "hey", "helo", "ok", "okay", "asap", "thanks", "thx",
            "immediately", "urgently", "again", "yes", "yo", "oi", "i", "i'd", "we", "need", "want", "get", "give", "can", "could", "have",
            "like", "would", "you", "me", "us", "to", "let", "talk", "speak", "chat", "connect", "transfer", "put", "through", "pass",
            "send", "over", "escalate", "please", "pls", "plz");
    /** Attention words that are also nouns: after a determiner ("transfer a chat to an agent") they are the topic, not the asking. */
    static final Set<String> VERBS = PhraseLexicon.keys("talk", "speak", "chat", "connect", "transfer", "put", "pass", "send", "escalate",
            "get", "give", "need", "want", "like", "have");
    static final Set<String> DETERMINERS = PhraseLexicon.keys("a", "an", "the", "this", "that", "my", "your", "our", "their", "his", "her",
            "its", "each", "every", "some", "any");

    /** Phrases by their first word (a key or a class); read by {@link PhraseIndex}, with {@link #oneWord} and {@link #vocabulary}. */
    final Map<String, List<String[]>> byFirstWord = new HashMap<>();
    final Set<String> oneWord = new HashSet<>();
    /** The words, as written, that the phrases are made of (with every word of their classes): what typos are resolved to. */
    final Set<String> vocabulary = new HashSet<>();
    /** The keys of {@link #vocabulary}: an inflection of a vocabulary word is no typo. */
    final Set<String> vocabularyKeys = new HashSet<>();
    private final Set<String> negatingWords = new HashSet<>();
    private final Map<String, String> deletes = new HashMap<>();
    private final List<String[]> negations = new ArrayList<>();

    public PhraseMatcher(List<String> phrases, List<String> negationPhrases) {
        for (String phrase : phrases) {
            String[] words = compile(phrase);
            if (words.length == 0) {
                continue;
            }
            if (words.length == 1) {
                oneWord.add(words[0]);
            } else {
                byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            }
        }
        for (String word : vocabulary) {
            vocabularyKeys.add(English.key(PhraseLexicon.spelled(word)));
            if (word.length() >= MIN_FUZZY_LENGTH) {
                for (String d : deletesOf(word)) {
                    deletes.putIfAbsent(d, word);
                }
            }
        }
        for (String negation : negationPhrases) {
            String[] words = Text.words(negation);
            if (words.length > 0) {
                negations.add(words);
            }
            if (words.length == 1) {
                negatingWords.add(words[0]);
            }
        }
    }

    /**
     * A phrase as the words it is matched by: keys, and classes where it has a word of one; filler
     * dropped. A phrase that is only a verb of reaching ("put me through to") keeps its own words.
     */
    private String[] compile(String phrase) {
        List<Text.Token> tokens = Text.tokens(phrase);
        String[] written = tokens.stream().map(Text.Token::word).toArray(String[]::new);
        PhraseLexicon.Reading r = new PhraseLexicon.Reading(written, tokens);
        List<String> words = new ArrayList<>();
        List<String> literal = new ArrayList<>();
        for (int i = 0; i < r.n; i++) {
            boolean filler = PhraseLexicon.FILLER.contains(r.key[i]);
            if (!filler) {
                literal.add(r.key[i]);
            }
            if (r.tail[i]) {
                continue;
            }
            if (r.concept[i] != null) {
                words.add(r.concept[i]);
            } else if (!filler) {
                words.add(r.key[i]);
            }
        }
        if (words.equals(List.of(REACH))) {
            words = literal;
        }
        if (words.isEmpty()) {
            words = List.of(r.key);
        }
        for (String w : words) {
            if (w.charAt(0) == '@') {
                vocabulary.addAll(PhraseLexicon.SURFACES.get(w));
            }
        }
        for (int i = 0; i < r.n; i++) {
            if (words.contains(r.key[i])) {
                vocabulary.add(PhraseLexicon.spelled(written[i]));
            }
        }
        return words.toArray(String[]::new);
    }

    /** The first phrase found, as written in the message, or empty. */
    public Optional<String> find(List<Text.Token> tokens) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = corrected(tokens.get(i).word());
        }
        return find(tokens, new PhraseLexicon.Reading(words, tokens), null, true);
    }

    /**
     * {@code starts}: the only token positions where a phrase can begin, ascending, -1 ending them;
     * null for all of them. {@code asks}: whether the message has a one-word request of this matcher.
     */
    Optional<String> find(List<Text.Token> tokens, PhraseLexicon.Reading r, int[] starts, boolean asks) {
        int positions = starts == null ? r.n : starts.length;
        for (int s = 0; s < positions; s++) {
            int start = starts == null ? s : starts[s];
            if (start < 0) {
                break;
            }
            List<String[]> candidates = byFirstWord.get(r.key[start]);
            Optional<String> found = candidates == null ? Optional.empty() : first(tokens, r, start, candidates);
            if (found.isEmpty() && r.concept[start] != null && (candidates = byFirstWord.get(r.concept[start])) != null) {
                found = first(tokens, r, start, candidates);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        if (oneWord.isEmpty() || !asks) {
            return Optional.empty();
        }
        Optional<String> alone = oneWordRequest(tokens, r);
        // a matcher that takes a person alone as a request takes a person asked to act for the customer
        return alone.isPresent() || !oneWord.contains(PERSON) ? alone : PersonAskedToAct.find(tokens, r);
    }

    private Optional<String> first(List<Text.Token> tokens, PhraseLexicon.Reading r, int start, List<String[]> candidates) {
        for (String[] phrase : candidates) {
            int end = match(r, start, phrase);
            if (end >= 0 && !negated(tokens, start)) {
                StringBuilder seen = new StringBuilder();
                for (int i = start; i <= end; i++) {
                    seen.append(i > start ? " " : "").append(tokens.get(i).word());
                }
                return Optional.of(seen.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * A one-word request: a sentence or clause that is that word (or another of its class), give or
     * take filler and attention words; a request word that is itself an attention word ("escalate")
     * counts when nothing else in the clause does.
     */
    private Optional<String> oneWordRequest(List<Text.Token> tokens, PhraseLexicon.Reading r) {
        int request = -1;
        int asking = -1;
        boolean alone = true;
        for (int i = 0; i < r.n; i++) {
            if (i > 0 && r.clause[i] != r.clause[i - 1]) {
                if (alone && (request >= 0 || asking >= 0)) {
                    break;
                }
                request = -1;
                asking = -1;
                alone = true;
            }
            if (!alone || r.tail[i]) {
                continue;
            }
            String c = r.key[i];
            boolean noun = VERBS.contains(c) && i > 0 && r.clause[i - 1] == r.clause[i] && DETERMINERS.contains(r.key[i - 1]);
            boolean quiet = PhraseLexicon.FILLER.contains(c) || REAL.equals(r.concept[i]) || REACH.equals(r.concept[i])
                    || (ATTENTION.contains(c) && !noun);
            if (quiet) {
                if (asking < 0 && asks(r, i)) {
                    asking = i;
                }
            } else if (request < 0 && asks(r, i)) {
                request = i;
            } else {
                alone = false;
            }
        }
        int at = request >= 0 ? request : asking;
        if (alone && at >= 0 && !negated(tokens, at)) {
            StringBuilder seen = new StringBuilder(tokens.get(at).word());
            for (int k = at + 1; k <= r.end[at]; k++) {
                seen.append(' ').append(tokens.get(k).word());
            }
            return Optional.of(seen.toString());
        }
        return Optional.empty();
    }

    private boolean asks(PhraseLexicon.Reading r, int i) {
        if (PERSON.equals(r.concept[i])) {
            return (r.alone[i] || r.politely[i] && pleaseSaid(r, i)) && !r.owned[i] && oneWord.contains(PERSON);
        }
        return oneWord.contains(r.key[i]);
    }

    private static final String PLEASE = English.key("please");

    /** Whether "please" (or "pls", "plz") stands in the clause of token {@code i}: "nurse please", "dentist pls". */
    private static boolean pleaseSaid(PhraseLexicon.Reading r, int i) {
        for (int k = 0; k < r.n; k++) {
            if (r.clause[k] == r.clause[i] && r.key[k].equals(PLEASE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Index of the last matched token, or -1. Phrase words follow each other in one clause with
     * only filler (and real, live, ... unless the phrase asks for them) between them, and up to
     * {@value #MAX_MODIFIERS} words describing a person before a person noun.
     */
    private int match(PhraseLexicon.Reading r, int start, String[] phrase) {
        if (!r.is(phrase[0], start)) {
            return -1;
        }
        int at = r.after(phrase[0], start);
        int person = PERSON.equals(phrase[0]) ? start : -1;
        for (int p = 1; p < phrase.length; p++) {
            String want = phrase[p];
            int found = -1;
            int modifiers = 0;
            int attached = person >= 0 && at + 1 < r.n && ATTACHING.contains(r.key[at + 1]) ? MAX_ATTACHED : 0;
            for (int next = at + 1; next < r.n && r.clause[next] == r.clause[start]; next++) {
                if (r.is(want, next)) {
                    found = next;
                    break;
                }
                boolean skip = r.filler[next] || REAL.equals(r.concept[next]) && !REAL.equals(want);
                if (!skip && PERSON.equals(want) && modifiers < MAX_MODIFIERS && modifier(r, next)) {
                    modifiers++;
                    skip = true;
                }
                // "someone from sales contact me", "have somebody in your billing team call me"
                if (!skip && attached > 0 && (next == at + 1 || modifier(r, next) || PERSON.equals(r.concept[next]))) {
                    attached--;
                    skip = true;
                }
                if (!skip) {
                    break;
                }
            }
            if (found < 0 || (modifiers > 0 && r.pronoun[found]) || (PERSON.equals(want) && r.owned[found])) {
                return -1;
            }
            person = PERSON.equals(want) ? found : -1;
            at = r.after(want, found);
        }
        if (person >= 0 && !endsAPersonRequest(r, person, phrase)) {
            return -1;
        }
        return at;
    }

    /** A word that may describe a person: not a function word, class word, negation or quantity. */
    private boolean modifier(PhraseLexicon.Reading r, int i) {
        return r.describes[i] && !negatingWords.contains(r.key[i]);
    }

    /**
     * A person that ends a phrase is not describing the next word ("agent seat", "person icon",
     * "manager dashboard"), and after a verb of having ("get", "need", "want") it is one person,
     * not more ("can I get more agents", "I need people to sign up").
     */
    private static boolean endsAPersonRequest(PhraseLexicon.Reading r, int person, String[] phrase) {
        boolean reaching = false;
        for (String w : phrase) {
            reaching |= REACH.equals(w);
        }
        int next = r.end[person] + 1;
        boolean follows = next < r.n && r.clause[next] == r.clause[person];
        if (!follows) {
            return true;
        }
        String after = r.key[next];
        // "agent seat", "person icon"; without a verb of reaching, "get someone removed" too
        if ((!r.pronoun[person] || !reaching) && !r.follows[next]) {
            return false;
        }
        boolean having = phrase.length >= 2 && PhraseLexicon.HAVING.contains(phrase[phrase.length - 2]);
        if (having && (r.plural[person] || ANY.contains(r.key[person]) && AFTER_ANY.contains(after))) {
            return false; // "can I get more agents", "I need anyone with the link to view it"
        }
        if (having && after.equals("to") && next + 1 < r.n && r.key[next + 1].equals("be")) {
            return false; // "I want someone to be able to see my calendar"
        }
        // "I want someone to look at this", but not "I want people to sign up"
        return reaching || !after.equals("to") || !(r.plural[person] || ANY.contains(r.key[person]));
    }

    private static final Set<String> ANY = PhraseLexicon.keys("anyone", "anybody");
    private static final Set<String> AFTER_ANY = PhraseLexicon.keys("with", "to", "that", "in", "on", "at", "from", "for");

    private boolean negated(List<Text.Token> tokens, int start) {
        int clause = tokens.get(start).clause();
        // the negation ends at most NEGATION_REACH words before the phrase, in the same clause
        for (int end = start - 1; end >= Math.max(0, start - NEGATION_REACH); end--) {
            if (endsNegation(tokens, end, clause)) {
                return true;
            }
        }
        return negatedWish(tokens, start);
    }

    /** Verbs of wishing whose object a negation before them also denies: "I don't need anyone to call me". */
    private static final Set<String> WISHING = Set.of("need", "want", "wanna", "require", "needed", "wanted");
    /** Words that start a new wish or request between the negated wish and the phrase: "i don't want the bot i want…", "… can someone…". */
    private static final Set<String> NEW_WISH = Set.of("i", "we", "i'd", "id", "just", "but", "can", "could", "please", "pls", "plz", "so");
    /** How far a negated wish reaches beyond {@link #NEGATION_REACH}: over its object, "anyone to". */
    static final int WISH_REACH = 3;

    /**
     * A negation right before a verb of wishing, up to {@link #WISH_REACH} words further back than
     * {@link #NEGATION_REACH}, in the same clause, with no new wish or request between ("yeah no i
     * don't need anyone to call me", a voice transcript without commas; ADR 0066). "no i dont want
     * the bot i want to talk to a person" and "i don't want to wait can someone call me" still ask.
     */
    private boolean negatedWish(List<Text.Token> tokens, int start) {
        int clause = tokens.get(start).clause();
        for (int wish = start - NEGATION_REACH; wish >= Math.max(1, start - NEGATION_REACH - WISH_REACH); wish--) {
            if (tokens.get(wish).clause() != clause || !WISHING.contains(tokens.get(wish).word())) {
                continue;
            }
            boolean fresh = false;
            for (int k = wish + 1; k < start && !fresh; k++) {
                fresh = NEW_WISH.contains(tokens.get(k).word());
            }
            if (!fresh && endsNegation(tokens, wish - 1, clause)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the trigger's negations ends at {@code end}, within {@code clause}. */
    private boolean endsNegation(List<Text.Token> tokens, int end, int clause) {
        for (String[] negation : negations) {
            int begin = end - negation.length + 1;
            if (begin < 0 || tokens.get(begin).clause() != clause) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < negation.length && all; k++) {
                all = tokens.get(begin + k).word().equals(negation[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The word a token is read as: itself, or the vocabulary word one typo away. */
    String corrected(String word) {
        if (!typo(word, vocabulary, vocabularyKeys)) {
            return word;
        }
        String hit = deletes.get(word);
        if (hit != null) {
            return hit;
        }
        for (String d : deletesOf(word)) {
            if (vocabulary.contains(d)) {
                return d;
            }
            hit = deletes.get(d);
            if (hit != null) {
                return hit;
            }
        }
        return word;
    }

    /** Whether a word may be a typo of a vocabulary word: long enough, unknown, no inflection of one, no real word near one. */
    static boolean typo(String word, Set<String> vocabulary, Set<String> keys) {
        return word.length() >= MIN_FUZZY_LENGTH && !vocabulary.contains(word) && !PhraseLexicon.NOT_TYPOS.contains(word)
                && !keys.contains(PhraseLexicon.word(word).key());
    }

    static List<String> deletesOf(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }
}
