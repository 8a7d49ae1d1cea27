package dev.handoff.platform.events;

import java.time.Instant;

/**
 * Something that happened to a conversation, fired inside the transaction that made it happen and
 * stored in the journal ({@code domain_event}) by {@link dev.handoff.platform.EventJournal} in that
 * same transaction. Metrics and integrations observe these instead of being called; observers that
 * reach outside the database use {@code during = AFTER_SUCCESS}, observers that write derived rows
 * (roll-ups, outbox) use {@code IN_PROGRESS} so that they commit or roll back with the change.
 */
public interface DomainEvent {

    /** The journal's name for the event, {@code area.what} ({@code handoff.escalated}); at most 40 characters. */
    String type();

    String conversationId();

    /** The agent the event is about, if any (their username). */
    default String agent() {
        return null;
    }

    Instant at();
}
