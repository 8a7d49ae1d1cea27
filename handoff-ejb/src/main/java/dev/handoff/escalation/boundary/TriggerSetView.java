package dev.handoff.escalation.boundary;

import dev.handoff.escalation.entity.TriggerSetVersion;
import java.time.Instant;
import java.util.List;

/**
 * A version of the trigger set as the portal and the admin API show it (the document as JSON text).
 * {@code warnings} are filled in for the draft and for a version just published: triggers that route
 * to a skill no active agent has, and a publication no suite guarded; empty elsewhere.
 */
public record TriggerSetView(long id, Integer versionNo, String status, String name, String document, String createdBy,
        Instant createdAt, String publishedBy, Instant publishedAt, String changeNote, Double catchRate,
        Double falsePositiveRate, String overrideReason, List<String> warnings) {

    public TriggerSetView {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    static TriggerSetView of(TriggerSetVersion v) {
        return of(v, List.of());
    }

    static TriggerSetView of(TriggerSetVersion v, List<String> warnings) {
        return new TriggerSetView(v.getId(), v.getVersionNo(), v.getStatus().name().toLowerCase(), v.getName(), v.getDocument(),
                v.getCreatedBy(), v.getCreatedAt(), v.getPublishedBy(), v.getPublishedAt(), v.getChangeNote(), v.getCatchRate(),
                v.getFalsePositiveRate(), v.getOverrideReason(), warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
