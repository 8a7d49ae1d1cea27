package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.identity.entity.Agent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes the agent CSV: UTF-8 (a leading byte order mark is skipped), RFC 4180 quoting,
 * header {@value #HEADER} with the columns in any order. Only {@code username} is required; a missing
 * column leaves that value alone. Inside a cell, skills are {@code billing:5;general:3} and languages
 * {@code en;de} (commas work too when the cell is quoted). Every bad line becomes a {@link LineError}
 * and the rest of the file is still read; an unknown, repeated or missing column is an error on the
 * header line and stops the reading. What {@link #write} produces reads back to the same records.
 */
public final class AgentCsv {

    public static final List<String> COLUMNS = List.of("username", "display_name", "role", "enabled", "capacity", "skills",
            "languages", "tier", "team");
    public static final String HEADER = String.join(",", COLUMNS);
    public static final int MAX_ROWS = 10_000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    /** A record read from the file, with the line it starts on. */
    public record Line(int line, AgentRecord agent) {}

    /** What is wrong with one line (line 1 is the header). */
    public record LineError(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** The good lines and the bad ones. */
    public record Result(List<Line> agents, List<LineError> errors) {
        public Result {
            agents = List.copyOf(agents);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Raw(List<String> fields, int line, String error) {
        boolean blank() {
            return error == null && fields.stream().allMatch(String::isBlank);
        }
    }

    private AgentCsv() {}

    /** Reads UTF-8 bytes; malformed UTF-8 is an error on line 1 rather than garbled names. */
    public static Result parse(InputStream in) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            return new Result(List.of(), List.of(new LineError(1, "the file is not valid UTF-8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result parse(String text) {
        List<Raw> raws = split(text == null ? "" : text);
        int first = 0;
        while (first < raws.size() && raws.get(first).blank()) {
            first++;
        }
        if (first == raws.size()) {
            return new Result(List.of(), List.of(new LineError(1, "the text is empty; the first line is the header " + HEADER)));
        }
        Raw header = raws.get(first);
        Map<String, Integer> columns = new HashMap<>();
        String headerError = header(header, columns);
        if (headerError != null) {
            return new Result(List.of(), List.of(new LineError(header.line(), headerError)));
        }
        List<Line> agents = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Raw raw : raws.subList(first + 1, raws.size())) {
            if (raw.blank()) {
                continue;
            }
            if (agents.size() + errors.size() >= MAX_ROWS) {
                errors.add(new LineError(raw.line(), "more than " + MAX_ROWS + " users; split the file"));
                break;
            }
            if (raw.error() != null) {
                errors.add(new LineError(raw.line(), raw.error()));
            } else if (raw.fields().size() != header.fields().size()) {
                errors.add(new LineError(raw.line(), "expected " + header.fields().size() + " fields, found " + raw.fields().size()
                        + " (quote cells that contain commas)"));
            } else {
                List<String> problems = new ArrayList<>();
                AgentRecord agent = record(raw.fields(), columns, problems);
                Integer earlier = agent.username() == null ? null : seen.putIfAbsent(agent.username(), raw.line());
                if (earlier != null) {
                    problems.add("user " + agent.username() + " is already on line " + earlier);
                }
                if (problems.isEmpty()) {
                    agents.add(new Line(raw.line(), agent));
                } else {
                    errors.add(new LineError(raw.line(), String.join("; ", problems)));
                }
            }
        }
        return new Result(agents, errors);
    }

    private static String header(Raw header, Map<String, Integer> columns) {
        if (header.error() != null) {
            return header.error();
        }
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (columns.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            return "unknown columns: " + String.join(", ", unknown) + " (allowed: " + HEADER + ")";
        }
        if (!repeated.isEmpty()) {
            return "repeated columns: " + String.join(", ", repeated);
        }
        return columns.containsKey("username") ? null : "the header needs a username column";
    }

    private static AgentRecord record(List<String> fields, Map<String, Integer> columns, List<String> problems) {
        Map<String, String> cells = new HashMap<>();
        columns.forEach((name, index) -> cells.put(name, fields.get(index).strip()));
        String username = cells.get("username").toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            problems.add("username is empty");
            username = null;
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("username '" + username + "' must be 2-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        String displayName = blankToNull(cells.get("display_name"));
        if (displayName != null && displayName.length() > 120) {
            problems.add("display_name has more than 120 characters");
        }
        return new AgentRecord(username, displayName, read(cells, "role", AgentCsv::role, problems),
                read(cells, "enabled", AgentCsv::bool, problems),
                read(cells, "capacity", v -> number(v, "capacity", 1, Agent.MAX_CAPACITY), problems),
                skills(cells.get("skills"), problems), read(cells, "languages", AgentCsv::languages, problems),
                read(cells, "tier", v -> number(v, "tier", 1, 5), problems), team(cells.get("team"), problems));
    }

    private static <T> T read(Map<String, String> cells, String column, java.util.function.Function<String, T> reader,
            List<String> problems) {
        String value = blankToNull(cells.get(column));
        if (value == null) {
            return null;
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static Role role(String value) {
        for (Role role : Role.values()) {
            if (role.roleName().equals(value.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new InvalidInputException("role '" + value + "' is not agent, supervisor or admin");
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new InvalidInputException("enabled '" + value + "' is not true or false");
        };
    }

    private static Integer number(String value, String column, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(column + " '" + value + "' must be a whole number from " + min + " to " + max);
    }

    private static Map<String, Integer> skills(String cell, List<String> problems) {
        if (cell == null) {
            return null;
        }
        try {
            return SkillList.parse(cell);
        } catch (IllegalArgumentException e) {
            problems.add("skills: " + e.getMessage());
            return null;
        }
    }

    private static Set<String> languages(String cell) {
        Set<String> codes = new TreeSet<>();
        for (String code : cell.toLowerCase(Locale.ROOT).split("[;,\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidInputException("languages: '" + code + "' is not a code like en or pt-br");
            }
            codes.add(code);
        }
        return codes.isEmpty() ? null : codes;
    }

    private static String team(String cell, List<String> problems) {
        if (cell != null && cell.length() > 64) {
            problems.add("team has more than 64 characters");
        }
        return cell;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The header line and one line per record, CRLF line ends, without a byte order mark. */
    public static String write(List<AgentRecord> agents) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AgentRecord a : agents) {
            List<String> cells = List.of(a.username(), text(a.displayName()), a.role() == null ? "" : a.role().roleName(),
                    text(a.enabled()), text(a.capacity()), a.skills() == null ? "" : skillCell(a.skills()),
                    a.languages() == null ? "" : String.join(";", new TreeSet<>(a.languages())), text(a.tier()), text(a.team()));
            out.append(cells.stream().map(AgentCsv::quote).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /** The record that describes a user as they are; {@code agent} is null for admins (no routing profile). */
    public static AgentRecord of(UserAccount user, Agent agent) {
        if (agent == null) {
            return new AgentRecord(user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(), null, Map.of(),
                    null, null, "");
        }
        return new AgentRecord(user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(),
                agent.getMaxConcurrentChats(), agent.getSkills(), agent.getLanguages(), agent.getTier(),
                agent.getTeam() == null ? "" : agent.getTeam());
    }

    static String skillCell(Map<String, Integer> skills) {
        return SkillList.format(new LinkedHashMap<>(skills)).replace(", ", ";");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String quote(String cell) {
        boolean needs = cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n') || !cell.equals(cell.strip());
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /**
     * Splits RFC 4180 text into records: fields at commas, double quotes around a field with commas,
     * quotes ({@code ""}) or line breaks, records ending in CRLF or LF. Spaces around a quoted field are
     * allowed. A broken quote is an error for its record, not for the whole text.
     */
    private static List<Raw> split(String text) {
        List<Raw> rows = new ArrayList<>();
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean quoted = false;
            boolean closed = false;
            while (i < n) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                        closed = true;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    closed = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    break;
                } else if (c == '"' && !closed && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (closed && (c == ' ' || c == '\t')) {
                    continue;
                } else {
                    if (error == null && (closed || c == '"')) {
                        error = closed ? "text after a closing quote" : "a quote inside an unquoted field (quote the whole cell)";
                    }
                    field.append(c);
                }
            }
            if (quoted) {
                error = "a quoted field is not closed";
            }
            fields.add(field.toString());
            rows.add(new Raw(fields, start, error));
        }
        return rows;
    }
}
