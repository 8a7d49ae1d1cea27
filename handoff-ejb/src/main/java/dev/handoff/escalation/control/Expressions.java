package dev.handoff.escalation.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lexicon's entries of several words, compiled once and indexed by the words they can start
 * with: plain expressions ("fed up") and sentence patterns that generalise
 * ("(nobody|no one) [is|was] (helping|answering)").
 *
 * <p>Pattern syntax, over words: {@code (a|b c)} one of, {@code [a|b]} optionally one of,
 * {@code *} any one word, {@code <num>} a number ("3", "two", "a", "several"), {@code <nth>} an
 * ordinal from second on ("third", "4th", "umpteenth"), {@code <swear>} any swear word (masked
 * ones included: "what the <swear>" reads "what the f***" and "what the @#$%"), {@code ,} a
 * clause break ({@code [,]} an optional one; otherwise the words of a match stay in one clause),
 * and a leading {@code {tag}} that names the entry for combinations. A word with an apostrophe also matches its
 * spellings without one and written out ("i'm" = "im" = "i am", "don't" = "dont" = "do not").
 *
 * <p>Messages are read through {@link #keys}: apostrophes dropped, chat spellings ("u", "r")
 * read as words, and a word of five letters or more that is not a word of the lexicon read as the
 * pattern word one typo away ("helpng", "thrid"), when exactly one is.
 *
 * <p>Each entry is compiled to a small automaton ({@link Program}) and indexed by the words it can
 * start with and by a word it needs later on, so a message only tries the entries whose words it
 * has: a few hash lookups per word, no regular expression per entry.
 */
final class Expressions {

    /** One compiled entry: its source line, score, tag (or null) and whether it is a pattern (not negated). */
    record Entry(String source, int score, String tag, boolean pattern, Program program, int order) {}

    /** Tokens {@code start} (inclusive) to {@code end} (exclusive) matched {@code entry}. */
    record Match(Entry entry, int start, int end) {}

    static final String NUM = "<num>";
    static final String NTH = "<nth>";
    /** Any swear word, spelled out, masked or a grawlix: messages carry it as its key. */
    static final String SWEAR = "<swear>";
    private static final String ANY = "*";

    static final Set<String> NUMBER_WORDS = Set.of("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "few", "couple", "several", "many",
            "multiple", "countless", "numerous", "dozen", "dozens", "hundred", "hundreds", "million", "thousand", "half", "some");
    static final Set<String> ORDINAL_WORDS = Set.of("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "fifteenth", "twentieth", "hundredth", "thousandth", "millionth", "umpteenth", "nth", "zillionth");
    /** How people write words in chat, read as the word. */
    private static final Map<String, String> CHAT = Map.of("u", "you", "ya", "you", "yu", "you", "r", "are", "pls", "please", "plz",
            "please", "coz", "because", "cuz", "because");

    private static final int MIN_TYPO_LENGTH = 5;
    private static final int MAX_TYPO_LENGTH = 20;

    private final Map<String, List<Entry>> byFirst = new HashMap<>();
    /** Entries by a word that every match of them has after the first (the words of the last such element). */
    private final Map<String, int[]> byAnchor = new HashMap<>();
    /** Whether entry {@code order} has an anchor, so a message without any of its words can skip it. */
    private boolean[] anchored = new boolean[0];
    private final Set<String> vocabulary = new HashSet<>();
    /** Pattern words of five letters or more, of ASCII letters, by first letter and length: candidates for typos. */
    @SuppressWarnings("unchecked")
    private final List<String>[][] byShape = new List[26][MAX_TYPO_LENGTH + 2];
    private final Set<String> known;
    private final boolean hasSwearFirst;
    private final boolean hasNumberFirst;
    private final boolean hasOrdinalFirst;
    /** Words already read ({@link #key}); cleared when it grows past {@link #CACHE_LIMIT}, so it stays small. */
    private final Map<String, String> readWords = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 50_000;

    /**
     * @param lexicon the sentiment lexicon; its entries of several words (or with pattern syntax) are compiled
     */
    Expressions(Map<String, Integer> lexicon) {
        this.known = lexicon.keySet();
        int order = 0;
        List<String> sources = new ArrayList<>(lexicon.keySet());
        sources.sort(null);
        for (String source : sources) {
            if (!isExpression(source)) {
                continue;
            }
            String text = source;
            String tag = null;
            if (text.startsWith("{")) {
                int close = text.indexOf('}');
                tag = text.substring(1, close).strip();
                text = text.substring(close + 1).strip();
            }
            boolean pattern = tag != null || text.chars().anyMatch(c -> "()[]|<>,".indexOf(c) >= 0) || (" " + text + " ").contains(" * ");
            Node node = new Parser(text).parse();
            Entry entry = new Entry(source, lexicon.get(source), tag, pattern, Program.of(node), order++);
            Set<String> first = new LinkedHashSet<>();
            node.first(first);
            if (first.contains(ANY) || first.isEmpty()) {
                throw new IllegalStateException("a lexicon pattern must start with a word: " + source);
            }
            for (String word : first) {
                byFirst.computeIfAbsent(word, k -> new ArrayList<>()).add(entry);
            }
            node.words(vocabulary);
            Set<String> anchor = anchor(node);
            if (anchor != null) {
                if (anchored.length <= entry.order()) {
                    anchored = Arrays.copyOf(anchored, Math.max(64, anchored.length * 2));
                }
                anchored[entry.order()] = true;
                for (String word : anchor) {
                    int[] ids = byAnchor.getOrDefault(word, new int[0]);
                    ids = Arrays.copyOf(ids, ids.length + 1);
                    ids[ids.length - 1] = entry.order();
                    byAnchor.put(word, ids);
                }
            }
        }
        hasSwearFirst = byFirst.containsKey(SWEAR);
        hasNumberFirst = byFirst.containsKey(NUM);
        hasOrdinalFirst = byFirst.containsKey(NTH);
        vocabulary.addAll(ORDINAL_WORDS);
        for (String word : vocabulary) {
            char first = word.charAt(0);
            if (word.length() >= MIN_TYPO_LENGTH && word.length() <= MAX_TYPO_LENGTH + 1 && first >= 'a' && first <= 'z') {
                List<String>[] byLength = byShape[first - 'a'];
                if (byLength[word.length()] == null) {
                    byLength[word.length()] = new ArrayList<>();
                }
                byLength[word.length()].add(word);
            }
        }
    }

    /**
     * The words of the last element that every match needs, when it is not the first and is made of
     * words only ("helping|answering|..." in "nobody [is] (helping|answering|...)"), else null.
     */
    private static Set<String> anchor(Node node) {
        if (!(node instanceof Sequence seq)) {
            return null;
        }
        int required = 0;
        Set<String> last = null;
        for (Node item : seq.items()) {
            Set<String> first = new HashSet<>();
            if (item.first(first)) {
                continue;
            }
            required++;
            Set<String> words = new HashSet<>();
            item.words(words);
            boolean plain = first.stream().noneMatch(w -> w.startsWith("<") || w.equals(ANY)) && !hasCategory(item);
            last = required > 1 && plain ? words : last;
        }
        return last;
    }

    private static boolean hasCategory(Node node) {
        if (node instanceof Category) {
            return true;
        }
        if (node instanceof Sequence s) {
            return s.items().stream().anyMatch(Expressions::hasCategory);
        }
        if (node instanceof Choice c) {
            return c.options().stream().anyMatch(Expressions::hasCategory);
        }
        return node instanceof Optional o && hasCategory(o.inner());
    }

    /** Whether a lexicon entry is compiled here rather than looked up as one word. */
    static boolean isExpression(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if (" ()[]|<>,{".indexOf(entry.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words messages are matched on: apostrophes dropped, chat spellings and small typos read as
     * words; {@code swears[i]}, when not null, is the swear word token i is (as listed, unmasked),
     * which a pattern matches as that word or as {@code <swear>}.
     */
    private String[] keys(List<Text.Token> tokens, String[] swears) {
        String[] keys = new String[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            if (swears[i] != null) {
                keys[i] = swears[i];
                continue;
            }
            String word = tokens.get(i).word();
            String key = readWords.get(word);
            if (key == null) {
                key = key(word);
                if (readWords.size() >= CACHE_LIMIT) {
                    readWords.clear();
                }
                readWords.put(word, key);
            }
            keys[i] = key;
        }
        return keys;
    }

    private String key(String word) {
        String key = word.indexOf('\'') >= 0 ? word.replace("'", "") : word;
        String chat = CHAT.get(key);
        if (chat != null) {
            return chat;
        }
        if (key.length() >= MIN_TYPO_LENGTH && !vocabulary.contains(key) && !known.contains(key)) {
            String fixed = typo(key);
            if (fixed != null) {
                return fixed;
            }
        }
        return key;
    }

    /** The one pattern word {@code word} is a typo of (a letter missing, extra, changed or two swapped, never the first), or null. */
    private String typo(String word) {
        char first = word.charAt(0);
        if (first < 'a' || first > 'z' || word.length() > MAX_TYPO_LENGTH) {
            return null;
        }
        String found = null;
        for (int length = word.length() - 1; length <= word.length() + 1; length++) {
            List<String> candidates = byShape[first - 'a'][length];
            if (candidates == null) {
                continue;
            }
            for (String candidate : candidates) {
                if (oneEditApart(word, candidate)) {
                    if (found != null) {
                        return null;
                    }
                    found = candidate;
                }
            }
        }
        return found;
    }

    /** One insertion, deletion, substitution or swap of neighbours apart. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) {
                        first = i;
                    }
                }
            }
            return diffs == 1 || (diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }

    /** A message read for matching: its keys and swear words, and which anchored entries can match at all. */
    final class Scan {
        private final List<Text.Token> tokens;
        private final String[] keys;
        private final String[] swears;
        private final boolean[] possible;

        Scan(List<Text.Token> tokens, String[] swears) {
            this.tokens = tokens;
            this.swears = swears;
            this.keys = Expressions.this.keys(tokens, swears);
            this.possible = new boolean[anchored.length];
            for (String key : keys) {
                int[] ids = byAnchor.get(key);
                if (ids != null) {
                    for (int id : ids) {
                        possible[id] = true;
                    }
                }
            }
        }

        String[] keys() {
            return keys;
        }

        /** The longest entry matching at {@code start} (on a tie the stronger, then the earlier), or null. */
        Match longestAt(int start) {
            String key = keys[start];
            Match best = consider(null, byFirst.get(key), start);
            if (swears[start] != null && hasSwearFirst) {
                best = consider(best, byFirst.get(SWEAR), start);
            }
            if (hasNumberFirst && isNumber(key)) {
                best = consider(best, byFirst.get(NUM), start);
            }
            if (hasOrdinalFirst && isOrdinal(key)) {
                best = consider(best, byFirst.get(NTH), start);
            }
            return best;
        }

        private Match consider(Match best, List<Entry> candidates, int start) {
            if (candidates == null) {
                return best;
            }
            for (Entry entry : candidates) {
                int id = entry.order();
                if (id < anchored.length && anchored[id] && !possible[id]) {
                    continue;
                }
                int end = entry.program().longest(tokens, keys, swears, start);
                if (end <= start) {
                    continue;
                }
                int strength = Math.abs(entry.score());
                if (best == null || end > best.end() || (end == best.end() && (strength > Math.abs(best.entry().score())
                        || (strength == Math.abs(best.entry().score()) && id < best.entry().order())))) {
                    best = new Match(entry, start, end);
                }
            }
            return best;
        }
    }

    Scan scan(List<Text.Token> tokens, String[] swears) {
        return new Scan(tokens, swears);
    }

    static boolean isNumber(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return NUMBER_WORDS.contains(key);
            }
        }
        return true;
    }

    static boolean isOrdinal(String key) {
        if (ORDINAL_WORDS.contains(key)) {
            return true;
        }
        int n = key.length();
        if (n < 3 || !(key.endsWith("nd") || key.endsWith("rd") || key.endsWith("th") || key.endsWith("st"))) {
            return false;
        }
        for (int i = 0; i < n - 2; i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return !key.equals("1st");
    }

    // ---- matching ---------------------------------------------------------------------------------

    /**
     * A pattern compiled to a small automaton over words: states that take one word of a set, one
     * word of a class, split into alternatives, mark a clause break, or accept. Matching is a
     * depth-first walk that allocates nothing; the words of a match stay in one clause unless a
     * break state sits between them.
     */
    static final class Program {
        private static final int WORDS = 0;
        private static final int CLASS = 1;
        private static final int SPLIT = 2;
        private static final int BREAK = 3;
        private static final int ACCEPT = 4;
        /** Literal alternatives as a trie: the word leads to the state in the map; {@code next}, when set, ends an alternative. */
        private static final int TRIE = 5;

        private final List<Integer> kinds = new ArrayList<>();
        private final List<Object> payloads = new ArrayList<>();
        private final List<int[]> nexts = new ArrayList<>();
        private int[] kind;
        private Object[] payload;
        private int[][] next;
        private int start;

        static Program of(Node node) {
            Program p = new Program();
            int accept = p.state(ACCEPT, null, new int[0]);
            p.start = node.compile(p, accept);
            p.kind = p.kinds.stream().mapToInt(Integer::intValue).toArray();
            p.payload = p.payloads.toArray();
            p.next = p.nexts.toArray(int[][]::new);
            return p;
        }

        int state(int k, Object data, int[] to) {
            kinds.add(k);
            payloads.add(data);
            nexts.add(to);
            return kinds.size() - 1;
        }

        /** The end (exclusive) of the longest match at {@code from}, or -1. */
        int longest(List<Text.Token> tokens, String[] keys, String[] swears, int from) {
            return walk(start, from, false, from, tokens, keys, swears);
        }

        private int walk(int state, int at, boolean needBreak, int from, List<Text.Token> tokens, String[] keys, String[] swears) {
            switch (kind[state]) {
                case ACCEPT:
                    return at;
                case SPLIT: {
                    int best = -1;
                    for (int n : next[state]) {
                        best = Math.max(best, walk(n, at, needBreak, from, tokens, keys, swears));
                    }
                    return best;
                }
                case BREAK:
                    return walk(next[state][0], at, true, from, tokens, keys, swears);
                case TRIE: {
                    int best = next[state].length > 0 ? walk(next[state][0], at, needBreak, from, tokens, keys, swears) : -1;
                    if (at < keys.length && (at == from || (tokens.get(at).clause() != tokens.get(at - 1).clause()) == needBreak)) {
                        @SuppressWarnings("unchecked")
                        Integer child = ((Map<String, Integer>) payload[state]).get(keys[at]);
                        if (child != null) {
                            best = Math.max(best, walk(child, at + 1, false, from, tokens, keys, swears));
                        }
                    }
                    return best;
                }
                default: {
                    if (at >= keys.length) {
                        return -1;
                    }
                    if (at > from && (tokens.get(at).clause() != tokens.get(at - 1).clause()) != needBreak) {
                        return -1;
                    }
                    boolean ok;
                    if (kind[state] == WORDS) {
                        Object words = payload[state];
                        ok = words instanceof String w ? w.equals(keys[at]) : ((Set<?>) words).contains(keys[at]);
                    } else {
                        ok = switch ((String) payload[state]) {
                            case NUM -> isNumber(keys[at]);
                            case NTH -> isOrdinal(keys[at]);
                            case SWEAR -> swears[at] != null;
                            default -> true;
                        };
                    }
                    return ok ? walk(next[state][0], at + 1, false, from, tokens, keys, swears) : -1;
                }
            }
        }
    }

    /** A parsed pattern element. */
    private sealed interface Node permits Word, Words, Category, Sequence, Choice, Optional, Break {
        /** Adds the words (or {@code <num>}, {@code <nth>}, {@code <swear>}, {@code *}) a match can start with; returns whether it can match nothing. */
        boolean first(Set<String> out);

        void words(Set<String> out);

        /** Adds this element's states to {@code p}, continuing at {@code next}; returns its first state. */
        int compile(Program p, int next);
    }

    private record Word(String word) implements Node {
        @Override
        public boolean first(Set<String> out) {
            out.add(word);
            return false;
        }

        @Override
        public void words(Set<String> out) {
            out.add(word);
        }

        @Override
        public int compile(Program p, int next) {
            return p.state(Program.WORDS, word, new int[] {next});
        }
    }

    /** One of several single words: a choice of words, looked up at once. */
    private record Words(Set<String> words) implements Node {
        @Override
        public boolean first(Set<String> out) {
            out.addAll(words);
            return false;
        }

        @Override
        public void words(Set<String> out) {
            out.addAll(words);
        }

        @Override
        public int compile(Program p, int next) {
            return p.state(Program.WORDS, words, new int[] {next});
        }
    }

    private record Category(String name) implements Node {
        @Override
        public boolean first(Set<String> out) {
            out.add(name);
            return false;
        }

        @Override
        public void words(Set<String> out) {}

        @Override
        public int compile(Program p, int next) {
            return p.state(Program.CLASS, name, new int[] {next});
        }
    }

    private record Sequence(List<Node> items) implements Node {
        @Override
        public boolean first(Set<String> out) {
            for (Node item : items) {
                if (!item.first(out)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void words(Set<String> out) {
            items.forEach(i -> i.words(out));
        }

        @Override
        public int compile(Program p, int next) {
            int at = next;
            for (int i = items.size() - 1; i >= 0; i--) {
                at = items.get(i).compile(p, at);
            }
            return at;
        }
    }

    private record Choice(List<Node> options) implements Node {
        @Override
        public boolean first(Set<String> out) {
            boolean empty = false;
            for (Node option : options) {
                empty |= option.first(out);
            }
            return empty;
        }

        @Override
        public void words(Set<String> out) {
            options.forEach(o -> o.words(out));
        }

        @Override
        public int compile(Program p, int next) {
            // alternatives of plain words ("i'm|i am|we're|you are") share one trie: one lookup per word, not one walk each
            Trie trie = new Trie();
            List<Node> rest = new ArrayList<>();
            for (Node option : options) {
                List<List<String>> literal = literal(option);
                if (literal == null) {
                    rest.add(option);
                } else {
                    literal.forEach(trie::add);
                }
            }
            List<Integer> starts = new ArrayList<>();
            if (!trie.children.isEmpty() || trie.end) {
                starts.add(trie.compile(p, next));
            }
            rest.forEach(o -> starts.add(o.compile(p, next)));
            return starts.size() == 1 ? starts.get(0) : p.state(Program.SPLIT, null, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The word sequences a literal option stands for ("i am", "im"), or null when it has anything else. */
        private static List<List<String>> literal(Node option) {
            if (option instanceof Word w) {
                return List.of(List.of(w.word()));
            }
            if (option instanceof Words ws) {
                return ws.words().stream().map(List::of).toList();
            }
            if (option instanceof Sequence seq && seq.items().stream().allMatch(i -> i instanceof Word)) {
                return List.of(seq.items().stream().map(i -> ((Word) i).word()).toList());
            }
            return null;
        }
    }

    private record Optional(Node inner) implements Node {
        @Override
        public boolean first(Set<String> out) {
            inner.first(out);
            return true;
        }

        @Override
        public void words(Set<String> out) {
            inner.words(out);
        }

        @Override
        public int compile(Program p, int next) {
            return p.state(Program.SPLIT, null, new int[] {inner.compile(p, next), next});
        }
    }

    /** Word sequences sharing their beginnings. */
    private static final class Trie {
        final Map<String, Trie> children = new HashMap<>();
        boolean end;

        void add(List<String> words) {
            Trie t = this;
            for (String w : words) {
                t = t.children.computeIfAbsent(w, k -> new Trie());
            }
            t.end = true;
        }

        int compile(Program p, int next) {
            Map<String, Integer> to = new HashMap<>();
            children.forEach((w, child) -> to.put(w, child.compile(p, next)));
            return p.state(Program.TRIE, Map.copyOf(to), end ? new int[] {next} : new int[0]);
        }
    }

    /** A clause break between the words before and after it ({@code [,]}: optional, so either). */
    private record Break() implements Node {
        @Override
        public boolean first(Set<String> out) {
            return true;
        }

        @Override
        public void words(Set<String> out) {}

        @Override
        public int compile(Program p, int next) {
            return p.state(Program.BREAK, null, new int[] {next});
        }
    }

    // ---- parsing ----------------------------------------------------------------------------------

    /** Recursive descent over the pattern syntax described on the class. */
    private static final class Parser {
        private final List<String> lexemes = new ArrayList<>();
        private final String source;
        private int at;

        Parser(String source) {
            this.source = source;
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < source.length(); i++) {
                char ch = source.charAt(i);
                if (ch == '<') {
                    flush(word);
                    int close = source.indexOf('>', i);
                    if (close < 0) {
                        throw error("unclosed <");
                    }
                    lexemes.add(source.substring(i, close + 1));
                    i = close;
                } else if ("()[]|,".indexOf(ch) >= 0) {
                    flush(word);
                    lexemes.add(String.valueOf(ch));
                } else if (ch == ' ') {
                    flush(word);
                } else {
                    word.append(ch);
                }
            }
            flush(word);
        }

        private void flush(StringBuilder word) {
            if (word.length() > 0) {
                lexemes.add(word.toString());
                word.setLength(0);
            }
        }

        Node parse() {
            Node node = choice();
            if (at < lexemes.size()) {
                throw error("unexpected " + lexemes.get(at));
            }
            return node;
        }

        private Node choice() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (at < lexemes.size() && lexemes.get(at).equals("|")) {
                at++;
                options.add(sequence());
            }
            return choiceOf(options);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (at < lexemes.size()) {
                String lexeme = lexemes.get(at);
                if (lexeme.equals("|") || lexeme.equals(")") || lexeme.equals("]")) {
                    break;
                }
                at++;
                switch (lexeme) {
                    case "(" -> items.add(group(")"));
                    case "[" -> items.add(new Optional(group("]")));
                    case "," -> items.add(new Break());
                    case NUM, NTH, SWEAR -> items.add(new Category(lexeme));
                    case ANY -> items.add(new Category(ANY));
                    default -> {
                        if (lexeme.startsWith("<")) {
                            throw error("unknown class " + lexeme);
                        }
                        items.add(word(lexeme));
                    }
                }
            }
            if (items.isEmpty()) {
                throw error("empty alternative");
            }
            return items.size() == 1 ? items.get(0) : new Sequence(List.copyOf(items));
        }

        private Node group(String close) {
            Node inner = choice();
            if (at >= lexemes.size() || !lexemes.get(at).equals(close)) {
                throw error("missing " + close);
            }
            at++;
            return inner;
        }

        /** A word, with its other spellings when it has an apostrophe (or is "your"/"you're", which people swap). */
        private static Node word(String w) {
            Set<List<String>> spellings = new LinkedHashSet<>();
            String folded = w.replace("'", "");
            spellings.add(List.of(folded));
            if (folded.equals("your") || folded.equals("youre")) {
                spellings.add(List.of("your"));
                spellings.add(List.of("youre"));
                spellings.add(List.of("ur"));
                if (folded.equals("youre")) {
                    spellings.add(List.of("you", "are"));
                }
            } else if (w.indexOf('\'') > 0) {
                int apostrophe = w.indexOf('\'');
                String head = w.substring(0, apostrophe);
                String tail = w.substring(apostrophe + 1);
                if (w.endsWith("n't")) {
                    String base = w.substring(0, w.length() - 3);
                    switch (base) {
                        case "ca" -> {
                            spellings.add(List.of("cannot"));
                            spellings.add(List.of("can", "not"));
                        }
                        case "wo" -> spellings.add(List.of("will", "not"));
                        case "sha" -> spellings.add(List.of("shall", "not"));
                        default -> spellings.add(List.of(base, "not"));
                    }
                } else {
                    switch (tail) {
                        case "m" -> spellings.add(List.of(head, "am"));
                        case "re" -> spellings.add(List.of(head, "are"));
                        case "ve" -> spellings.add(List.of(head, "have"));
                        case "ll" -> spellings.add(List.of(head, "will"));
                        case "d" -> {
                            spellings.add(List.of(head, "would"));
                            spellings.add(List.of(head, "had"));
                        }
                        case "s" -> {
                            spellings.add(List.of(head, "is"));
                            spellings.add(List.of(head, "has"));
                        }
                        default -> { }
                    }
                }
            }
            if (spellings.size() == 1) {
                return new Word(folded);
            }
            List<Node> options = new ArrayList<>();
            for (List<String> s : spellings) {
                options.add(s.size() == 1 ? new Word(s.get(0)) : new Sequence(s.stream().<Node>map(Word::new).toList()));
            }
            return choiceOf(options);
        }

        /** A choice, its single words (also those of nested choices) gathered into one {@link Words} lookup. */
        private static Node choiceOf(List<Node> options) {
            if (options.size() == 1) {
                return options.get(0);
            }
            Set<String> words = new LinkedHashSet<>();
            List<Node> rest = new ArrayList<>();
            for (Node option : options) {
                if (option instanceof Word w) {
                    words.add(w.word());
                } else if (option instanceof Words ws) {
                    words.addAll(ws.words());
                } else if (option instanceof Choice c) {
                    for (Node inner : c.options()) {
                        if (inner instanceof Words ws) {
                            words.addAll(ws.words());
                        } else {
                            rest.add(inner);
                        }
                    }
                } else {
                    rest.add(option);
                }
            }
            if (!words.isEmpty()) {
                rest.add(0, words.size() == 1 ? new Word(words.iterator().next()) : new Words(Set.copyOf(words)));
            }
            return rest.size() == 1 ? rest.get(0) : new Choice(List.copyOf(rest));
        }

        private IllegalStateException error(String what) {
            return new IllegalStateException("lexicon pattern '" + source + "': " + what);
        }
    }
}
