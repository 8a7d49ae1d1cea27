package dev.handoff.web.reliability;

import dev.handoff.web.Api;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent bot-platform writers for the crash and database-fault runs. Each writer owns its
 * conversations and posts uniquely numbered messages; every 201 is an acknowledgement that must
 * survive whatever happens to the server or the database. A failed post is never retried with the
 * same text (the API has no idempotency yet), so a text seen twice is a real duplicate.
 */
public final class Writers {

    /** A message the server acknowledged, and whether the answer said the conversation escalated. */
    record Ack(String conversationId, String text, boolean escalated) {}

    private final Api api;
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger missingRetryAfter = new AtomicInteger();
    private final AtomicLong slowest503Millis = new AtomicLong();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final AtomicInteger sent = new AtomicInteger();

    public Writers(Api api) {
        this.api = api;
    }

    /** Runs {@code threads} writers for {@code seconds}, whatever the server does meanwhile. */
    public void run(int threads, int seconds, String tag) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(tag + "-" + writer, end), "writer-" + w);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

    private void write(String name, long end) {
        String conversation = null;
        int n = 0;
        while (System.nanoTime() < end) {
            n++;
            if (conversation == null || n % 25 == 0) {
                Answer started = post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"" + name + "-" + n + "\",\"name\":\"Writer " + name + "\"}}");
                conversation = started.status == 201 ? started.json().getString("id") : null;
                if (conversation == null) {
                    pause();
                }
                continue;
            }
            // Every 7th message asks for a person, so some conversations escalate and must stay queued or owned.
            String text = name + " message " + n + (n % 7 == 0 ? " - I want to talk to a person" : "");
            Answer answer = post("/api/v1/conversations/" + conversation + "/messages",
                    "{\"author\":\"customer\",\"text\":" + Api.quote(text) + "}");
            if (answer.status == 201) {
                // after the end, a customer message lands in a new conversation that continues the old one
                conversation = answer.json().getJsonObject("conversation").getString("id");
                acks.add(new Ack(conversation, text, answer.json().getBoolean("escalated")));
            } else if (answer.status == 409) {
                conversation = null; // closed or taken: start another
            } else {
                pause();
            }
        }
    }

    private record Answer(int status, String body) {
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(body)).readObject();
        }
    }

    private Answer post(String path, String json) {
        sent.incrementAndGet();
        long t0 = System.nanoTime();
        int status;
        String body = "";
        try {
            HttpResponse<String> response = api.http().send(api.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
            if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                missingRetryAfter.incrementAndGet();
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        slowestMillis.accumulateAndGet(millis, Math::max);
        if (status == 503) {
            slowest503Millis.accumulateAndGet(millis, Math::max);
        }
        byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        return new Answer(status, body);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Statuses seen, 0 meaning no answer (connection refused or reset while the server was down). */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> out = new TreeMap<>();
        byStatus.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    int sent() {
        return sent.get();
    }

    int missingRetryAfter() {
        return missingRetryAfter.get();
    }

    long slowest503Millis() {
        return slowest503Millis.get();
    }

    long slowestMillis() {
        return slowestMillis.get();
    }

    /**
     * Reads every conversation back: acknowledged messages present exactly once, no text stored
     * twice, escalated conversations still queued or assigned.
     *
     * @return {acknowledged, lost, duplicated, escalated conversations, escalations lost}
     */
    long[] verify() {
        Map<String, List<Ack>> byConversation = new HashMap<>();
        synchronized (acks) {
            for (Ack ack : acks) {
                byConversation.computeIfAbsent(ack.conversationId(), k -> new ArrayList<>()).add(ack);
            }
        }
        long lost = 0;
        long duplicated = 0;
        long escalated = 0;
        long escalationsLost = 0;
        for (Map.Entry<String, List<Ack>> entry : byConversation.entrySet()) {
            List<String> stored = storedTexts(entry.getKey());
            Set<String> unique = new HashSet<>(stored);
            duplicated += stored.size() - unique.size();
            for (Ack ack : entry.getValue()) {
                if (!unique.contains(ack.text())) {
                    lost++;
                }
            }
            if (entry.getValue().stream().anyMatch(Ack::escalated)) {
                escalated++;
                String state = api.get("/api/v1/conversations/" + entry.getKey()).json().getString("state");
                if (!state.equals("queued") && !state.equals("assigned")) {
                    escalationsLost++;
                }
            }
        }
        return new long[] {acks.size(), lost, duplicated, escalated, escalationsLost};
    }

    private List<String> storedTexts(String conversationId) {
        List<String> texts = new ArrayList<>();
        int after = 0;
        while (true) {
            Api.Reply page = api.get("/api/v1/conversations/" + conversationId + "/messages?after=" + after + "&limit=200");
            if (page.status() != 200) {
                throw new IllegalStateException("cannot read back " + conversationId + ": " + page);
            }
            List<JsonObject> messages = page.json().getJsonArray("messages").getValuesAs(JsonObject.class);
            for (JsonObject message : messages) {
                if (message.getString("author").equals("customer")) {
                    texts.add(message.getString("text"));
                }
                after = Math.max(after, message.getInt("seq"));
            }
            if (messages.size() < 200) {
                return texts;
            }
        }
    }
}
