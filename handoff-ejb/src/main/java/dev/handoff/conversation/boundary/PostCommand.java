package dev.handoff.conversation.boundary;

import dev.handoff.platform.entity.Author;

/**
 * A customer, bot or system message from the bot platform; {@code clientMessageId} (optional) is
 * the platform's own id for it, so a resent message is stored once.
 */
public record PostCommand(Author author, String text, String intent, Double confidence, String pageUrl, String pageTitle,
        String clientMessageId) {

    public PostCommand(Author author, String text, String intent, Double confidence, String pageUrl, String pageTitle) {
        this(author, text, intent, confidence, pageUrl, pageTitle, null);
    }
}
