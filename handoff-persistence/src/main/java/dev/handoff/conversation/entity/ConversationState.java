package dev.handoff.conversation.entity;

import java.util.Locale;

/**
 * The life of a conversation: the bot handles it ({@code BOT}) until a trigger escalates it
 * ({@code QUEUED}); an agent accepts it ({@code ASSIGNED}) and finally resolves it ({@code
 * RESOLVED}); the bot platform may close it at any time ({@code CLOSED}).
 */
public enum ConversationState {
    BOT,
    QUEUED,
    ASSIGNED,
    RESOLVED,
    CLOSED;

    public boolean isEscalated() {
        return this == QUEUED || this == ASSIGNED || this == RESOLVED;
    }

    public boolean isOpen() {
        return this == BOT || this == QUEUED || this == ASSIGNED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
