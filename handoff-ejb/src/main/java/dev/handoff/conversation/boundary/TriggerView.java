package dev.handoff.conversation.boundary;

import dev.handoff.escalation.control.TriggerFiring;
import dev.handoff.escalation.entity.TriggerHit;

/** Why a conversation escalated: trigger name, reason and evidence, and on which message. */
public record TriggerView(String name, String reason, String evidence, Integer messageSeq) {

    public static TriggerView of(TriggerFiring f, Integer seq) {
        return new TriggerView(f.name(), f.reason(), f.evidence(), seq);
    }

    public static TriggerView of(TriggerHit h) {
        return new TriggerView(h.getTriggerName(), h.getReason(), h.getEvidence(), h.getMessageSeq());
    }
}
