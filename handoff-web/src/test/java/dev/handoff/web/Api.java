package dev.handoff.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny client for the bot API, used by the integration tests inside and outside the container. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    public Api(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    public static String itKey() {
        return System.getProperty("handoff.it.apiKey", "hk_integrationTestKey0000000000000000");
    }

    public Api withKey(String otherKey) {
        return new Api(base, otherKey);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String json, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    public HttpClient http() {
        return http;
    }

    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a conversation and returns its id. */
    public String start(String externalId, String name) {
        Reply reply = post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"" + externalId + "\",\"name\":" + quote(name)
                + ",\"tier\":\"enterprise\",\"accountValue\":12000},\"channel\":\"web\","
                + "\"page\":{\"url\":\"https://app.example.com/billing\",\"title\":\"Billing\"}}");
        if (reply.status() != 201) {
            throw new IllegalStateException("start failed: " + reply);
        }
        return reply.json().getString("id");
    }

    public Reply say(String conversationId, String author, String text) {
        return post("/api/v1/conversations/" + conversationId + "/messages",
                "{\"author\":\"" + author + "\",\"text\":" + quote(text) + "}");
    }

    public static String quote(String text) {
        return Json.createValue(text).toString();
    }

    /** A response: status, content type, body, and the body as JSON on demand. */
    public record Reply(int status, String contentType, String body, String wwwAuthenticate) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The problem type's last path segment, e.g. "invalid-suite". */
        public String problemType() {
            String type = json().getString("type", "");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        public String detail() {
            JsonValue detail = json().get("detail");
            return detail == null ? "" : json().getString("detail");
        }
    }
}
