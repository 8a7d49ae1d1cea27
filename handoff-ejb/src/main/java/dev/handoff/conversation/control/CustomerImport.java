package dev.handoff.conversation.control;

import java.util.List;

/**
 * The result of reading a customer-import CSV: the rows that passed and one error per rejected
 * line (or one for the header, when the file could not be read at all).
 */
public record CustomerImport(List<CustomerRow> rows, List<LineError> errors) {

    /** What was wrong on a line of the file (1 is the header). */
    public record LineError(int line, String message) {}

    public CustomerImport {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
