package dev.handoff.platform.entity;

import java.util.Locale;
import java.util.Optional;

/** Who wrote a message. Serialised lower-case on the API. In platform: conversations store it, triggers and routing read it. */
public enum Author {
    CUSTOMER,
    BOT,
    AGENT,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Author> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Author author : values()) {
            if (author.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(author);
            }
        }
        return Optional.empty();
    }
}
