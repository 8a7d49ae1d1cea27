package dev.handoff.conversation.control;

import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.HandoffContext;
import dev.handoff.conversation.entity.Message;
import java.util.List;

/**
 * What the conversation asks of the context component, inside the posting boundary's transaction: build
 * the context package at the handoff, keep its facts and pages current afterwards. A port: the context
 * component implements it ({@code context.boundary.ContextService}), so the conversation does not
 * depend on that component (ADR 0047).
 */
public interface ContextCapture {

    /** Builds and stores the context of a conversation being escalated; {@code messages} is its transcript so far. */
    HandoffContext capture(Conversation conversation, List<Message> messages, List<String> reasons);

    /** Refreshes the facts and the page trail of a conversation already handed over (nothing if it has no context). */
    void refresh(Conversation conversation, List<Message> messages);
}
