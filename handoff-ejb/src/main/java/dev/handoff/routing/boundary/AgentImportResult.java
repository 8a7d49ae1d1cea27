package dev.handoff.routing.boundary;

import dev.handoff.routing.control.AgentCsv.LineError;
import java.util.List;

/**
 * How an agent CSV import went. When a line could not be read, nothing was imported and {@code errors}
 * lists every bad line; otherwise each line was applied on its own and {@code errors} lists the lines
 * the server refused (those users are unchanged).
 */
public record AgentImportResult(int created, int updated, int unchanged, List<LineError> errors) {
    public AgentImportResult {
        errors = List.copyOf(errors);
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
