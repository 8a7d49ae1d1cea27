package dev.handoff.escalation.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes labelled suites as CSV (RFC 4180 quoting) with the header
 * {@code id,text,expected,category,notes}; {@code expected} is {@code escalate} or {@code stay}.
 */
public final class LabelledSuites {

    public static final String HEADER = "id,text,expected,category,notes";
    public static final String SHIPPED = "triggers/labelled-suite.csv";

    private LabelledSuites() {}

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
        List<List<String>> rows = rows(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty; expected the header " + HEADER);
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("id");
        int text = header.indexOf("text");
        int expected = header.indexOf("expected");
        int category = header.indexOf("category");
        int notes = header.indexOf("notes");
        if (text < 0 || expected < 0) {
            throw new IllegalArgumentException("the CSV needs the columns text and expected (header " + HEADER + ")");
        }
        List<LabelledCase> cases = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String label = cell(row, expected).strip().toLowerCase(Locale.ROOT);
            if (!label.equals("escalate") && !label.equals("stay")) {
                throw new IllegalArgumentException("line " + (r + 1) + ": expected must be 'escalate' or 'stay', not '" + label + "'");
            }
            String utterance = cell(row, text);
            if (utterance.isBlank()) {
                throw new IllegalArgumentException("line " + (r + 1) + ": text is empty");
            }
            cases.add(new LabelledCase(id >= 0 && !cell(row, id).isBlank() ? cell(row, id) : "row" + r, utterance,
                    label.equals("escalate"), category >= 0 ? cell(row, category) : "", notes >= 0 ? cell(row, notes) : ""));
        }
        return cases;
    }

    public static String toCsv(List<LabelledCase> cases) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (LabelledCase c : cases) {
            out.append(quote(c.id())).append(',').append(quote(c.text())).append(',')
                    .append(c.escalate() ? "escalate" : "stay").append(',')
                    .append(quote(c.category())).append(',').append(quote(c.notes())).append('\n');
        }
        return out.toString();
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index) : "";
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
