package dev.handoff.escalation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message that mixes another language into English ("quiero hablar con un humano please",
 * "yeh bot bilkul bekaar hai", "pwede po bang makausap ang agent", "je voudrais parler à un
 * conseiller") through a glossary of the borrowed words ({@code triggers/code-switching.tsv}:
 * Spanish, French, romanised Hindi, Tagalog), word by word, so the phrases, cues and the sentence
 * model read English (ADR 0070). Only when a message has two different entries of one language: a
 * single borrowed word ("the hindi option", "a la carte") is no code-switching. Accents are folded
 * in a message read through the glossary; any other message is returned as it is, the same
 * instance.
 */
final class CodeSwitching {

    private CodeSwitching() {}

    static final String RESOURCE = "triggers/code-switching.tsv";
    static final int MIN_ENTRIES = 2;
    private static final int MAX_LENGTH = 2_000;

    /** One language's glossary: its entries as one pattern, their English, and every word its entries start with. */
    private record Language(Pattern words, Map<String, String> english, Set<String> firstWords) {}

    private static final List<Language> LANGUAGES = load();

    /** {@code text} read through the glossary of the language it mixes in, or {@code text} itself. */
    static String english(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return text;
        }
        // one pass over the words first: most messages have no glossary word, and skip the patterns
        List<Language> candidates = candidates(text);
        if (candidates.isEmpty()) {
            return text;
        }
        String folded = Text.normalize(text).replace('\u00a0', ' ');
        for (Language language : candidates) {
            Matcher m = language.words().matcher(folded);
            Set<String> found = new HashSet<>();
            while (m.find() && found.size() < MIN_ENTRIES) {
                found.add(m.group(1));
            }
            if (found.size() < MIN_ENTRIES) {
                continue;
            }
            m.reset();
            StringBuilder out = new StringBuilder(folded.length() + 32);
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(language.english().get(m.group(1))));
            }
            m.appendTail(out);
            return out.toString().replaceAll(" {2,}", " ").strip();
        }
        return text;
    }

    /** The languages of which the message has two different first words of entries, read word by word. */
    private static List<Language> candidates(String text) {
        List<Language> found = List.of();
        for (Language language : LANGUAGES) {
            Set<String> seen = null;
            int i = 0;
            int n = text.length();
            while (i < n && (seen == null || seen.size() < MIN_ENTRIES)) {
                if (!Character.isLetter(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
                    i++;
                }
                String word = folded(text, start, i);
                // "nag-restart": a prefix is its word with the hyphen
                String key = i < n && text.charAt(i) == '-' && language.firstWords().contains(word + "-") ? word + "-" : word;
                if (language.firstWords().contains(key)) {
                    if (seen == null) {
                        seen = new HashSet<>();
                    }
                    seen.add(key);
                }
            }
            if (seen != null && seen.size() >= MIN_ENTRIES) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add(language);
            }
        }
        return found;
    }

    /** A word lower-cased, its accents folded only when it has any (the common case skips the Unicode normaliser). */
    private static String folded(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (text.charAt(k) >= 0x80) {
                return Text.normalize(text.substring(start, end));
            }
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static List<Language> load() {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        try (InputStream in = CodeSwitching.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 3 || parts[1].isBlank() || !parts[1].equals(parts[1].toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected language, lower-case words, English");
                }
                byLanguage.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Language> languages = new ArrayList<>();
        for (Map<String, String> english : byLanguage.values()) {
            List<String> words = new ArrayList<>(english.keySet());
            words.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder alternation = new StringBuilder();
            for (String w : words) {
                // a prefix ("nag-") stands before a borrowed verb; a word ends where letters end
                String quoted = w.endsWith("-") ? Pattern.quote(w) + "(?=\\p{L})" : Pattern.quote(w) + "(?![\\p{L}'-])";
                alternation.append(alternation.length() == 0 ? "" : "|").append(quoted);
            }
            Set<String> firstWords = new HashSet<>();
            for (String w : words) {
                String first = w.split("[ -]")[0];
                firstWords.add(w.endsWith("-") ? w : first);
                // "quelqu'un", "c'est", "na-hack": the word reader stops at a hyphen, not at an apostrophe
                firstWords.add(first.contains("'") ? first : first.split("'")[0]);
            }
            languages.add(new Language(Pattern.compile("(?<![\\p{L}'-])(" + alternation + ")"), Map.copyOf(english), Set.copyOf(firstWords)));
        }
        return List.copyOf(languages);
    }
}
