package dev.handoff.context.control;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a conversation as the context logic reads it: who wrote it, what they wrote and
 * when. A plain value so the summarizer and the fact extractor never depend on JPA entities.
 */
public record TranscriptLine(Author author, String text, Instant at) {

    /** Who wrote a line. */
    public enum Author {
        CUSTOMER, BOT, AGENT, SYSTEM;

        /** Reads "customer", "Bot", "AGENT"…; anything unknown counts as {@link #SYSTEM}. */
        public static Author of(String name) {
            if (name == null) {
                return SYSTEM;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return SYSTEM;
            }
        }

        /** Lower-case label used when a transcript is rendered as text. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TranscriptLine {
        Objects.requireNonNull(author, "author");
        text = text == null ? "" : text;
    }

    public static TranscriptLine customer(String text, Instant at) {
        return new TranscriptLine(Author.CUSTOMER, text, at);
    }

    public static TranscriptLine bot(String text, Instant at) {
        return new TranscriptLine(Author.BOT, text, at);
    }
}
