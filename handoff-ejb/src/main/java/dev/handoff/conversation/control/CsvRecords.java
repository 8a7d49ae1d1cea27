package dev.handoff.conversation.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: fields split at commas, double quotes around a field that
 * holds commas, quotes ({@code ""}) or line breaks, records ending in CRLF or LF. A leading byte
 * order mark is skipped. Remembers the line each record starts on, and reports a broken quote as an
 * error for that record instead of giving up on the file.
 */
final class CsvRecords {

    /** One record: its fields, the line it starts on, and what was wrong with its quoting (or null). */
    record Row(List<String> fields, int line, String error) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty() && error == null;
        }
    }

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    error = "a quoted field is not closed";
                    break;
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                break;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                if (error == null && (c == '"' || wasQuoted)) {
                    error = wasQuoted ? "text after a closing quote" : "a quote inside an unquoted field";
                }
                field.append((char) c);
            }
            c = read();
        }
        fields.add(field.toString());
        return new Row(fields, start, error);
    }
}
