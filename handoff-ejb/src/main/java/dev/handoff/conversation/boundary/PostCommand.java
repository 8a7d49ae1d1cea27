package dev.handoff.conversation.boundary;

import dev.handoff.conversation.entity.Author;

/** A customer, bot or system message from the bot platform. */
public record PostCommand(Author author, String text, String intent, Double confidence, String pageUrl, String pageTitle) {}
