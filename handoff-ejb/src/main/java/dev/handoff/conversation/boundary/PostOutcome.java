package dev.handoff.conversation.boundary;

import java.util.List;

/**
 * The answer to a posted message: the stored message, the triggers it fired, and the conversation
 * now. When the message handed the chat over, {@code transition} and {@code confirmation} are the
 * texts the customer was sent (also in the transcript as system messages); a message written after
 * the conversation ended lands in a new conversation, which {@code conversation} then is.
 */
public record PostOutcome(MessageView message, boolean escalatedNow, List<TriggerView> firedNow, ConversationView conversation,
        String transition, String confirmation) {

    public PostOutcome(MessageView message, boolean escalatedNow, List<TriggerView> firedNow, ConversationView conversation) {
        this(message, escalatedNow, firedNow, conversation, null, null);
    }
}
