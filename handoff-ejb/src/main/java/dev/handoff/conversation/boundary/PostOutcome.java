package dev.handoff.conversation.boundary;

import java.util.List;

/** The answer to a posted message: the stored message, the triggers it fired, and the conversation now. */
public record PostOutcome(MessageView message, boolean escalatedNow, List<TriggerView> firedNow, ConversationView conversation) {}
