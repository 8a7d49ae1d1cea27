package dev.handoff.escalation.control;

import java.util.Map;
import java.util.Set;

/**
 * A small rule-based English lemmatiser for phrase matching: {@link #key} reduces a word and its
 * inflections to one key (talk, talks, talking, talked → "talk"; chat, chatting → "chat";
 * escalate, escalating → "escalat"; person, people, persons → "person"), by an irregular table and
 * regular suffix rules, the same on both sides of a comparison. A key is for comparing, not for
 * showing: it may not be a word ("escalat", "phon"). Words that only look inflected ("this",
 * "thing", "need", "status") keep their form.
 */
final class English {

    private English() {}

    /** Irregular forms → their base form (whose key is then taken as usual). */
    static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("spoke", "speak"), Map.entry("spoken", "speak"), Map.entry("got", "get"), Map.entry("gotten", "get"),
            Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("rang", "ring"), Map.entry("rung", "ring"),
            Map.entry("sent", "send"), Map.entry("held", "hold"), Map.entry("told", "tell"), Map.entry("made", "make"),
            Map.entry("brought", "bring"), Map.entry("caught", "catch"), Map.entry("taught", "teach"), Map.entry("put", "put"),
            Map.entry("has", "have"), Map.entry("had", "have"), Map.entry("people", "person"), Map.entry("ppl", "person"),
            Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("guys", "guy"), Map.entry("folks", "folk"),
            Map.entry("is", "be"), Map.entry("are", "be"), Map.entry("am", "be"), Map.entry("was", "be"), Map.entry("were", "be"),
            Map.entry("been", "be"));
    /** Past forms: narrative ("I talked to an agent") unless passive ("can I get transferred"); see {@link PhraseLexicon}. */
    static final Set<String> IRREGULAR_PAST = Set.of("spoke", "spoken", "got", "gotten", "gave", "given", "rang", "rung", "sent",
            "held", "told", "made", "brought", "caught", "taught", "had", "was", "were", "been");
    /** Words that end like an inflection but are not one. */
    static final Set<String> KEEP = Set.of("this", "thus", "his", "its", "yes", "bus", "us", "plus", "news", "always", "perhaps",
            "series", "species", "thanks", "being", "thing", "nothing", "something", "anything", "everything", "morning",
            "evening", "during", "ceiling", "bring", "string", "spring", "king", "ring", "sing", "wing", "swing", "sting",
            "need", "feed", "seed", "speed", "bleed", "breed", "indeed", "proceed", "exceed", "succeed", "bed", "red", "shed",
            "wed", "led", "fled", "hundred", "embed", "ahead", "instead", "united", "less", "unless", "across");

    /** The comparison key of a lower-case word: the same for a word and its regular and irregular inflections. */
    static String key(String word) {
        String base = IRREGULAR.get(word);
        if (base != null) {
            word = base;
        } else if (!KEEP.contains(word)) {
            word = strip(word);
        }
        return normal(word);
    }

    /** True for a past form: an irregular one, or a word that loses "-ed". */
    static boolean past(String word) {
        return IRREGULAR_PAST.contains(word) || (!KEEP.contains(word) && word.endsWith("ed") && !strip(word).equals(word));
    }

    private static String strip(String w) {
        int n = w.length();
        if (n <= 3 || w.indexOf('\'') >= 0) {
            return w;
        }
        if (n > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("oes") && n <= 5) {
            return w.substring(0, n - 2); // goes, does
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        if (n >= 5 && w.endsWith("ing") && vowel(w, n - 3)) {
            return w.substring(0, n - 3);
        }
        if (n >= 5 && w.endsWith("ed") && !w.endsWith("eed") && vowel(w, n - 2)) {
            return w.substring(0, n - 2);
        }
        return w;
    }

    private static boolean vowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A final silent e dropped, a doubled final consonant (but l, s, z) undoubled: escalate/escalat, chatt/chat. */
    private static String normal(String w) {
        int n = w.length();
        if (n >= 4 && w.charAt(n - 1) == 'e' && "aeiouy".indexOf(w.charAt(n - 2)) < 0) {
            w = w.substring(0, n - 1);
            n--;
        }
        if (n >= 4) {
            char last = w.charAt(n - 1);
            if (last == w.charAt(n - 2) && Character.isLetter(last) && "aeioulsz".indexOf(last) < 0) {
                w = w.substring(0, n - 1);
            }
        }
        return w;
    }
}
