package dev.handoff.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleSummarizerTest {

    private static final String KEY = "sk-test-SECRET-123";
    private static final String OK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"  Customer reports a double charge"
            + " (TX-1, TX-2) and wants a refund.  \"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":20,\"total_tokens\":100}}";
    private static final SummaryRequest REQUEST = new SummaryRequest(List.of(
            TranscriptLine.customer("I was charged twice,\nTX-1 and TX-2", Instant.parse("2026-03-14T09:30:00Z")),
            TranscriptLine.bot("Sorry! Let me check.", Instant.parse("2026-03-14T09:31:10Z")),
            TranscriptLine.customer("I want a refund", Instant.parse("2026-03-14T09:32:00Z"))),
            List.of("Refund request"), "Dana");

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(OpenAiCompatibleSummarizer.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    private static OpenAiCompatibleSummarizer summarizer(String base, Duration timeout) {
        return new OpenAiCompatibleSummarizer(new LlmSettings(URI.create(base + "/v1"), KEY, "gpt-4o-mini",
                Duration.ofMillis(500), timeout));
    }

    private void assertFellBack(Summary summary, String reason) {
        assertTrue(summary.fellBack());
        assertEquals(reason, summary.fallbackReason());
        assertEquals("builtin", summary.source());
        assertEquals(new ExtractiveSummarizer().text(REQUEST), summary.text());
        assertFalse(summary.fallbackReason().contains(KEY));
        assertTrue(logged.stream().anyMatch(m -> m.contains(reason)), logged.toString());
        assertTrue(logged.stream().noneMatch(m -> m.contains(KEY) || m.contains("SECRET")), logged.toString());
    }

    @Test
    void successSendsTheChatCompletionsRequestAndReadsTheContent() throws Exception {
        try (FakeServer server = FakeServer.replying(200, OK)) {
            Summary summary = summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST);

            assertEquals("Customer reports a double charge (TX-1, TX-2) and wants a refund.", summary.text());
            assertEquals("llm:gpt-4o-mini", summary.source());
            assertFalse(summary.fellBack());

            FakeServer.Received got = server.last();
            assertEquals("POST", got.method());
            assertEquals("/v1/chat/completions", got.path());
            assertEquals("Bearer " + KEY, got.header("Authorization"));
            assertEquals("application/json", got.header("Content-Type"));
            JsonObject body = Json.createReader(new StringReader(got.body())).readObject();
            assertEquals("gpt-4o-mini", body.getString("model"));
            assertEquals(0.2, body.getJsonNumber("temperature").doubleValue(), 1e-9);
            assertEquals(200, body.getInt("max_tokens"));
            JsonArray messages = body.getJsonArray("messages");
            assertEquals(2, messages.size());
            assertEquals("system", messages.getJsonObject(0).getString("role"));
            assertTrue(messages.getJsonObject(0).getString("content").contains("Refund request"));
            assertTrue(messages.getJsonObject(0).getString("content").contains("Dana"));
            assertEquals("user", messages.getJsonObject(1).getString("role"));
            assertEquals("[09:30] customer: I was charged twice, TX-1 and TX-2\n[09:31] bot: Sorry! Let me check.\n"
                    + "[09:32] customer: I want a refund", messages.getJsonObject(1).getString("content"));
            assertTrue(logged.isEmpty(), logged.toString());
        }
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() throws Exception {
        try (FakeServer server = FakeServer.replying(200, OK)) {
            new OpenAiCompatibleSummarizer(new LlmSettings(server.base() + "/v1/", "", "llama3")).summarize(REQUEST);

            assertEquals("/v1/chat/completions", server.last().path());
            assertEquals(null, server.last().header("Authorization"));
        }
    }

    @Test
    void serverErrorFallsBack() throws Exception {
        try (FakeServer server = FakeServer.replying(500, "{\"error\":{\"message\":\"boom\"}}")) {
            assertFellBack(summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST), "HTTP 500");
        }
    }

    @Test
    void unauthorizedFallsBackWithoutLoggingTheEchoedKey() throws Exception {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"invalid_request_error\"}}";
        try (FakeServer server = FakeServer.replying(401, echo)) {
            assertFellBack(summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST), "HTTP 401");
        }
    }

    @Test
    void slowServerTimesOut() throws Exception {
        try (FakeServer server = new FakeServer(r -> new FakeServer.Reply(200, OK, Map.of(), 3000))) {
            long start = System.nanoTime();
            Summary summary = summarizer(server.base(), Duration.ofMillis(300)).summarize(REQUEST);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertFellBack(summary, "timeout");
            assertTrue(millis < 2500, "took " + millis + " ms");
        }
    }

    @Test
    void malformedJsonFallsBack() throws Exception {
        try (FakeServer server = FakeServer.replying(200, "{\"choices\":[{\"message\":")) {
            assertFellBack(summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST), "malformed reply");
        }
    }

    @Test
    void wrongShapeFallsBack() throws Exception {
        try (FakeServer server = FakeServer.replying(200, "{\"choices\":\"nope\"}")) {
            assertFellBack(summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST), "malformed reply");
        }
    }

    @Test
    void emptyContentFallsBack() throws Exception {
        String empty = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"   \"}}]}";
        try (FakeServer server = FakeServer.replying(200, empty)) {
            assertFellBack(summarizer(server.base(), Duration.ofSeconds(5)).summarize(REQUEST), "empty content");
        }
    }

    @Test
    void connectionRefusedFallsBack() throws Exception {
        String base = "http://127.0.0.1:" + FakeServer.closedPort();
        assertFellBack(summarizer(base, Duration.ofSeconds(5)).summarize(REQUEST), "connection failed");
    }

    @Test
    void settingsNeverPrintTheKey() {
        LlmSettings settings = new LlmSettings("http://x/v1", KEY, "m");
        assertFalse(settings.toString().contains(KEY));
        assertTrue(settings.toString().contains("apiKey=***"));
    }

    @Test
    void longTranscriptsKeepTheFirstAndTheLatestLines() {
        OpenAiCompatibleSummarizer summarizer = summarizer("http://127.0.0.1:9", Duration.ofSeconds(1));
        Instant t = Instant.parse("2026-03-14T09:00:00Z");
        List<TranscriptLine> lines = new java.util.ArrayList<>();
        lines.add(TranscriptLine.customer("FIRST problem statement", t));
        for (int i = 0; i < 300; i++) {
            lines.add(TranscriptLine.bot("filler message number " + i + " " + "x".repeat(60), t));
        }
        lines.add(TranscriptLine.customer("LAST words", t));

        String text = summarizer.transcript(lines);

        assertTrue(text.length() <= OpenAiCompatibleSummarizer.MAX_TRANSCRIPT_CHARS, "" + text.length());
        assertTrue(text.startsWith("[09:00] customer: FIRST problem statement\n[…] ("), text.substring(0, 80));
        assertTrue(text.endsWith("[09:00] customer: LAST words"));
    }
}
