import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handoff's message-ingest load driver (bench/README.md). Closed loop: {@code --connections}
 * threads each send one request, wait for the answer, send the next. Three phases in one run, one
 * after the other on the same server: the bare GET, the naive durable write, and Handoff's bot
 * API (conversations started, customer and bot messages alternating with generated texts, a share
 * escalating, simulated agents accepting, replying and resolving, conversations closed and
 * replaced). Prints throughput and latency percentiles and writes JSON, CSV and an SVG chart.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/driver/LoadDriver.java --base … --key …}.
 */
public class LoadDriver {

    static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    final Map<String, String> opts;
    final HttpClient http;
    final String base;
    /** Every server the bot API is spread over, round robin: {@code --base}, then {@code --also} (comma-separated). */
    final List<String> apiBases;
    private final java.util.concurrent.atomic.AtomicLong apiTurn = new java.util.concurrent.atomic.AtomicLong();
    final String key;
    final int connections;
    final int warmupSeconds;
    final int seconds;
    final int conversationCount;
    final int agentCount;
    final int agentCapacity;
    final double escalateShare;
    final int rounds;

    LoadDriver(Map<String, String> opts) {
        this.opts = opts;
        base = opts.getOrDefault("base", "http://127.0.0.1:18400");
        List<String> bases = new java.util.ArrayList<>(List.of(base));
        for (String other : opts.getOrDefault("also", "").split(",")) {
            if (!other.isBlank()) {
                bases.add(other.strip());
            }
        }
        apiBases = List.copyOf(bases);
        key = opts.get("key");
        connections = Integer.parseInt(opts.getOrDefault("connections", "32"));
        warmupSeconds = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        conversationCount = Integer.parseInt(opts.getOrDefault("conversations", "300"));
        agentCount = Integer.parseInt(opts.getOrDefault("agents", "40"));
        agentCapacity = Integer.parseInt(opts.getOrDefault("agent-capacity", "4"));
        escalateShare = Double.parseDouble(opts.getOrDefault("escalate-share", "0.01"));
        rounds = Integer.parseInt(opts.getOrDefault("rounds", "4"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("key")) {
            System.err.println("usage: java LoadDriver.java --key hk_... [--base URL] [--also URL,URL] [--connections 32] [--warmup 10] [--seconds 20]"
                    + " [--conversations 300] [--agents 40] [--agent-capacity 4] [--escalate-share 0.01] [--rounds 4] [--out DIR] [--label TEXT]");
            System.exit(2);
        }
        new LoadDriver(opts).run();
        System.exit(0); // the HTTP client's threads would keep the JVM, and so the server, running
    }

    // ---------------------------------------------------------------- phases

    void run() throws Exception {
        Ingest ingest = new Ingest();
        ingest.prepare();
        System.out.printf(Locale.ROOT, "warm-up: %d s per endpoint, %d connections%n", warmupSeconds, connections);
        phase("warm-up GET", warmupSeconds, this::ping);
        phase("warm-up write", warmupSeconds, this::write);
        phase("warm-up ingest", warmupSeconds, ingest::step);
        ingest.resetCounters();
        // The phases take turns in short slices, so that none of them always runs when the machine is busiest.
        Stats get = new Stats("bare GET", connections);
        Stats write = new Stats("naive write", connections);
        Stats post = new Stats("ingest", connections);
        int slice = Math.max(1, seconds / rounds);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d of %d, %d s per phase%n", round, rounds, slice);
            phase(get, slice, this::ping);
            phase(write, slice, this::write);
            phase(post, slice, ingest::step);
        }
        ingest.stop();
        report(get, write, post, ingest);
    }

    interface Step {
        /** One timed request: its time in nanoseconds on a 2xx answer, -1 otherwise. */
        long call() throws Exception;
    }

    static long timed(Call call) throws Exception {
        long t0 = System.nanoTime();
        return call.ok() ? System.nanoTime() - t0 : -1;
    }

    interface Call {
        boolean ok() throws Exception;
    }

    Stats phase(String name, int secs, Step step) throws InterruptedException {
        return phase(new Stats(name, connections), secs, step);
    }

    /** Runs {@code step} on every connection for {@code secs} seconds, adding to {@code stats}. */
    Stats phase(Stats stats, int secs, Step step) throws InterruptedException {
        double loadBefore = loadAverage();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long nanos;
                        try {
                            nanos = step.call();
                        } catch (Exception e) {
                            nanos = -1;
                            stats.lastError = e.toString();
                        }
                        stats.record(thread, nanos, nanos >= 0);
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.start();
        }
        done.await();
        stats.elapsedNanos += System.nanoTime() - started;
        stats.loadBefore = Double.isNaN(stats.loadBefore) || stats.loadBefore == 0 ? loadBefore : stats.loadBefore;
        stats.loadAfter = loadAverage();
        System.out.println(stats.line());
        return stats;
    }

    long ping() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/reference/api/ping")).GET().build();
        return timed(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2);
    }

    long write() throws Exception {
        String body = "{\"conversationId\":\"" + java.util.UUID.randomUUID() + "\",\"author\":\"customer\",\"text\":"
                + json(Texts.customer(false)) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/reference/api/rows"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return timed(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2);
    }

    HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        String server = apiBases.get((int) (apiTurn.getAndIncrement() % apiBases.size()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + "/api/v1" + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> agentCall(String path, String text) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/reference/api/agents/" + path))
                // creating the agents hashes their passwords: minutes on a machine at load 30, so the set-up waits longer
                .timeout(Duration.ofSeconds(path.startsWith("setup") ? 300 : 30));
        b = text == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- the bot platform and the agents

    /** One chat as the bot platform sees it. */
    static final class Chat {
        final String id;
        int left;
        boolean customerNext = true;
        volatile boolean ended;
        String state = "bot";

        Chat(String id, int left) {
            this.id = id;
            this.left = left;
        }
    }

    final class Ingest {
        final BlockingQueue<Chat> chats = new ArrayBlockingQueue<>(conversationCount);
        final ScheduledExecutorService agents = Executors.newScheduledThreadPool(2);
        final Map<String, AtomicInteger> load = new ConcurrentHashMap<>();
        final AtomicLong started = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        final AtomicLong escalations = new AtomicLong();
        final AtomicLong customerMessages = new AtomicLong();
        final AtomicLong botMessages = new AtomicLong();
        final AtomicLong accepts = new AtomicLong();
        final AtomicLong replies = new AtomicLong();
        final AtomicLong resolves = new AtomicLong();
        final AtomicLong agentErrors = new AtomicLong();
        final AtomicLong agentBusy = new AtomicLong();
        final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
        final Stats agentStats = new Stats("agent actions", 2);
        volatile String lastAgentError;
        boolean agentsReady;

        void prepare() throws Exception {
            HttpResponse<String> setup = agentCall("setup?count=" + agentCount + "&capacity=" + agentCapacity, null);
            agentsReady = setup.statusCode() / 100 == 2;
            if (!agentsReady) {
                System.out.println("simulated agents unavailable (" + setup.statusCode() + "): " + setup.body());
            } else {
                for (int i = 1; i <= agentCount; i++) {
                    load.put("bench" + i, new AtomicInteger());
                }
                System.out.printf(Locale.ROOT, "%d simulated agents online, %d chats each%n", agentCount, agentCapacity);
            }
            for (int i = 0; i < conversationCount; i++) {
                chats.add(startChat());
            }
            System.out.printf(Locale.ROOT, "%d conversations started%n", conversationCount);
        }

        void resetCounters() {
            for (AtomicLong c : List.of(started, closed, escalations, customerMessages, botMessages, accepts, replies, resolves, agentErrors, agentBusy)) {
                c.set(0);
            }
            agentStats.reset();
            refusals.clear();
        }

        void stop() throws InterruptedException {
            agents.shutdownNow();
            agents.awaitTermination(5, TimeUnit.SECONDS);
        }

        Chat startChat() throws IOException, InterruptedException {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int customer = r.nextInt(1, 5_000);
            String body = "{\"customer\":{\"externalId\":\"bench-" + customer + "\",\"name\":" + json(Texts.name(customer))
                    + ",\"tier\":\"" + (customer % 7 == 0 ? "gold" : "standard") + "\"},\"channel\":\"web\","
                    + "\"page\":{\"url\":\"https://app.example.com/" + Texts.pick(Texts.SECTIONS).toLowerCase() + "\"}}";
            HttpResponse<String> r2 = api("POST", "/conversations", body);
            Matcher m = ID.matcher(r2.body());
            if (r2.statusCode() != 201 || !m.find()) {
                throw new IOException("start failed: " + r2.statusCode() + " " + r2.body());
            }
            started.incrementAndGet();
            return new Chat(m.group(1), r.nextInt(6, 24));
        }

        /**
         * One message posted and timed. A chat that has run its course is first closed and replaced
         * by a new one (the bot platform's turnover); those calls load the server but are not timed.
         */
        long step() throws Exception {
            Chat chat = chats.take();
            try {
                if (chat.ended || chat.left <= 0) {
                    if (!chat.ended) {
                        api("POST", "/conversations/" + chat.id + "/close", null);
                        closed.incrementAndGet();
                    }
                    chat = startChat();
                }
                Chat posted = chat;
                return timed(() -> post(posted));
            } finally {
                chats.put(chat);
            }
        }

        private boolean post(Chat chat) throws Exception {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            boolean customer = chat.customerNext;
            boolean inBot = "bot".equals(chat.state);
            String body;
            if (customer) {
                boolean escalate = inBot && r.nextDouble() < escalateShare * 2;
                body = "{\"author\":\"customer\",\"text\":" + json(Texts.customer(escalate)) + "}";
            } else {
                boolean unsure = inBot && r.nextDouble() < 0.01;
                body = "{\"author\":\"bot\",\"text\":" + json(Texts.bot()) + ",\"intent\":\"" + Texts.pick(Texts.INTENTS)
                        + "\",\"confidence\":" + (unsure ? "0.2" : String.format(Locale.ROOT, "%.2f", 0.55 + r.nextDouble() * 0.44)) + "}";
            }
            HttpResponse<String> res = api("POST", "/conversations/" + chat.id + "/messages", body);
            chat.customerNext = !customer;
            chat.left--;
            if (res.statusCode() == 409) {
                chat.ended = true;
            }
            if (res.statusCode() != 201) {
                refusals.computeIfAbsent(res.statusCode(), k -> new AtomicLong()).incrementAndGet();
                return false;
            }
            (customer ? customerMessages : botMessages).incrementAndGet();
            Matcher m = STATE.matcher(res.body());
            if (m.find()) {
                chat.state = m.group(1);
            }
            if (res.body().contains("\"escalatedNow\":true")) {
                escalations.incrementAndGet();
                if (agentsReady) {
                    agents.schedule(() -> accept(chat, 0), r.nextInt(200, 1500), TimeUnit.MILLISECONDS);
                }
            }
            return true;
        }

        void accept(Chat chat, int attempt) {
            String agent = load.entrySet().stream().filter(e -> e.getValue().get() < agentCapacity)
                    .min((a, b) -> Integer.compare(a.getValue().get(), b.getValue().get())).map(Map.Entry::getKey).orElse(null);
            if (agent == null || chat.ended) {
                agentBusy.incrementAndGet();
                if (!chat.ended && attempt < 20) {
                    agents.schedule(() -> accept(chat, attempt + 1), 1, TimeUnit.SECONDS);
                }
                return;
            }
            load.get(agent).incrementAndGet();
            if (!agentAction(agent + "/accept/" + chat.id, null, accepts)) {
                load.get(agent).decrementAndGet();
                return;
            }
            chat.left = Math.max(chat.left, 6);
            agents.schedule(() -> agentAction(agent + "/reply/" + chat.id, Texts.agent(), replies), 800, TimeUnit.MILLISECONDS);
            agents.schedule(() -> agentAction(agent + "/reply/" + chat.id, Texts.agent(), replies), 2_500, TimeUnit.MILLISECONDS);
            agents.schedule(() -> {
                agentAction(agent + "/resolve/" + chat.id, null, resolves);
                chat.ended = true;
                load.get(agent).decrementAndGet();
            }, 4_000, TimeUnit.MILLISECONDS);
        }

        boolean agentAction(String path, String text, AtomicLong counter) {
            long t0 = System.nanoTime();
            boolean ok = false;
            try {
                HttpResponse<String> r = agentCall(path, text);
                ok = r.statusCode() / 100 == 2;
                if (ok) {
                    counter.incrementAndGet();
                } else {
                    agentErrors.incrementAndGet();
                    lastAgentError = r.statusCode() + " " + r.body();
                }
            } catch (IOException | InterruptedException e) {
                agentErrors.incrementAndGet();
                lastAgentError = e.toString();
            }
            synchronized (agentStats) {
                agentStats.record(0, System.nanoTime() - t0, ok);
            }
            return ok;
        }
    }

    // ---------------------------------------------------------------- texts

    /** Texts from templates filled with random words and numbers: no two alike, so no cache keyed by text helps. */
    static final class Texts {
        static final String[] FIRST = {"Sarah", "Tom", "Aisha", "Lukas", "Mei", "Pablo", "Nora", "Ivan", "Chloe", "Omar", "Greta", "Ravi"};
        static final String[] LAST = {"Lee", "Novak", "Garcia", "Okafor", "Schmidt", "Tanaka", "Dubois", "Silva", "Berg", "Khan"};
        static final String[] SECTIONS = {"Billing", "Settings", "Profile", "Orders", "Integrations", "Reports", "Security", "Team"};
        static final String[] THINGS = {"invoice", "password", "shipping address", "order", "subscription", "API token", "report",
            "team member", "profile photo", "delivery date", "export", "two-factor code", "webhook", "data backup"};
        static final String[] ACTIONS = {"log in", "upload a file", "change my plan", "add a colleague", "download the report",
            "reset my password", "connect Slack", "update my card", "cancel the order", "rename the project"};
        static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
        static final String[] PLANS = {"Pro", "Team", "Business", "Starter", "Enterprise"};
        static final String[] INTENTS = {"find_invoice", "reset_password", "track_order", "change_plan", "export_data",
            "update_profile", "add_user", "faq_generic"};
        static final String[] CUSTOMER = {
            "Hi, where can I find my %T for %M?",
            "How do I change the %T on account %N?",
            "My order %N has not arrived yet, it was supposed to come on %M %D",
            "Can I upgrade to the %P plan and keep my %T?",
            "The app shows error %E when I try to %A",
            "Is there a way to export my %T as CSV or PDF?",
            "thanks! and how do I %A from my phone?",
            "ok, I tried that but the %T page is empty since %M %D",
            "Does the %P plan include more than %n users?",
            "I'd like to %A, where is that in %S?",
            "quick question about %T number %N",
            "hello, my colleague %F can't %A, any idea?",
        };
        static final String[] ESCALATING = {
            "I was charged twice for order %N, I want my money back",
            "This is not helping, let me talk to a real person about %T %N",
            "I need a human agent now, my %T has been broken since %M %D",
            "There's an unauthorized charge of %n euros on my card, invoice %N",
            "I want a refund for the %P plan, you billed me %n dollars by mistake",
            "please connect me with an agent, I can't %A and it is urgent",
        };
        static final String[] BOT = {
            "You can find your %T under %S > %T.",
            "To %A, open %S and choose 'Edit'. Did that help?",
            "Order %N is on its way and should arrive by %M %D.",
            "The %P plan allows up to %n users. Would you like to compare plans?",
            "Error %E usually means the session expired; please sign in again and retry.",
            "I can help with that. Which %T do you mean?",
            "Here is the article about %T: https://help.example.com/%N",
        };
        static final String[] AGENT = {
            "Hi, I'm taking over from the bot. I can see your %T %N, give me a moment.",
            "Thanks for waiting. I've checked %S and fixed the %T; could you try again?",
            "I've refunded %n euros for order %N; it shows on your statement in 3-5 days.",
        };

        static String customer(boolean escalate) {
            return fill(pick(escalate ? ESCALATING : CUSTOMER));
        }

        static String bot() {
            return fill(pick(BOT));
        }

        static String agent() {
            return fill(pick(AGENT));
        }

        static String name(int n) {
            return FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
        }

        static String pick(String[] options) {
            return options[ThreadLocalRandom.current().nextInt(options.length)];
        }

        static String fill(String template) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c != '%' || i + 1 == template.length()) {
                    b.append(c);
                    continue;
                }
                char k = template.charAt(++i);
                switch (k) {
                    case 'T' -> b.append(pick(THINGS));
                    case 'A' -> b.append(pick(ACTIONS));
                    case 'M' -> b.append(pick(MONTHS));
                    case 'P' -> b.append(pick(PLANS));
                    case 'S' -> b.append(pick(SECTIONS));
                    case 'F' -> b.append(pick(FIRST));
                    case 'N' -> b.append(r.nextInt(10_000, 9_999_999));
                    case 'n' -> b.append(r.nextInt(2, 500));
                    case 'D' -> b.append(r.nextInt(1, 29));
                    case 'E' -> b.append(r.nextInt(100, 999)).append('-').append((char) ('A' + r.nextInt(26)));
                    default -> b.append('%').append(k);
                }
            }
            return b.toString();
        }
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------- statistics and output

    static final class Stats {
        final String name;
        final long[][] samples;
        final int[] sizes;
        final long[] errors;
        long elapsedNanos;
        double loadBefore;
        double loadAfter;
        volatile String lastError;

        Stats(String name, int threads) {
            this.name = name;
            samples = new long[threads][1024];
            sizes = new int[threads];
            errors = new long[threads];
        }

        void record(int thread, long nanos, boolean ok) {
            if (!ok) {
                errors[thread]++;
                return;
            }
            if (sizes[thread] == samples[thread].length) {
                samples[thread] = Arrays.copyOf(samples[thread], sizes[thread] * 2);
            }
            samples[thread][sizes[thread]++] = nanos;
        }

        void reset() {
            Arrays.fill(sizes, 0);
            Arrays.fill(errors, 0);
        }

        long[] sorted() {
            long[] all = new long[Arrays.stream(sizes).sum()];
            int at = 0;
            for (int t = 0; t < samples.length; t++) {
                System.arraycopy(samples[t], 0, all, at, sizes[t]);
                at += sizes[t];
            }
            Arrays.sort(all);
            return all;
        }

        long count() {
            return Arrays.stream(sizes).sum();
        }

        long errorCount() {
            return Arrays.stream(errors).sum();
        }

        double perSecond() {
            return elapsedNanos == 0 ? 0 : count() / (elapsedNanos / 1e9);
        }

        double percentileMs(double p) {
            long[] all = sorted();
            if (all.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1);
            return all[Math.max(0, i)] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-15s %9.1f req/s  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  n=%d errors=%d  load %.2f→%.2f%s",
                    name, perSecond(), percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100), count(), errorCount(),
                    loadBefore, loadAfter, lastError == null ? "" : "  last error: " + lastError);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("perSecond", round(perSecond()));
            m.put("p50Ms", round(percentileMs(50)));
            m.put("p90Ms", round(percentileMs(90)));
            m.put("p99Ms", round(percentileMs(99)));
            m.put("maxMs", round(percentileMs(100)));
            m.put("count", count());
            m.put("errors", errorCount());
            m.put("loadBefore", loadBefore);
            m.put("loadAfter", loadAfter);
            return m;
        }
    }

    static double round(double d) {
        return Double.isNaN(d) ? 0 : Math.round(d * 10) / 10.0;
    }

    void report(Stats get, Stats write, Stats post, Ingest ingest) throws IOException {
        double vsWrite = post.perSecond() / write.perSecond();
        double vsGet = post.perSecond() / get.perSecond();
        String label = opts.getOrDefault("label", "");
        System.out.println();
        System.out.println("=".repeat(100));
        System.out.printf(Locale.ROOT, "Handoff message ingest%s: %d connections, %d s per phase in %d turns after %d s warm-up, %d conversations,"
                + " bot API on %d server(s)%n",
                label.isEmpty() ? "" : " (" + label + ")", connections, seconds, rounds, warmupSeconds, conversationCount, apiBases.size());
        for (Stats s : List.of(get, write, post)) {
            System.out.println("  " + s.line());
        }
        System.out.printf(Locale.ROOT, "  ingest / naive write = %.2fx   ingest / bare GET = %.3fx   (target: >= 1.5x the naive write, p99 < 250 ms)%n",
                vsWrite, vsGet);
        System.out.printf(Locale.ROOT, "  during the ingest phase: %d customer + %d bot messages, %d escalated, %d conversations closed, %d started;"
                + " agents: %d accepts, %d replies, %d resolves, %d errors, %d waits for a free agent%n",
                ingest.customerMessages.get(), ingest.botMessages.get(), ingest.escalations.get(), ingest.closed.get(), ingest.started.get(),
                ingest.accepts.get(), ingest.replies.get(), ingest.resolves.get(), ingest.agentErrors.get(), ingest.agentBusy.get());
        if (!ingest.refusals.isEmpty()) {
            System.out.println("  ingest answers other than 201 (409: the chat was resolved by its agent a moment before): " + ingest.refusals);
        }
        if (ingest.agentStats.count() > 0) {
            System.out.printf(Locale.ROOT, "  agent actions: p50 %.1f ms, p99 %.1f ms%s%n", ingest.agentStats.percentileMs(50),
                    ingest.agentStats.percentileMs(99), ingest.lastAgentError == null ? "" : "; last error: " + ingest.lastAgentError);
        }
        System.out.println("=".repeat(100));

        Path out = Path.of(opts.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "Z");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("at", Instant.now().toString());
        result.put("label", label);
        result.put("connections", connections);
        result.put("seconds", seconds);
        result.put("warmupSeconds", warmupSeconds);
        result.put("rounds", rounds);
        result.put("conversations", conversationCount);
        result.put("servers", apiBases.size());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("bareGet", get.json());
        result.put("naiveWrite", write.json());
        result.put("ingest", post.json());
        result.put("ingestOverNaiveWrite", Math.round(vsWrite * 100) / 100.0);
        result.put("ingestOverBareGet", Math.round(vsGet * 1000) / 1000.0);
        Map<String, Object> mix = new LinkedHashMap<>();
        mix.put("customerMessages", ingest.customerMessages.get());
        mix.put("botMessages", ingest.botMessages.get());
        mix.put("escalated", ingest.escalations.get());
        mix.put("closed", ingest.closed.get());
        mix.put("started", ingest.started.get());
        mix.put("accepts", ingest.accepts.get());
        mix.put("replies", ingest.replies.get());
        mix.put("resolves", ingest.resolves.get());
        mix.put("agentErrors", ingest.agentErrors.get());
        mix.put("ingestRefusals", ingest.refusals.toString());
        result.put("ingestMix", mix);
        Files.writeString(out.resolve("ingest-" + stamp + ".json"), toJson(result) + "\n");
        Path csv = out.resolve("ingest.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, "at,label,connections,seconds,get_rps,write_rps,ingest_rps,ingest_p50_ms,ingest_p90_ms,ingest_p99_ms,"
                    + "write_p99_ms,get_p99_ms,ingest_over_write,ingest_over_get,load_after_ingest\n");
        }
        Files.writeString(csv, String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.2f,%.3f,%.2f%n",
                result.get("at"), label.replace(',', ' '), connections, seconds, get.perSecond(), write.perSecond(), post.perSecond(),
                post.percentileMs(50), post.percentileMs(90), post.percentileMs(99), write.percentileMs(99), get.percentileMs(99),
                vsWrite, vsGet, post.loadAfter), java.nio.file.StandardOpenOption.APPEND);
        Path svg = out.resolve("ingest-" + stamp + ".svg");
        Files.writeString(svg, Chart.svg(get, write, post, label, connections));
        System.out.println("results: " + out.resolve("ingest-" + stamp + ".json") + ", " + csv + ", " + svg);
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(json(String.valueOf(k)) + ":" + toJson(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (o instanceof String s) {
            return json(s);
        }
        if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        return String.valueOf(o);
    }

    /** A small SVG: throughput bars (log scale) with the ingest ratio, and the p50/p99 latencies. */
    static final class Chart {
        static String svg(Stats get, Stats write, Stats post, String label, int connections) {
            Stats[] bars = {get, write, post};
            String[] names = {"bare JAX-RS GET", "naive durable write", "Handoff message ingest"};
            String[] colors = {"#9aa5b1", "#5b7083", "#2b8a3e"};
            int w = 720;
            int h = 300;
            double max = Math.log10(Arrays.stream(bars).mapToDouble(Stats::perSecond).max().orElse(10) * 1.5);
            StringBuilder b = new StringBuilder();
            b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                    .append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
            b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Message ingest vs. references, one run, %d connections%s</text>%n",
                    connections, label.isEmpty() ? "" : " (" + escape(label) + ")"));
            int left = 190;
            int barMax = w - left - 200;
            for (int i = 0; i < bars.length; i++) {
                int y = 50 + i * 70;
                double v = bars[i].perSecond();
                int len = (int) Math.max(2, barMax * Math.log10(Math.max(1, v)) / max);
                b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 22, names[i]));
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"32\" fill=\"%s\"/>%n", left, y, len, colors[i]));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,.0f req/s · p50 %.0f ms · p99 %.0f ms</text>%n",
                        left + len + 8, y + 21, v, bars[i].percentileMs(50), bars[i].percentileMs(99)));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">ingest = %.2f× the naive write (target ≥ 1.5×), %.3f× the bare GET; bar length on a log scale; load average %.1f</text>%n",
                    h - 25, post.perSecond() / write.perSecond(), post.perSecond() / get.perSecond(), post.loadAfter));
            return b.append("</svg>\n").toString();
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
