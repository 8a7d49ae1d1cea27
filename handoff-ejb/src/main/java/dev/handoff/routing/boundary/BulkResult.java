package dev.handoff.routing.boundary;

import java.util.List;

/** How a bulk edit went: how many users were changed, and why the others were not ("alice: reason"). */
public record BulkResult(int updated, List<String> errors) {
    public BulkResult {
        errors = List.copyOf(errors);
    }
}
