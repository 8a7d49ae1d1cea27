package dev.handoff.web.reliability;

import dev.handoff.web.Api;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line side of the reliability suite (reliability/run.sh starts the server and the
 * faults; this sends the traffic and checks the answers). Each part prints one result line
 * starting with {@code RESULT} and exits non-zero when a check fails.
 */
public final class Suite {

    private Suite() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Suite <base-url> fuzz <count> [seed]");
            System.exit(2);
        }
        String base = args[0];
        Api bot = new Api(base, System.getenv().getOrDefault("HANDOFF_BOT_KEY", Api.itKey()));
        boolean ok = switch (args[1]) {
            case "fuzz" -> fuzz(bot, Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 20261203L);
            default -> throw new IllegalArgumentException("unknown part " + args[1]);
        };
        System.exit(ok ? 0 : 1);
    }

    static boolean fuzz(Api bot, int count, long seed) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(bot.start("fuzz-" + seed + "-" + i, "Fuzz " + i));
        }
        long t0 = System.nanoTime();
        Fuzzer.Report report = Fuzzer.run(bot, new HostileRequests(seed, ids).next(count), 8);
        System.out.printf("RESULT fuzz seed=%d %s in %.1f s%n", seed, report, (System.nanoTime() - t0) / 1e9);
        return report.serverErrorCount() == 0 && report.leaks().isEmpty();
    }
}
