package dev.handoff.escalation.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word classes phrase matching generalises with, applied alike to an admin's phrases and to
 * customers' messages, so that one phrase covers its wordings:
 *
 * <ul>
 *   <li>{@value #PERSON}: a person the customer could be handed to: person, human, agent,
 *       representative, rep, operator, manager, supervisor, staff, employee, advisor, assistant,
 *       consultant, colleague, specialist, someone, somebody, anyone, anybody, and groups of words
 *       (staff member, member of your team, customer service rep, one of your agents). Not after a
 *       bot word ("virtual assistant", "AI agent"), and "the assistant" is the bot.
 *   <li>{@value #REACH}: reaching such a person, verb and preposition together: talk to, speak
 *       with, chat with, contact, reach (out to), get in touch with, get hold of, get through to,
 *       connect me to, put me through to, transfer me to, pass me (on) to, hand me over to, escalate
 *       to, discuss this with, ... A lone verb is a noun after a determiner ("my contact").
 *   <li>{@value #REAL}: real, actual, live, genuine, and "human" before a person ("human agent").
 *       Skipped where a phrase does not ask for it, so "talk to a person" = "talk to a real person".
 * </ul>
 *
 * Every word is compared by its {@link English#key}, so inflections match ("speaking with
 * somebody", "contacting an operator"), except past forms told as a story ("I talked to an agent
 * yesterday"): those count only when passive ("can I get transferred", "to be connected").
 */
final class PhraseLexicon {

    private PhraseLexicon() {}

    static final String PERSON = "@person";
    static final String REACH = "@reach";
    static final String REAL = "@real";

    /** Text speak and other spellings, read as the word they stand for. */
    static final Map<String, String> SPELLING = Map.ofEntries(Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("2", "to"),
            Map.entry("r", "are"), Map.entry("w", "with"), Map.entry("pls", "please"), Map.entry("plz", "please"),
            Map.entry("plse", "please"),
            Map.entry("sum1", "someone"), Map.entry("some1", "someone"), Map.entry("sm1", "someone"), Map.entry("any1", "anyone"),
            Map.entry("hooman", "human"), Map.entry("humen", "human"), Map.entry("thx", "thanks"), Map.entry("ty", "thanks"),
            Map.entry("using", "use"), Map.entry("used", "use"), Map.entry("whos", "who's"), Map.entry("thru", "through"),
            Map.entry("thro", "through"), Map.entry("ppl", "people"), Map.entry("mgr", "manager"), Map.entry("mngr", "manager"),
            Map.entry("tlk", "talk"), Map.entry("spk", "speak"), Map.entry("abt", "about"));

    /** Person nouns, singular. */
    static final List<String> PERSON_NOUNS = List.of("person", "human", "agent", "representative", "rep", "operator", "manager",
            "supervisor", "staff", "staffer", "employee", "advisor", "adviser", "assistant", "consultant", "colleague", "specialist",
            "technician", "expert", "team", "department", "boss", "superior", "being", "officer", "tutor", "teacher", "doctor", "nurse",
            "pharmacist", "engineer", "banker", "broker", "caseworker", "counsellor", "counselor", "coordinator", "receptionist", "clerk", "cs", "csr",
            "dispatcher", "handler", "adjuster", "underwriter", "midwife", "dentist", "therapist", "surveyor", "solicitor", "teller",
            "concierge", "attendant", "optician", "paramedic", "interpreter", "translator", "clinician");
    static final List<String> PRONOUNS = List.of("someone", "somebody", "anyone", "anybody");
    /** Person words that are no request on their own ("Hi team", "thanks, department"). */
    static final Set<String> NOT_ALONE = keys("team", "department", "colleague", "employee", "consultant", "assistant", "specialist",
            "technician", "being", "staffer", "boss", "superior", "expert", "officer", "tutor", "teacher", "doctor", "nurse", "pharmacist",
            "engineer", "banker", "broker", "caseworker", "counsellor", "counselor", "coordinator", "receptionist", "clerk", "cs", "dispatcher",
            "handler", "adjuster", "underwriter", "midwife", "dentist", "therapist", "surveyor", "solicitor", "teller", "concierge",
            "attendant", "optician", "paramedic", "interpreter", "translator", "clinician");
    /**
     * Roles and trades of {@link #NOT_ALONE} that ask for someone alone when <i>please</i> is said
     * with them in the clause ("nurse please", "dentist pls", fifteenth round, ADR 0058), unlike
     * the groups and general words ("team please", "colleague pls").
     */
    static final Set<String> ROLES = keys("technician", "tutor", "teacher", "doctor", "nurse", "pharmacist", "engineer", "banker",
            "broker", "caseworker", "counsellor", "counselor", "coordinator", "receptionist", "clerk", "dispatcher", "handler", "adjuster",
            "underwriter", "midwife", "dentist", "therapist", "surveyor", "solicitor", "teller", "concierge", "attendant", "optician",
            "paramedic", "specialist", "consultant", "officer");
    /** Person words that stand for several people even in the singular. */
    static final Set<String> COLLECTIVE = keys("staff", "team", "department");
    /** Groups of words that are one person (plurals match too: every word is compared by key). */
    static final List<String> PERSON_GROUPS = List.of("staff member", "member of staff", "member of the staff", "member of your staff",
            "member of the team", "member of your team", "member of our team", "member of the support team", "member of your support team",
            "team member", "customer service", "customer services", "customer support", "customer care", "help desk", "service desk",
            "tech support", "technical support", "it support",
            "one of you", "someone else", "somebody else", "anyone else", "anybody else");
    /** "one of your agents", "one of the staff": these, then a person noun, are one person. */
    static final List<String> ONE_OF = List.of("one of your", "one of the", "one of our", "one of", "any of your", "any of the");
    private static final List<String[]> ONE_OF_KEYS = ONE_OF.stream()
            .map(s -> Arrays.stream(s.split(" ")).map(English::key).toArray(String[]::new)).toList();
    /** Words before a person that make it the bot: "virtual assistant", "AI agent", "bot agent". */
    static final Set<String> BOT_WORDS = keys("bot", "chatbot", "virtual", "ai", "automated", "automatic", "digital", "robot",
            "robotic", "machine", "artificial", "smart", "voice", "auto", "fake", "computer", "google");
    /** "the assistant" is the bot, "an assistant" a person. */
    static final Set<String> DEFINITE = keys("the", "this", "that", "your", "ur", "you");
    /** After "human" these make "human X" a thing, not a person ("human help", "human resources"). */
    static final Set<String> HUMAN_THINGS = keys("help", "assistance", "support", "contact", "interaction", "intervention", "response",
            "review", "touch", "resource", "error", "race", "nature", "body", "service", "input", "oversight", "check");
    static final Set<String> REAL_WORDS = keys("real", "actual", "live", "genuine", "proper", "living");

    /** Reaching a person: verb and preposition as one. */
    static final List<String> REACHING = List.of("talk to", "talk with", "talk", "speak to", "speak with", "speak", "chat to", "chat with",
            "have a word with", "a word with", "have a chat with", "have a conversation with", "converse with", "communicate with", "discuss with",
            "discuss this with", "discuss it with", "discuss my case with", "go over this with", "deal with", "contact",
            "get in contact with", "get in touch with", "be in touch with", "get hold of", "get ahold of", "get a hold of", "reach",
            "reach out to", "get through to", "get me through to", "connect me to", "connect me with", "connect me through to",
            "connect to",
            "connect with", "put me through to", "put through to", "put me on to", "put me in touch with", "get me in touch with",
            "put me in contact with", "transfer me to", "transfer me over to", "transfer me through to", "transfer to", "transfer over to",
            "transfer this to", "transfer this chat to", "transfer my chat to", "transfer this call to", "transfer us to", "pass me to",
            "pass me on to", "pass me over to", "pass me through to", "pass to", "pass on to", "pass over to", "pass this to", "pass this on to", "pass us to", "hand me over to",
            "hand me to", "hand me off to", "hand this over to", "hand over to", "route me to", "send me to", "direct me to",
            "redirect me to", "forward me to", "switch me to", "switch to", "refer me to", "escalate to", "escalate me to",
            "escalate this to", "escalate it to", "escalate my case to", "bring in", "raise this with", "raise it with",
            "take this up with", "take it up with");
    /** A lone verb of {@link #REACHING} after one of these is a noun: "my contact", "small talk". */
    static final Set<String> NOUN_MAKERS = keys("a", "an", "the", "this", "that", "my", "your", "our", "their", "his", "her", "its",
            "each", "every", "some", "any", "no", "primary", "main", "emergency", "new", "key", "only", "first", "small", "pep");
    /** A lone verb after these is a noun too: "out of reach", "point of contact"; not "any chance of speaking to". */
    static final Set<String> NOUN_MAKERS_ALONE = keys("of", "within", "out");
    /** "my manager", "our team": the customer's own people, not ours. */
    static final Set<String> OWNERS = keys("my", "our", "mine");
    static final Set<String> AMONG = keys("on", "in", "from", "at", "of");
    /** A past form right after these is passive, so a request: "be transferred", "get connected", "have me called". */
    static final Set<String> PASSIVE = keys("be", "being", "get", "me", "us");
    /** An "-ing" form right after these tells what happened: "I was talking to my manager". */
    static final Set<String> STORY = Set.of("was", "were", "wasn't", "weren't");

    /** Little words people add or drop at will ("talk to human", "transfer me to an agent"). */
    static final Set<String> FILLER = keys("a", "an", "the", "some", "one", "any", "my", "your", "please", "just", "kindly");
    /**
     * What may follow a person noun that ends a phrase: function words, time, politeness. Anything
     * else may be the noun the person word describes ("agent seat", "person icon", "manager
     * dashboard"), which is no request.
     */
    static final Set<String> AFTER_PERSON = keys("about", "regarding", "re", "concerning", "on", "in", "at", "from", "for", "of",
            "with", "to", "by", "over", "via", "through", "who", "whom", "whose", "that", "which", "what", "when", "where", "why",
            "how", "please", "now", "asap", "today", "tonight", "tomorrow", "soon", "right", "immediately", "urgently", "quickly",
            "directly", "instead", "rather", "than", "not", "no", "and", "or", "but", "so", "because", "cause", "cuz", "coz", "bc",
            "since", "as", "if", "then", "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "my", "me", "we", "us", "our", "you", "your",
            "it", "it's", "this", "these", "those", "be", "can", "could", "would", "will", "should", "may", "might", "must", "do", "does",
            "did", "thanks", "thank", "there", "here", "again", "already", "too", "also", "either", "anyway", "ok", "okay", "lol", "rn",
            "else", "available", "online", "working", "around", "present", "the", "a", "an", "any", "some", "all", "everything",
            "anything", "nothing", "something", "bot", "chatbot", "robot", "machine", "just", "only", "personally", "pronto", "ffs",
            "dammit", "damn", "jeez", "seriously", "though", "yet", "hi", "hello", "hey", "sorry", "straight", "away", "who's", "whos",
            "that's", "thats", "there's", "theres", "here's", "yes", "is", "are", "was", "am", "quick", "real", "actual", "live",
            "being", "directly", "yourself", "line", "phone", "call", "urgent", "fast", "sooner", "later", "tho", "pls", "plz", "thx",
            "asap", "senior", "qualified", "competent", "knowledgeable", "higher", "experienced", "helpful", "responsible", "capable",
            "smarter", "human", "in charge");
    /** Past forms after a person are kept as written (see {@link Reading}): "real person needed". */
    static final Set<String> AFTER_PERSON_PAST = Set.of("needed", "required", "wanted", "requested", "please");
    /** Words that are not a description of a person ("more agents", "two staff"): no modifier before a person noun. */
    static final Set<String> NOT_MODIFIERS = keys("more", "extra", "additional", "several", "multiple", "many", "few", "less", "fewer",
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "all", "every", "each", "both", "bot",
            "chatbot", "robot", "machine", "virtual", "ai", "automated", "to", "with", "of", "for", "at", "in", "on", "and", "or",
            "me", "you", "i", "we", "it", "be", "have", "get", "give", "want", "need", "like", "can", "could", "would", "do", "does",
            "did", "will", "who", "that", "this", "there", "here", "not", "no", "never", "without", "than", "please", "now", "from", "by",
            "about", "hi", "hello", "hey", "if", "is", "are", "let", "put", "pass", "send", "escalate", "talk", "speak", "connect",
            "transfer", "through", "over", "yes", "ok", "okay", "thanks");
    /** Verbs of having after which a plural person is a product matter ("how do I get more agents", "I need people to sign up"). */
    static final Set<String> HAVING = keys("get", "give", "want", "need", "like", "have", "add", "hire", "buy", "invite", "assign");
    /**
     * Real words one letter away from a word of the classes or the shipped phrases ("export" /
     * expert, "stuff" / staff, "contract" / contact, "setting" / getting): never read as a typo.
     */
    static final Set<String> NOT_TYPOS = Set.of((""
            + "advise advised advises advisory agency alike alive arise assistance balks beach begins betting black boats "
            + "bolts boots bosses bossy bouts breach bring brings cause cease chant chaos chaps chart charting charts chase "
            + "cheat cheats cloud coats colds communication compliant connection contract contracted contracting contracts "
            + "converge conversion converts couch cover dealt defer discussion employ employed employer employers erase "
            + "escalation exams exert expect expects export exported exporting exports factual format given ground halts "
            + "handy hates haven healing heats hover humane ideal inline integration interacting items leach leaching "
            + "letting lover lumber maker manage managed manages manger normal other outer outing parent parsed parsing "
            + "parson passion pasted pasting paused pausing peach peaks persona phony pouch praise preach prefer prison "
            + "prone raids rails rains ranch react reacting realm rinse risen rises roach rogue round rounds router routine "
            + "scare seams setting settings shave shone sneak sneaking spank spark spear speck spend stake stalk steak steam "
            + "stems stiff stuff supervisory sword taken taker taking tasks teach teaching tears tease terms their theme "
            + "there these those though thorough thought three threw torch touchy tough trough trout twitch walking walks "
            + "where width witch world wound wrote ").strip().split(" "));

    static final Set<String> PERSON_KEYS = keys(PERSON_NOUNS.toArray(String[]::new));
    private static final String ELSE = English.key("else");
    static final Set<String> PRONOUN_KEYS = keys(PRONOUNS.toArray(String[]::new));

    /** The surface words of each class and their usual inflections, for typo tolerance. */
    static final Map<String, Set<String>> SURFACES = new HashMap<>();

    private static final Node REACH_TRIE = new Node();
    private static final Node PERSON_TRIE = new Node();
    /** The keys any class can start with: every other word is read as itself at once. */
    private static final Set<String> OPENERS;

    static {
        for (String r : REACHING) {
            add(REACH_TRIE, r);
        }
        for (String p : PERSON_GROUPS) {
            add(PERSON_TRIE, p);
        }
        Set<String> reach = new LinkedHashSet<>();
        for (String r : REACHING) {
            reach.addAll(Arrays.asList(r.split(" ")));
        }
        reach.addAll(List.of("talking", "talks", "speaking", "speaks", "chatting", "chats", "contacting", "contacts", "reaching",
                "connecting", "connected", "transferring", "transferred", "transfered", "escalating", "escalated", "discussing", "passing",
                "passed", "routing", "forwarding", "switching", "communicating", "conversing", "getting"));
        reach.removeAll(NOT_TYPOS);
        SURFACES.put(REACH, Set.copyOf(reach));
        Set<String> person = new LinkedHashSet<>();
        for (String w : PERSON_NOUNS) {
            person.add(w);
            person.add(w + "s");
        }
        person.addAll(PRONOUNS);
        person.addAll(List.of("people", "persons", "humans"));
        for (String g : PERSON_GROUPS) {
            person.addAll(Arrays.asList(g.split(" ")));
        }
        for (String g : ONE_OF) {
            person.addAll(Arrays.asList(g.split(" ")));
        }
        person.remove("being");
        SURFACES.put(PERSON, Set.copyOf(person));
        SURFACES.put(REAL, Set.of("real", "actual", "live", "genuine", "proper", "human"));
        Set<String> openers = new HashSet<>(PERSON_KEYS);
        openers.addAll(PRONOUN_KEYS);
        openers.addAll(REAL_WORDS);
        openers.addAll(REACH_TRIE.next.keySet());
        openers.addAll(PERSON_TRIE.next.keySet());
        ONE_OF_KEYS.forEach(k -> openers.add(k[0]));
        OPENERS = Set.copyOf(openers);
    }

    static Set<String> keys(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(English.key(w));
        }
        return Set.copyOf(out);
    }

    private static void add(Node root, String words) {
        Node at = root;
        for (String w : words.split(" ")) {
            at = at.next.computeIfAbsent(English.key(w), k -> new Node());
        }
        at.end = true;
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        boolean end;
    }

    /** The word a token is read as before its key: the spelling it stands for. */
    static String spelled(String word) {
        return SPELLING.getOrDefault(word, word);
    }

    static final int OPENS = 1;
    static final int FILLS = 2;
    static final int FOLLOWS = 4;
    static final int NOT_DESCRIBING = 8;

    /**
     * A word as phrase matching reads it, before its neighbours are looked at: its spelling, key,
     * whether it is a past form, and what its key is ({@link #OPENS} a class, {@link #FILLS}, ...).
     */
    record Word(String spelled, String key, boolean past, int flags) {}

    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Word> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static int flags(String key) {
        return (OPENERS.contains(key) ? OPENS : 0) | (FILLER.contains(key) ? FILLS : 0)
                | (AFTER_PERSON.contains(key) || AFTER_PERSON_PAST.contains(key) ? FOLLOWS : 0)
                | (NOT_MODIFIERS.contains(key) || BOT_WORDS.contains(key) ? NOT_DESCRIBING : 0);
    }

    /** The word read once: most words of most messages have been read before. */
    static Word word(String raw) {
        Word w = WORDS.get(raw);
        if (w == null) {
            String spelled = spelled(raw);
            String key = English.key(spelled);
            w = new Word(spelled, key, !key.equals(spelled) && English.past(spelled), flags(key));
            if (WORDS.size() < CACHE_LIMIT) {
                WORDS.put(raw, w);
            }
        }
        return w;
    }

    /**
     * A text read for phrase matching: per token its key, and where a class starts, the class, where
     * it ends and what kind of person it names.
     */
    static final class Reading {
        final int n;
        final String[] key;
        final int[] clause;
        /** The class a group of words starting here stands for, or null. */
        final String[] concept;
        /** The last token of the group starting here (itself when none). */
        final int[] end;
        /** Inside a group, but not its first token. */
        final boolean[] tail;
        /** For a person group: a pronoun (someone, anyone), plural or collective, and whether it asks alone ("Operator!"). */
        final boolean[] pronoun;
        final boolean[] plural;
        final boolean[] alone;
        /** For a person group: a role that asks alone with "please" ({@link #ROLES}). */
        final boolean[] politely;
        /** For a person group: the customer's own ("my manager", "our team"). */
        final boolean[] owned;
        /** Per token: filler; a word that may describe a person ("account" manager); a word that may follow a person. */
        final boolean[] filler;
        final boolean[] describes;
        final boolean[] follows;

        Reading(String[] words, List<Text.Token> tokens) {
            n = words.length;
            key = new String[n];
            clause = new int[n];
            concept = new String[n];
            end = new int[n];
            tail = new boolean[n];
            pronoun = new boolean[n];
            plural = new boolean[n];
            alone = new boolean[n];
            politely = new boolean[n];
            owned = new boolean[n];
            filler = new boolean[n];
            describes = new boolean[n];
            follows = new boolean[n];
            boolean[] past = new boolean[n];
            String[] spelled = new String[n];
            int[] flags = new int[n];
            for (int i = 0; i < n; i++) {
                Word w = word(words[i]);
                spelled[i] = w.spelled();
                key[i] = w.key();
                past[i] = w.past();
                flags[i] = w.flags();
                clause[i] = tokens.get(i).clause();
                end[i] = i;
            }
            for (int i = 0; i < n; i++) {
                if (past[i] ? !passive(i, past) : progressive(i, spelled)) {
                    key[i] = spelled[i]; // "I talked to an agent", "I was talking to my manager": a story, not a request
                    flags[i] = flags(spelled[i]) & ~(OPENS | FILLS);
                }
            }
            for (int i = 0; i < n; i++) {
                if (tail[i] || (flags[i] & OPENS) == 0) {
                    continue;
                }
                int last = person(i, spelled);
                if (last >= 0) {
                    // "customer service rep", "agent person": person nouns in a row are one
                    while (last + 1 < n && same(i, last + 1) && PERSON_KEYS.contains(key[last + 1]) && person(last + 1, spelled) >= 0
                            && !PRONOUN_KEYS.contains(key[last + 1])) {
                        last = person(last + 1, spelled);
                    }
                    group(i, last, PERSON);
                    String head = key[last];
                    pronoun[i] = PRONOUN_KEYS.contains(head) || head.equals("you") || head.equals(ELSE);
                    plural[i] = COLLECTIVE.contains(head) || (!spelled[last].equals(key[last]) && spelled[last].endsWith("s"))
                            || spelled[last].equals("people");
                    alone[i] = !NOT_ALONE.contains(head);
                    politely[i] = ROLES.contains(head) && !plural[i];
                    // "my manager", "someone on my team": the customer's own people
                    owned[i] = i > 0 && same(i - 1, i) && OWNERS.contains(key[i - 1]) || pronoun[i] && last + 2 < n
                            && same(i, last + 2) && AMONG.contains(key[last + 1]) && OWNERS.contains(key[last + 2]);
                    continue;
                }
                if (REAL_WORDS.contains(key[i]) || (key[i].equals("human") && i + 1 < n && same(i, i + 1)
                        && (PERSON_KEYS.contains(key[i + 1]) || key[i + 1].equals("being")))) {
                    concept[i] = REAL;
                    continue;
                }
                int reach = longest(REACH_TRIE, i);
                if (reach >= 0 && (i == 0 || !same(i - 1, i)
                        || !(NOUN_MAKERS.contains(key[i - 1]) || reach == i && NOUN_MAKERS_ALONE.contains(key[i - 1])))) {
                    group(i, reach, REACH);
                }
            }
            for (int i = 0; i < n; i++) {
                filler[i] = concept[i] == null && !tail[i] && (flags[i] & FILLS) != 0;
                follows[i] = concept[i] != null || (flags[i] & FOLLOWS) != 0;
                describes[i] = concept[i] == null && !tail[i] && !follows[i] && (flags[i] & NOT_DESCRIBING) == 0;
            }
        }

        private boolean same(int a, int b) {
            return clause[a] == clause[b];
        }

        private void group(int from, int to, String c) {
            concept[from] = c;
            end[from] = to;
            for (int k = from + 1; k <= to; k++) {
                tail[k] = true;
            }
        }

        /** The last token of a person group starting at i, or -1. */
        private int person(int i, String[] spelled) {
            int group = longest(PERSON_TRIE, i);
            String k = key[i];
            boolean afterBot = i > 0 && same(i - 1, i) && BOT_WORDS.contains(key[i - 1]);
            if (group >= 0) {
                return afterBot ? -1 : group;
            }
            for (String[] of : ONE_OF_KEYS) {
                int m = sequence(of, i);
                if (m >= 0 && m + 1 < n && same(i, m + 1) && PERSON_KEYS.contains(key[m + 1]) && !key[m + 1].equals("being")) {
                    return m + 1;
                }
            }
            if (PRONOUN_KEYS.contains(k)) {
                return i;
            }
            if (!PERSON_KEYS.contains(k) || afterBot) {
                return -1;
            }
            boolean before = i > 0 && same(i - 1, i);
            switch (k) {
                case "being":
                    return before && key[i - 1].equals("human") ? i : -1;
                case "human":
                    // "human agent": a kind of person; "human help", "human resources": a thing
                    if (i + 1 < n && same(i, i + 1) && (PERSON_KEYS.contains(key[i + 1]) || HUMAN_THINGS.contains(key[i + 1]))) {
                        return -1;
                    }
                    return i;
                case "assistant":
                    return before && DEFINITE.contains(key[i - 1]) ? -1 : i;
                default:
                    return i;
            }
        }

        private int sequence(String[] w, int i) {
            if (i + w.length > n) {
                return -1;
            }
            for (int k = 0; k < w.length; k++) {
                if (!key[i + k].equals(w[k]) || !same(i, i + k)) {
                    return -1;
                }
            }
            return i + w.length - 1;
        }

        /** The last token of the longest entry of the trie starting at i in its clause, or -1. */
        private int longest(Node root, int i) {
            Node at = root;
            int found = -1;
            for (int k = i; k < n && same(i, k); k++) {
                at = at.next.get(key[k]);
                if (at == null) {
                    break;
                }
                if (at.end) {
                    found = k;
                }
            }
            return found;
        }

        /** A past form counts after "be", "get", "me" ("can I be transferred", "have me called"), filler aside. */
        private boolean passive(int i, boolean[] past) {
            for (int p = i - 1; p >= 0 && same(p, i); p--) {
                if (FILLER.contains(key[p])) {
                    continue;
                }
                return PASSIVE.contains(key[p]) && !past[p];
            }
            return false;
        }

        /** "was talking", "were speaking": told as a story. */
        private boolean progressive(int i, String[] spelled) {
            return spelled[i].endsWith("ing") && i > 0 && same(i - 1, i) && STORY.contains(spelled[i - 1]);
        }

        /** True when token i is, or starts, what the phrase word p stands for. */
        boolean is(String p, int i) {
            return p.charAt(0) == '@' ? p.equals(concept[i]) : p.equals(key[i]);
        }

        /** The last token taken by phrase word p matched at i. */
        int after(String p, int i) {
            return p.charAt(0) == '@' ? end[i] : i;
        }
    }
}
