package dev.handoff.web.report;

import dev.handoff.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter (UTC days) as the quarterly report takes it, {@code 2026-Q3}: one quarter is the
 * most one report covers, and only the last {@value #YEARS_BACK} years up to the current quarter can
 * be asked for (the roll-ups are kept that long; a later quarter has no conversations yet).
 */
public record Quarter(int year, int number) {

    public static final int YEARS_BACK = 5;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4: " + number);
        }
    }

    /** The quarter {@code day} is in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Reads {@code 2026-Q3} and checks it is between {@value #YEARS_BACK} years before {@code today}'s
     * quarter and that quarter; the message says what was wrong, for a person.
     */
    public static Quarter parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("quarter", "choose a quarter, e.g. " + of(today));
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("quarter", "a quarter is written like " + of(today) + ", not \"" + cut(text) + "\"");
        }
        Quarter q = new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        Quarter current = of(today);
        if (q.index() > current.index()) {
            throw new InvalidInputException("quarter", q + " has not started yet; the latest is " + current);
        }
        if (q.index() < current.index() - 4 * YEARS_BACK) {
            throw new InvalidInputException("quarter", q + " is more than " + YEARS_BACK + " years back; the earliest is "
                    + fromIndex(current.index() - 4 * YEARS_BACK));
        }
        return q;
    }

    private static String cut(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    /** The last {@code count} quarters up to {@code today}'s, newest first (the dashboard's choice). */
    public static List<Quarter> recent(LocalDate today, int count) {
        List<Quarter> out = new ArrayList<>();
        int current = of(today).index();
        for (int i = 0; i < count; i++) {
            out.add(fromIndex(current - i));
        }
        return out;
    }

    private int index() {
        return year * 4 + number - 1;
    }

    private static Quarter fromIndex(int index) {
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    public Quarter previous() {
        return fromIndex(index() - 1);
    }

    public LocalDate first() {
        return LocalDate.of(year, 3 * number - 2, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    /** The last day the report covers: the quarter's last day, or {@code today} in the current quarter. */
    public LocalDate lastUntil(LocalDate today) {
        return last().isAfter(today) ? today : last();
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
