package dev.handoff.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local HTTP server playing a vendor (Slack, Zendesk, a webhook receiver) for the integration
 * tests: it records every request (method, path, headers, body, when, query) and answers with whatever
 * the test's responder returns. Listens on 127.0.0.1 at {@link #port(int)}: the IT's port range
 * starts at {@code IT_VENDOR_PORT} (set by the pom for the server under test, {@code it.vendor.port}),
 * below the ephemeral range so that no outgoing connection holds it.
 */
public final class VendorStub implements AutoCloseable {

    /** A request as the vendor saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body, Instant at, String query) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public jakarta.json.JsonObject json() {
            return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
        }
    }

    /** An answer: status, extra headers, JSON body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Answer> responder;

    /** The {@code n}-th port of the IT's range. */
    public static int port(int n) {
        String base = System.getenv("IT_VENDOR_PORT");
        return (base == null || base.isBlank() ? 28713 : Integer.parseInt(base.strip())) + n;
    }

    public VendorStub(int port, Function<Seen, Answer> responder) {
        this.responder = responder;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers h = exchange.getRequestHeaders();
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Map.copyOf(h), body, Instant.now(),
                    exchange.getRequestURI().getRawQuery());
            seen.add(request);
            Answer a;
            try {
                a = this.responder.apply(request);
            } catch (RuntimeException e) {
                a = Answer.json(500, "{\"error\":\"stub failed: " + e + "\"}");
            }
            byte[] reply = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(a.status(), reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void respond(Function<Seen, Answer> next) {
        this.responder = next;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(Predicate<Seen> which) {
        return seen.stream().filter(which).toList();
    }

    /** Waits up to {@code millis} for at least {@code count} requests matching {@code which}. */
    public List<Seen> await(Predicate<Seen> which, int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        List<Seen> matching = seen(which);
        while (matching.size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            matching = seen(which);
        }
        if (matching.size() < count) {
            throw new AssertionError("expected " + count + " matching requests within " + millis + " ms, saw " + matching.size() + " of " + seen);
        }
        return matching;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
