package dev.handoff.context.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Asks any OpenAI-compatible chat-completions endpoint (OpenAI, Azure-style proxies, vLLM, Ollama,
 * llama.cpp) for the summary: {@code POST {baseUrl}/chat/completions} with the transcript as
 * {@code "[HH:mm] customer: text"} lines, and reads {@code choices[0].message.content}.
 *
 * <p>Any failure — refused connection, timeout, a non-2xx status, malformed JSON, empty content —
 * gives the fallback summarizer's text, marked {@link Summary#fellBack()} with a short reason. The
 * API key is only ever put in the Authorization header: not logged, not in reasons, and reply
 * bodies (which some servers use to echo the key) are never logged.
 */
public class OpenAiCompatibleSummarizer implements Summarizer {

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleSummarizer.class.getName());
    static final int MAX_TRANSCRIPT_CHARS = 12_000;
    private static final int MAX_SUMMARY_CHARS = 600;
    private static final String INSTRUCTIONS = "You summarise a customer-support chat for the human agent who takes it over."
            + " Write 2 to 3 sentences, at most 400 characters, in third person (\"Customer reports ...\"):"
            + " the main problem, the details the customer gave (IDs, amounts, dates, e-mail) and their intent or mood"
            + " if clear. Plain text only: no lists, no greeting, and never invent details.";

    private final LlmSettings settings;
    private final Summarizer fallback;
    private final HttpClient http;
    private final DateTimeFormatter clock;

    public OpenAiCompatibleSummarizer(LlmSettings settings) {
        this(settings, new ExtractiveSummarizer(), ZoneOffset.UTC);
    }

    /** {@code zone} is the time zone the {@code [HH:mm]} stamps are written in. */
    public OpenAiCompatibleSummarizer(LlmSettings settings, Summarizer fallback, ZoneId zone) {
        this.settings = settings;
        this.fallback = fallback;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    }

    /** Why a call gave no usable summary, in a few words fit for a log line and the UI. */
    private static final class Failed extends Exception {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        try {
            return Summary.llm(settings.model(), ask(request));
        } catch (Failed e) {
            LOG.warning(() -> "Summary model " + settings.model() + " at " + settings.baseUrl() + " failed ("
                    + e.getMessage() + "); using the built-in summary");
            return fallback.summarize(request).asFallback(e.getMessage());
        }
    }

    private String ask(SummaryRequest request) throws Failed {
        HttpRequest.Builder call = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request).toString(), StandardCharsets.UTF_8));
        if (!settings.apiKey().isEmpty()) {
            call.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(call.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Failed("timeout");
        } catch (ConnectException e) {
            throw new Failed("connection failed");
        } catch (IOException e) {
            throw new Failed("I/O error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Failed("bad request: " + e.getClass().getSimpleName());
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failed("HTTP " + response.statusCode());
        }
        return content(response.body());
    }

    JsonObject body(SummaryRequest request) {
        StringBuilder system = new StringBuilder(INSTRUCTIONS);
        if (request.customerName() != null && !request.customerName().isBlank()) {
            system.append(" The customer's name is ").append(request.customerName().strip()).append('.');
        }
        if (!request.reasons().isEmpty()) {
            system.append(" The chat was handed off because: ").append(String.join("; ", request.reasons())).append('.');
        }
        return Json.createObjectBuilder()
                .add("model", settings.model())
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "system").add("content", system.toString()))
                        .add(Json.createObjectBuilder().add("role", "user").add("content", transcript(request.lines()))))
                .add("temperature", 0.2)
                .add("max_tokens", 200)
                .build();
    }

    /** One line per message; past the size limit the first line stays and the oldest others go. */
    String transcript(List<TranscriptLine> lines) {
        List<String> rendered = new ArrayList<>();
        for (TranscriptLine line : lines) {
            String stamp = line.at() == null ? "--:--" : clock.format(line.at());
            rendered.add("[" + stamp + "] " + line.author().label() + ": " + line.text().replaceAll("\\s*\\R\\s*", " ").strip());
        }
        int total = rendered.stream().mapToInt(s -> s.length() + 1).sum();
        int drop = 0;
        while (total > MAX_TRANSCRIPT_CHARS - 60 && rendered.size() - drop > 2) { // 60: room for the marker line
            total -= rendered.get(1 + drop).length() + 1;
            drop++;
        }
        if (drop > 0) {
            rendered.subList(1, 1 + drop).clear();
            rendered.add(1, "[…] (" + drop + " earlier messages left out)");
        }
        String text = String.join("\n", rendered);
        return text.length() > MAX_TRANSCRIPT_CHARS ? Clip.words(text, MAX_TRANSCRIPT_CHARS) : text;
    }

    private static String content(String body) throws Failed {
        try {
            JsonObject reply = Json.createReader(new StringReader(body)).readObject();
            JsonArray choices = reply.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                throw new Failed("no choices in reply");
            }
            JsonObject message = choices.getJsonObject(0).getJsonObject("message");
            JsonValue content = message == null ? null : message.get("content");
            if (content == null || content.getValueType() != JsonValue.ValueType.STRING) {
                throw new Failed("empty content");
            }
            String text = message.getString("content").strip();
            if (text.isEmpty()) {
                throw new Failed("empty content");
            }
            return Clip.words(text, MAX_SUMMARY_CHARS);
        } catch (RuntimeException e) { // JsonException, JsonParsingException, ClassCastException
            throw new Failed("malformed reply");
        }
    }
}
