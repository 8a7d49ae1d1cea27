package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.ConversationCase;

/**
 * What to take from a conversation into a suite: the verdict the case should get ({@code escalate}
 * for a missed escalation, {@code stay} for one that was not needed), the form (null picks a single
 * customer message where it can), the message to cut at (null for the default), and optional
 * category, expected trigger and notes (notes default to where the case came from).
 */
public record CaseFromConversation(boolean escalate, ConversationCase.Form form, Integer upTo, String category,
        String expectedTrigger, String notes) {

    /** The one-click default: a stay case for an unneeded escalation, or an escalate case for a missed one. */
    public static CaseFromConversation of(boolean escalate, ConversationCase.Form form) {
        return new CaseFromConversation(escalate, form, null, null, null, null);
    }
}
