package dev.handoff.web.reliability;

import dev.handoff.web.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command-line side of the reliability suite (reliability/run.sh starts the server and the
 * faults; this sends the traffic and checks the answers). Each part prints one result line
 * starting with {@code RESULT} and exits non-zero when a check fails.
 */
public final class Suite {

    private Suite() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Suite <base-url> fuzz <count> [seed] | access | crash-load|dbfault-load <threads> <seconds> | starts <rounds>");
            System.exit(2);
        }
        String base = args[0];
        Api bot = new Api(base, System.getenv().getOrDefault("HANDOFF_BOT_KEY", Api.itKey()));
        boolean ok = switch (args[1]) {
            case "fuzz" -> fuzz(bot, Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 20261203L, true);
            case "access" -> access(base, bot);
            case "crash-load" -> load(base, bot, "crash", Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "dbfault-load" -> load(base, bot, "dbfault", Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "starts" -> starts(bot, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown part " + args[1]);
        };
        System.exit(ok ? 0 : 1);
    }

    /**
     * Writers for the crash and database-fault runs (run.sh injects the fault meanwhile), then a
     * read-back once the server is ready again.
     */
    static boolean load(String base, Api bot, String kind, int threads, int seconds) throws Exception {
        Writers writers = new Writers(bot);
        writers.run(threads, seconds, kind + "-" + System.currentTimeMillis() % 100000);
        awaitReady(base, 240);
        long[] v = writers.verify();
        Map<Integer, Integer> statuses = writers.statuses();
        long otherServerErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("RESULT %s writers=%d seconds=%d requests=%d statuses=%s (0 = no answer) acknowledged=%d lost=%d duplicated=%d "
                        + "escalated-conversations=%d escalations-lost=%d 5xx-other-than-503=%d 503-without-Retry-After=%d slowest-503=%d ms slowest=%d ms%n",
                kind, threads, seconds, writers.sent(), statuses, v[0], v[1], v[2], v[3], v[4], otherServerErrors, writers.missingRetryAfter(),
                writers.slowest503Millis(), writers.slowestMillis());
        boolean intact = v[0] > 0 && v[1] == 0 && v[2] == 0 && v[4] == 0;
        return kind.equals("crash") ? intact : intact && otherServerErrors == 0 && writers.missingRetryAfter() == 0;
    }

    private static void awaitReady(String base, int seconds) throws InterruptedException {
        Api anonymous = new Api(base, null);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (anonymous.get("/health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become ready within " + seconds + " s");
    }

    /** Two simultaneous starts for the same customer, new and known: both must succeed (issue 11 item 3). */
    static boolean starts(Api bot, int rounds) throws Exception {
        int failures = 0;
        List<String> examples = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String customer = "same-customer-" + System.nanoTime() + "-" + round;
                for (int pass = 0; pass < 2; pass++) { // first a new customer, then the same one again
                    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                    List<java.util.concurrent.Future<Api.Reply>> both = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        both.add(pool.submit(() -> {
                            go.await();
                            return bot.post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"" + customer + "\",\"name\":\"Twin\"}}");
                        }));
                    }
                    go.countDown();
                    for (java.util.concurrent.Future<Api.Reply> reply : both) {
                        Api.Reply answer = reply.get();
                        if (answer.status() != 201) {
                            failures++;
                            if (examples.size() < 3) {
                                examples.add(answer.status() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("RESULT starts rounds=%d requests=%d failures=%d%s%n", rounds, rounds * 4, failures,
                examples.isEmpty() ? "" : " e.g. " + examples);
        return failures == 0;
    }

    static boolean access(String base, Api bot) {
        java.util.Map<AccessMatrix.Caller, String> keys = new java.util.EnumMap<>(AccessMatrix.Caller.class);
        keys.put(AccessMatrix.Caller.BOT_KEY, System.getenv().getOrDefault("HANDOFF_BOT_KEY", Api.itKey()));
        keys.put(AccessMatrix.Caller.ADMIN_KEY, System.getenv("HANDOFF_ADMIN_KEY"));
        keys.put(AccessMatrix.Caller.REVOKED_KEY, System.getenv("HANDOFF_REVOKED_KEY"));
        keys.put(AccessMatrix.Caller.UNKNOWN_KEY, "hk_noSuchKeyAnywhere0000000000000000");
        List<String> wrong = AccessMatrix.check(base, keys, bot.start("access-" + System.nanoTime(), "Access Matrix"));
        java.util.Map<AccessMatrix.PortalRole, String[]> users = new java.util.EnumMap<>(AccessMatrix.PortalRole.class);
        String password = System.getenv().getOrDefault("HANDOFF_DEMO_PASSWORD", "handoff-demo");
        users.put(AccessMatrix.PortalRole.AGENT, new String[] {"dave", password});
        users.put(AccessMatrix.PortalRole.SUPERVISOR, new String[] {"sam", password});
        users.put(AccessMatrix.PortalRole.ADMIN, new String[] {"admin", password});
        List<String> portal = AccessMatrix.checkPortal(base, users);
        System.out.println("RESULT access " + wrong.get(wrong.size() - 1) + " and " + portal.get(portal.size() - 1) + ", "
                + (wrong.size() + portal.size() - 2) + " disagreeing"
                + (wrong.size() > 1 ? "\n  " + String.join("\n  ", wrong.subList(0, wrong.size() - 1)) : "")
                + (portal.size() > 1 ? "\n  " + String.join("\n  ", portal.subList(0, portal.size() - 1)) : ""));
        return wrong.size() == 1 && portal.size() == 1;
    }

    static boolean fuzz(Api bot, int count, long seed, boolean knownOpen) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(bot.start("fuzz-" + seed + "-" + i, "Fuzz " + i));
        }
        long t0 = System.nanoTime();
        Fuzzer.Report report = Fuzzer.run(bot, new HostileRequests(seed, ids, knownOpen).next(count), 8);
        System.out.printf("RESULT fuzz%s seed=%d %s in %.1f s%n", knownOpen ? " (with issue 11's known-open inputs)" : "", seed, report, (System.nanoTime() - t0) / 1e9);
        return report.serverErrorCount() == 0 && report.leaks().isEmpty();
    }
}
