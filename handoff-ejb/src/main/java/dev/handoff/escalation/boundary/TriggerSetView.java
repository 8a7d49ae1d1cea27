package dev.handoff.escalation.boundary;

import dev.handoff.escalation.entity.TriggerSetVersion;
import java.time.Instant;

/** A version of the trigger set as the portal and the admin API show it (the document as JSON text). */
public record TriggerSetView(long id, Integer versionNo, String status, String name, String document, String createdBy,
        Instant createdAt, String publishedBy, Instant publishedAt, String changeNote, Double catchRate,
        Double falsePositiveRate, String overrideReason) {

    static TriggerSetView of(TriggerSetVersion v) {
        return new TriggerSetView(v.getId(), v.getVersionNo(), v.getStatus().name().toLowerCase(), v.getName(), v.getDocument(),
                v.getCreatedBy(), v.getCreatedAt(), v.getPublishedBy(), v.getPublishedAt(), v.getChangeNote(), v.getCatchRate(),
                v.getFalsePositiveRate(), v.getOverrideReason());
    }
}
