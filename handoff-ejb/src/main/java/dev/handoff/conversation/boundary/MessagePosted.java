package dev.handoff.conversation.boundary;

import dev.handoff.platform.entity.Author;

/** A message was added to a conversation; {@code owner} is the assigned agent's username, if any. */
public record MessagePosted(String conversationId, int seq, Author author, String owner) {}
