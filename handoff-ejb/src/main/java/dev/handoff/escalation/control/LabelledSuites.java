package dev.handoff.escalation.control;

import dev.handoff.escalation.control.TriggerSetValidator.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes labelled suites as CSV (RFC 4180 quoting, UTF-8, an optional BOM, any column
 * order) with the header {@code id,text,expected,category,expected_trigger,notes}, or as the JSON
 * document {@code handoff.labelled-suite/1}. {@code expected} is {@code escalate} or {@code stay};
 * only {@code text} and {@code expected} are required. Every bad line is reported, not just the first.
 */
public final class LabelledSuites {

    public static final String HEADER = "id,text,expected,category,expected_trigger,notes";
    public static final String FORMAT = "handoff.labelled-suite/1";
    public static final String SHIPPED = "triggers/labelled-suite.csv";
    static final int MAX_TEXT = 4000;
    static final int MAX_REPORTED = 20;
    private static final List<String> COLUMNS = List.of("id", "text", "expected", "category", "expected_trigger", "notes");

    private LabelledSuites() {}

    /**
     * A suite as exchanged in files: its name, description and gate flag travel with the cases in
     * JSON; {@code null} means "not given" (a CSV import leaves them as they are).
     */
    public record Suite(String name, String description, Boolean gate, List<LabelledCase> cases) {}

    public static List<LabelledCase> shipped() {
        try (InputStream in = LabelledSuites.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            return parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledCase> parseCsv(String csv) {
        List<List<String>> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows.isEmpty()) {
            throw new InvalidSuiteException("line 1", "the CSV is empty; expected the header " + HEADER);
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidSuiteException("line 1", "unknown column(s) " + unknown + "; the columns are " + HEADER);
        }
        int text = header.indexOf("text");
        int expected = header.indexOf("expected");
        if (text < 0 || expected < 0) {
            throw new InvalidSuiteException("line 1", "the CSV needs the columns text and expected (header " + HEADER + ")");
        }
        List<LabelledCase> cases = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = "line " + (r + 1);
            Map<String, String> cells = new java.util.HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            if (row.size() > header.size()) {
                problems.add(new Violation(where, "has " + row.size() + " cells but the header has " + header.size()));
                continue;
            }
            toCase(cells, "row" + r, where, problems).ifPresent(cases::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
        }
        return cases;
    }

    private static java.util.Optional<LabelledCase> toCase(Map<String, String> cells, String defaultId, String where, List<Violation> problems) {
        String label = cells.getOrDefault("expected", "").strip().toLowerCase(Locale.ROOT);
        String utterance = cells.getOrDefault("text", "");
        int before = problems.size();
        if (!label.equals("escalate") && !label.equals("stay")) {
            problems.add(new Violation(where + (where.startsWith("cases") ? ".expected" : ""),
                    "expected must be 'escalate' or 'stay', not '" + label + "'"));
        }
        if (utterance.isBlank()) {
            problems.add(new Violation(where + (where.startsWith("cases") ? ".text" : ""), "text is empty"));
        } else if (utterance.length() > MAX_TEXT) {
            problems.add(new Violation(where + (where.startsWith("cases") ? ".text" : ""), "text is longer than " + MAX_TEXT + " characters"));
        }
        String id = cells.getOrDefault("id", "").strip();
        if (id.length() > 64) {
            problems.add(new Violation(where + (where.startsWith("cases") ? ".id" : ""), "id is longer than 64 characters"));
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new LabelledCase(id.isEmpty() ? defaultId : id, utterance, label.equals("escalate"),
                cells.getOrDefault("category", "").strip(), emptyToNull(cells.get("expected_trigger")), cells.getOrDefault("notes", "")));
    }

    public static String toCsv(List<LabelledCase> cases) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (LabelledCase c : cases) {
            out.append(quote(c.id())).append(',').append(quote(c.text())).append(',')
                    .append(c.escalate() ? "escalate" : "stay").append(',')
                    .append(quote(c.category())).append(',').append(quote(c.expectedTrigger())).append(',')
                    .append(quote(c.notes())).append('\n');
        }
        return out.toString();
    }

    public static Suite parseJson(String json) {
        JsonObject doc;
        try (var reader = Json.createReader(new StringReader(json))) {
            doc = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidSuiteException("$", "the document is not a JSON object: " + e.getMessage());
        }
        List<Violation> problems = new ArrayList<>();
        String format = string(doc, "format");
        if (format != null && !format.equals(FORMAT)) {
            problems.add(new Violation("format", "must be " + FORMAT));
        }
        JsonValue casesValue = doc.get("cases");
        if (!(casesValue instanceof JsonArray array)) {
            throw new InvalidSuiteException("cases", "must be an array of cases");
        }
        List<LabelledCase> cases = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "cases[" + i + "]";
            if (!(array.get(i) instanceof JsonObject c)) {
                problems.add(new Violation(where, "must be an object"));
                continue;
            }
            Map<String, String> cells = new java.util.HashMap<>();
            for (String key : List.of("id", "text", "expected", "category", "expectedTrigger", "notes")) {
                String value = string(c, key);
                cells.put(key.equals("expectedTrigger") ? "expected_trigger" : key, value == null ? "" : value);
            }
            toCase(cells, "case" + (i + 1), where, problems).ifPresent(cases::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
        }
        JsonValue gate = doc.get("gate");
        if (gate != null && gate != JsonValue.TRUE && gate != JsonValue.FALSE && gate != JsonValue.NULL) {
            throw new InvalidSuiteException("gate", "must be true or false");
        }
        return new Suite(string(doc, "name"), string(doc, "description"),
                gate == null || gate == JsonValue.NULL ? null : gate == JsonValue.TRUE, cases);
    }

    public static String toJson(Suite suite) {
        JsonArrayBuilder cases = Json.createArrayBuilder();
        for (LabelledCase c : suite.cases()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", c.id()).add("text", c.text())
                    .add("expected", c.escalate() ? "escalate" : "stay");
            if (c.category() != null && !c.category().isBlank()) {
                o.add("category", c.category());
            }
            if (c.hasExpectedTrigger()) {
                o.add("expectedTrigger", c.expectedTrigger());
            }
            if (c.notes() != null && !c.notes().isBlank()) {
                o.add("notes", c.notes());
            }
            cases.add(o);
        }
        JsonObjectBuilder doc = Json.createObjectBuilder().add("format", FORMAT);
        if (suite.name() != null) {
            doc.add("name", suite.name());
        }
        if (suite.description() != null) {
            doc.add("description", suite.description());
        }
        if (suite.gate() != null) {
            doc.add("gate", suite.gate());
        }
        doc.add("cases", cases);
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(doc.build());
        }
        return out.toString().strip() + "\n";
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
