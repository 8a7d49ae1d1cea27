package dev.handoff.conversation.entity;

import dev.handoff.platform.ConflictException;
import jakarta.ejb.ApplicationException;

/** A write to a conversation that is resolved or closed. */
@ApplicationException(rollback = true)
public class ConversationClosedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ConversationClosedException(String id, ConversationState state) {
        super("Conversation " + id + " is " + state.wireName() + " and accepts no more messages");
    }
}
