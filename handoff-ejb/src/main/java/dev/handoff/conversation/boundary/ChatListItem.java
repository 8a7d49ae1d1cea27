package dev.handoff.conversation.boundary;

import java.time.Instant;

/**
 * One chat in the workspace's list: the customer, the last message (who wrote it, when, the text),
 * and how many customer messages came in since the owner last wrote.
 */
public record ChatListItem(String id, String customerName, String lastAuthor, String lastText, Instant lastAt, long unread,
        String skill, Instant ownedSince) {

    /** The last message cut to a line for the list. */
    public String preview() {
        String t = lastText == null ? "" : lastText.replace('\n', ' ').strip();
        return t.length() > 70 ? t.substring(0, 69) + "\u2026" : t;
    }
}
