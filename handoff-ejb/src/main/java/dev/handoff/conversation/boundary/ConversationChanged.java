package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.ConversationState;

/** A conversation changed state (escalated, accepted, resolved, closed). */
public record ConversationChanged(String conversationId, ConversationState state, String owner) {}
