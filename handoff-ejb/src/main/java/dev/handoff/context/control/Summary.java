package dev.handoff.context.control;

import java.util.Objects;

/**
 * A handoff summary: two or three sentences for the agent, where they came from ({@code "builtin"}
 * or {@code "llm:<model>"}) and, when a model was asked but the built-in text was used instead, why
 * ({@code fallbackReason} is then a short phrase such as "HTTP 500" or "timeout", never a secret).
 */
public record Summary(String text, String source, boolean fellBack, String fallbackReason) {

    public static final String BUILTIN = "builtin";

    public Summary {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    public static Summary builtin(String text) {
        return new Summary(text, BUILTIN, false, null);
    }

    public static Summary llm(String model, String text) {
        return new Summary(text, "llm:" + model, false, null);
    }

    /** The same text, marked as the fallback for a model call that failed for {@code reason}. */
    public Summary asFallback(String reason) {
        return new Summary(text, source, true, reason);
    }
}
