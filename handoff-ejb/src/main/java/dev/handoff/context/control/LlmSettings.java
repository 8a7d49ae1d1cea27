package dev.handoff.context.control;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible chat-completions endpoint lives and how long to wait for it.
 * {@code baseUrl} ends in the API version ({@code http://localhost:11434/v1}); {@code apiKey} may be
 * blank for local servers that need none. {@link #toString()} never shows the key.
 */
public record LlmSettings(URI baseUrl, String apiKey, String model, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    public LlmSettings(String baseUrl, String apiKey, String model) {
        this(URI.create(baseUrl), apiKey, model, null, null);
    }

    /** {@code {baseUrl}/chat/completions}, whether or not the base URL ends in a slash. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***") + ", model=" + model
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
