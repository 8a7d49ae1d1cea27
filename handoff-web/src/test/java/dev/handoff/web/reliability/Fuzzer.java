package dev.handoff.web.reliability;

import dev.handoff.web.Api;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Sends hostile requests and counts what must never happen: a 5xx answer, or internals (class
 * names, stack traces, the persistence provider) in a body.
 */
public final class Fuzzer {

    /** What a body must never contain: exception and class names, stack frames, object hashes, the JPA provider. */
    static final Pattern INTERNALS = Pattern.compile(
            "Exception|eclipse|EclipseLink|\\bat [a-z]+\\.[a-z]|java\\.(lang|util|math|sql)|jakarta\\.|dev\\.handoff|org\\.(h2|glassfish|jboss)"
                    + "|com\\.mysql|@[0-9a-f]{6,}\\b|SQLState|Duplicate entry");

    /** The outcome: requests sent, answers by status, and the offending requests (at most 50 of each kind). */
    public record Report(int sent, Map<Integer, Integer> byStatus, List<String> serverErrors, List<String> leaks) {

        public int serverErrorCount() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0).mapToInt(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            return "sent " + sent + ", by status " + byStatus + " (0 = no answer), 5xx or no answer " + serverErrorCount() + ", bodies with internals " + leaks.size()
                    + (serverErrors.isEmpty() ? "" : "\n  5xx e.g. " + String.join("\n  ", serverErrors.subList(0, Math.min(10, serverErrors.size()))))
                    + (leaks.isEmpty() ? "" : "\n  leaks e.g. " + String.join("\n  ", leaks.subList(0, Math.min(10, leaks.size()))));
        }
    }

    private Fuzzer() {}

    public static Report run(Api api, List<HostileRequests.Request> requests, int threads) throws Exception {
        Map<Integer, Integer> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> leaks = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (HostileRequests.Request request : requests) {
                sent.add(pool.submit(() -> {
                    Api.Reply reply;
                    try {
                        reply = send(api, request);
                    } catch (RuntimeException noAnswer) {
                        // A hang or a dropped connection is as bad as a 5xx: counted under status 0.
                        byStatus.merge(0, 1, Integer::sum);
                        serverErrors.add("no answer (" + noAnswer.getCause() + ") for " + request);
                        return null;
                    }
                    byStatus.merge(reply.status(), 1, Integer::sum);
                    if (reply.status() >= 500 && serverErrors.size() < 50) {
                        serverErrors.add(reply.status() + " for " + request + " -> " + abbreviate(reply.body()));
                    }
                    if (reply.body() != null && INTERNALS.matcher(reply.body()).find() && leaks.size() < 50) {
                        leaks.add(reply.status() + " for " + request + " -> " + abbreviate(reply.body()));
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Report(requests.size(), new TreeMap<>(byStatus), List.copyOf(serverErrors), List.copyOf(leaks));
    }

    private static Api.Reply send(Api api, HostileRequests.Request request) {
        HttpRequest.Builder builder = api.request(request.path());
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body());
        return api.send(builder.method(request.method(), body));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
