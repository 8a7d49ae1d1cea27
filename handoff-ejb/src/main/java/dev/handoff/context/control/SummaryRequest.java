package dev.handoff.context.control;

import java.util.List;

/**
 * What a summarizer gets: the transcript in order, the reasons the handoff fired (trigger
 * explanations, may be empty) and the customer's display name (null when unknown).
 */
public record SummaryRequest(List<TranscriptLine> lines, List<String> reasons, String customerName) {

    public SummaryRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public SummaryRequest(List<TranscriptLine> lines) {
        this(lines, List.of(), null);
    }
}
