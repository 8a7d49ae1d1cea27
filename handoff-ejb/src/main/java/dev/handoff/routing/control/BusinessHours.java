package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's weekly opening hours in its time zone, written as in a shop window:
 * {@code "Mon-Fri 08:00-18:00, Sat 10:00-14:00"} (days {@code Mon..Sun}, ranges or single days;
 * several spans per day allowed; an end of 24:00 means midnight). Empty or {@code "always"} means
 * always open. Pure.
 */
public final class BusinessHours {

    private static final Pattern PART = Pattern.compile(
            "(?i)\\s*(mon|tue|wed|thu|fri|sat|sun)(?:\\s*-\\s*(mon|tue|wed|thu|fri|sat|sun))?\\s+(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*");

    private final String text;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<LocalTime[]>> spans;

    private BusinessHours(String text, ZoneId zone, Map<DayOfWeek, List<LocalTime[]>> spans) {
        this.text = text;
        this.zone = zone;
        this.spans = spans;
    }

    public static BusinessHours always(ZoneId zone) {
        return new BusinessHours("always", zone, null);
    }

    /** @throws IllegalArgumentException naming the part it cannot read */
    public static BusinessHours parse(String text, ZoneId zone) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("always")) {
            return always(zone);
        }
        Map<DayOfWeek, List<LocalTime[]>> spans = new EnumMap<>(DayOfWeek.class);
        for (String part : text.split("[,;]")) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new InvalidInputException("cannot read the opening hours '" + part.strip() + "'; write e.g. 'Mon-Fri 08:00-18:00'");
            }
            DayOfWeek from = day(m.group(1));
            DayOfWeek to = m.group(2) == null ? from : day(m.group(2));
            LocalTime start = time(m.group(3), m.group(4), part);
            LocalTime end = m.group(5).equals("24") && m.group(6).equals("00") ? LocalTime.MAX : time(m.group(5), m.group(6), part);
            if (!end.isAfter(start)) {
                throw new InvalidInputException("'" + part.strip() + "' ends before it starts");
            }
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                spans.computeIfAbsent(d, k -> new ArrayList<>()).add(new LocalTime[] {start, end});
                if (d == to) {
                    break;
                }
            }
        }
        return new BusinessHours(text.strip(), zone, spans);
    }

    public boolean isOpen(Instant at) {
        if (spans == null) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        return spans.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(s -> !t.isBefore(s[0]) && t.isBefore(s[1]));
    }

    /** When it opens next (now if open), within a week; empty for a calendar that never opens. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at.atZone(zone));
        }
        ZonedDateTime local = at.atZone(zone);
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = local.plusDays(day);
            for (LocalTime[] s : spans.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                    .sorted((a, b) -> a[0].compareTo(b[0])).toList()) {
                ZonedDateTime opening = date.with(s[0]);
                if (opening.isAfter(local)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * When every one of these calendars is closed at {@code at}: the earliest time one of them opens
     * (or a far date if none ever does); empty when at least one is open now.
     */
    public static Optional<ZonedDateTime> allClosedUntil(java.util.Collection<BusinessHours> calendars, Instant at) {
        if (calendars.isEmpty() || calendars.stream().anyMatch(c -> c.isOpen(at))) {
            return Optional.empty();
        }
        return Optional.of(calendars.stream().map(c -> c.nextOpening(at)).flatMap(Optional::stream)
                .min(java.util.Comparator.comparing(ZonedDateTime::toInstant))
                .orElse(at.atZone(calendars.iterator().next().zone()).plusYears(1)));
    }

    /** "Monday 08:00 (Europe/Berlin)". */
    public static String describe(ZonedDateTime when) {
        return when.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + when.toLocalTime().withSecond(0).withNano(0)
                + " (" + when.getZone() + ")";
    }

    public String text() {
        return text;
    }

    public ZoneId zone() {
        return zone;
    }

    private static DayOfWeek day(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static LocalTime time(String h, String m, String part) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour > 23 || minute > 59) {
            throw new InvalidInputException("'" + part.strip() + "' has a time that does not exist");
        }
        return LocalTime.of(hour, minute);
    }
}
