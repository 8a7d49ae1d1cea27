package dev.handoff.context.control;

import dev.handoff.conversation.control.Fact;
import dev.handoff.conversation.control.Fact.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the facts an agent would otherwise scroll for — e-mail addresses, amounts with a currency,
 * dates, transaction ids, order and invoice numbers — in what the customer and the bot wrote.
 *
 * <p>Rules run in a fixed priority (e-mail, ids, dates, money) and a character claimed by one rule
 * is not read again, so {@code ann.order123@x.io} is one e-mail and not also an order number. Ids
 * need a digit and a keyword or a known prefix, so "2 times" or a phone number yield nothing.
 * Results are deduplicated on kind and normalized value and come in order of first appearance.
 */
public final class FactExtractor {

    private static final String AMOUNT = "\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final String CODES = "USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|SEK|NOK|DKK|PLN";
    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    /** An id after a keyword; never the start of an amount ("charge 300 dollars", "order 12.50"). */
    private static final String ID = "([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)(?![.,]?\\d)"
            + "(?!\\s?(?:(?:" + CODES + "|(?i:dollars?|euros?))\\b|[$€£¥]))";
    /** What may sit between keyword and id; group 1, so a marker ("id", "#", ":") can be told from plain space. */
    private static final String ID_LEAD = "(\\s*(?:id|number|no\\.?|num|ref(?:erence)?|#)?\\s*(?:is|was|:|=)?\\s*#?\\s*)";

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");

    private record Found(String value, String normalized, int start, int end) {}

    private record Rule(Kind kind, Pattern pattern, Function<Matcher, Optional<Found>> read) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Kind.EMAIL, Pattern.compile(
                    "(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}\\b"),
                    m -> found(m.group(), m.group().toLowerCase(Locale.ROOT), m)),
            new Rule(Kind.TRANSACTION_ID, Pattern.compile("\\b(?i:txn|trx|tx|ch|pi|py)_[A-Za-z0-9]{4,}\\b"),
                    m -> found(m.group(), m.group(), m)),
            new Rule(Kind.TRANSACTION_ID, Pattern.compile("(?i)\\b(?:txn|trx|tx)(?:-[a-z0-9]*\\d[a-z0-9]*|(?=[a-z0-9]*\\d)[a-z0-9]{3,})\\b"),
                    m -> found(m.group(), upper(m.group()), m)),
            new Rule(Kind.TRANSACTION_ID, Pattern.compile("(?i)\\b(?:transaction|payment|charge)" + ID_LEAD + ID),
                    FactExtractor::keyedId),
            new Rule(Kind.INVOICE_NUMBER, Pattern.compile("(?i)\\binv-?\\d{3,}(?:-[a-z0-9]+)*\\b"),
                    m -> found(m.group(), upper(m.group()), m)),
            new Rule(Kind.INVOICE_NUMBER, Pattern.compile("(?i)\\binvoice" + ID_LEAD + ID), FactExtractor::keyedId),
            new Rule(Kind.ORDER_NUMBER, Pattern.compile("(?i)\\bord-?\\d{3,}(?:-[a-z0-9]+)*\\b"),
                    m -> found(m.group(), upper(m.group()), m)),
            new Rule(Kind.ORDER_NUMBER, Pattern.compile("(?i)\\border" + ID_LEAD + ID), FactExtractor::keyedId),
            new Rule(Kind.DATE, Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"),
                    m -> date(m, m.group(1), m.group(2), m.group(3))),
            new Rule(Kind.DATE, Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b"), FactExtractor::slashDate),
            new Rule(Kind.DATE, Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b"),
                    m -> date(m, m.group(3), m.group(2), m.group(1))),
            new Rule(Kind.DATE, Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?"),
                    m -> namedDate(m, m.group(1), m.group(2), m.group(3))),
            new Rule(Kind.DATE, Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\b\\.?(?:,?\\s+(\\d{4})\\b)?"),
                    m -> namedDate(m, m.group(2), m.group(1), m.group(3))),
            new Rule(Kind.MONEY, Pattern.compile("(?:\\b(" + CODES + ")\\s?|([$€£¥])\\s?)(" + AMOUNT + ")(?![\\d.,]?\\d)"),
                    m -> money(m, m.group(1) != null ? m.group(1) : SYMBOLS.get(m.group(2)), m.group(3))),
            new Rule(Kind.MONEY, Pattern.compile("(?<![\\d.,])(" + AMOUNT + ")\\s?(?:(" + CODES + ")\\b|([$€£¥])|(?i:(dollars?|euros?))\\b)"),
                    m -> money(m, m.group(2) != null ? m.group(2)
                            : m.group(3) != null ? SYMBOLS.get(m.group(3))
                            : m.group(4).toLowerCase(Locale.ROOT).startsWith("dollar") ? "USD" : "EUR", m.group(1))));

    /** Facts from the customer and bot lines, deduplicated, in order of first appearance. */
    public List<Fact> extract(List<TranscriptLine> lines) {
        List<Fact> all = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TranscriptLine line = lines.get(i);
            if (line.author() == TranscriptLine.Author.CUSTOMER || line.author() == TranscriptLine.Author.BOT) {
                scan(line.text(), i, all, offsets);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> all.get(i).line()).thenComparingInt(offsets::get));
        Map<String, Fact> unique = new LinkedHashMap<>();
        for (int i : order) {
            Fact fact = all.get(i);
            unique.putIfAbsent(fact.kind() + "\u0000" + fact.normalized(), fact);
        }
        return List.copyOf(unique.values());
    }

    /** Facts in one piece of text, as if it were line 0. */
    public List<Fact> extract(String text) {
        return extract(List.of(TranscriptLine.customer(text, null)));
    }

    private static void scan(String text, int line, List<Fact> into, List<Integer> offsets) {
        boolean[] claimed = new boolean[text.length()];
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                Optional<Found> found = rule.read().apply(m);
                if (found.isEmpty() || overlaps(claimed, found.get())) {
                    continue;
                }
                Found f = found.get();
                for (int c = f.start(); c < f.end(); c++) {
                    claimed[c] = true;
                }
                into.add(new Fact(rule.kind(), f.value(), f.normalized(), line));
                offsets.add(f.start());
            }
        }
    }

    private static boolean overlaps(boolean[] claimed, Found f) {
        for (int c = f.start(); c < f.end(); c++) {
            if (claimed[c]) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Found> found(String value, String normalized, Matcher m) {
        return Optional.of(new Found(value, normalized, m.start(), m.end()));
    }

    private static String upper(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    /**
     * "order number A-99812", "transaction id 4839201": the id must hold a digit, otherwise "order to"
     * would count; with no marker between keyword and id ("order 12345") it must be five characters.
     */
    private static Optional<Found> keyedId(Matcher m) {
        String id = m.group(2);
        boolean marked = !m.group(1).isBlank();
        if (id.length() < (marked ? 3 : 5) || id.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String normalized = id.contains("_") ? id : upper(id);
        return found(id, normalized, m);
    }

    private static Optional<Found> slashDate(Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
        // US order (month/day) unless the first number cannot be a month
        return a > 12 ? date(m, year, m.group(2), m.group(1)) : date(m, year, String.valueOf(a), String.valueOf(b));
    }

    private static Optional<Found> date(Matcher m, String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return found(m.group(), date.toString(), m);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Found> namedDate(Matcher m, String monthName, String day, String year) {
        if (monthName.equals("may")) {
            return Optional.empty(); // "you may 5 …": only a capitalised May is the month
        }
        int month = monthNumber(monthName);
        try {
            if (year != null) {
                return found(m.group(), LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)).toString(), m);
            }
            return found(m.group(), MonthDay.of(month, Integer.parseInt(day)).toString(), m);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int monthNumber(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
    }

    private static Optional<Found> money(Matcher m, String currency, String amount) {
        BigDecimal value = amountOf(amount);
        int scale = currency.equals("JPY") ? 0 : 2;
        if (value.scale() < scale) {
            value = value.setScale(scale);
        }
        return found(m.group().trim(), value.toPlainString() + " " + currency, m);
    }

    /** "1,299.00", "1.299,00", "12,50", "12,500": the last separator is decimal only before 1–2 digits. */
    static BigDecimal amountOf(String amount) {
        int last = Math.max(amount.lastIndexOf(','), amount.lastIndexOf('.'));
        if (last >= 0 && amount.length() - last - 1 <= 2) {
            String whole = amount.substring(0, last).replace(",", "").replace(".", "");
            return new BigDecimal(whole + "." + amount.substring(last + 1));
        }
        return new BigDecimal(amount.replace(",", "").replace(".", ""));
    }
}
