import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's load benchmark (bench/README.md, "Desk"): the three targets of issue 10 that the
 * ingest driver does not measure, against one running Handoff with the reference WAR beside it.
 *
 * <ul>
 *   <li><b>offer</b>: {@code --agents} agents sign in through the portal's login form like a
 *   browser, open their inbox page and its Faces push socket ({@code /jakarta.faces.push/inbox?…},
 *   the JDK's WebSocket with the session cookie) and heartbeat every 30 s. A bot platform keeps
 *   {@code --live} chats open and posts customer and bot messages at {@code --rate} per second; a
 *   share escalates. On every push an agent's browser sends the refresh the page's
 *   {@code <f:ajax event="offers">} sends and reads the offer cards; the escalating POST's send time
 *   to the push that led to the refresh showing the offer is the measured latency. Agents accept
 *   (through the reference WAR's agent resource), reply and resolve after {@code --hold} s.</li>
 *   <li><b>refresh</b>: the agents are filled to capacity and {@code --waiting} more handoffs are
 *   escalated and left waiting; then the inbox (page and push refresh) of sampled agents and the
 *   supervisor's queue (page and its push refresh, {@code refreshQueue}) are timed one request at a
 *   time.</li>
 *   <li><b>soak</b>: the offer phase's load for {@code --soak-minutes}, the server's heap after a
 *   full GC sampled every {@code --heap-every} s with jcmd ({@code --pid}).</li>
 * </ul>
 *
 * Run with the JDK's source launcher: {@code java bench/desk/DeskBench.java --base … --key … --phases offer,refresh}.
 */
public class DeskBench {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern VIEW_STATE_PARTIAL = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
    static final Pattern PUSH_URL = Pattern.compile("(/jakarta\\.faces\\.push/(inbox|queue)\\?[^\"'\\\\]+)");
    static final Pattern PUSH_SOURCE = Pattern.compile("faces\\.push\\.init\\(\\s*[\"']([^\"']+)[\"']");
    static final Pattern REMOTE = Pattern.compile("refreshQueue\\s*=\\s*function[^{]*\\{[^}]*s:\\s*\"([^\"]+)\"");
    static final Pattern OFFER = Pattern.compile("class=\"card offer\" data-conversation=\"([0-9a-f-]{36})\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    static final Pattern WAITING = Pattern.compile("id=\"totalWaiting\"><span class=\"n\">(\\d+)</span>");

    final Map<String, String> opts;
    final String base;
    final String key;
    final HttpClient http;
    final HttpClient sockets;
    final int agentCount;
    final int capacity;
    final int live;
    final double rate;
    final double escalateShare;
    final int hold;
    final int offerSeconds;
    final int waiting;
    final int samples;
    final int soakMinutes;
    final int heapEvery;
    final String pid;
    final Path out;
    final ExecutorService pool = Executors.newCachedThreadPool(daemon("desk"));
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, daemon("desk-timer"));
    final Map<String, Object> results = new LinkedHashMap<>();
    /** {@code --trace FILE}: every push, refresh, socket close and escalation, one line each (epoch ms first), to find lost offers. */
    final java.io.PrintWriter trace;
    final AtomicLong socketsClosed = new AtomicLong();

    void trace(String line) {
        if (trace != null) {
            synchronized (trace) {
                trace.println(System.currentTimeMillis() + " " + line);
            }
        }
    }

    DeskBench(Map<String, String> opts) {
        this.opts = opts;
        base = opts.getOrDefault("base", "http://127.0.0.1:18100");
        key = opts.get("key");
        agentCount = Integer.parseInt(opts.getOrDefault("agents", "500"));
        capacity = Integer.parseInt(opts.getOrDefault("capacity", "2"));
        live = Integer.parseInt(opts.getOrDefault("live", "500"));
        rate = Double.parseDouble(opts.getOrDefault("rate", "10"));
        escalateShare = Double.parseDouble(opts.getOrDefault("escalate-share", "0.03"));
        hold = Integer.parseInt(opts.getOrDefault("hold", "120"));
        offerSeconds = Integer.parseInt(opts.getOrDefault("seconds", "300"));
        waiting = Integer.parseInt(opts.getOrDefault("waiting", "5000"));
        samples = Integer.parseInt(opts.getOrDefault("samples", "200"));
        soakMinutes = Integer.parseInt(opts.getOrDefault("soak-minutes", "30"));
        heapEvery = Integer.parseInt(opts.getOrDefault("heap-every", "60"));
        pid = opts.get("pid");
        out = Path.of(opts.getOrDefault("out", "bench/results"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newCachedThreadPool(daemon("http"))).build();
        // the push sockets on a client of their own, so a push is taken (and timed) without waiting behind HTTP answers
        sockets = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(daemon("push"))).build();
        try {
            trace = opts.containsKey("trace") ? new java.io.PrintWriter(Files.newBufferedWriter(Path.of(opts.get("trace"))), true) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("key")) {
            System.err.println("usage: java DeskBench.java --key hk_... [--base URL] [--phases offer,refresh,soak] [--agents 500] [--capacity 2]"
                    + " [--live 500] [--rate 10] [--escalate-share 0.03] [--hold 120] [--seconds 300] [--waiting 5000] [--samples 200]"
                    + " [--soak-minutes 30] [--heap-every 60] [--pid SERVER_PID] [--out DIR] [--label TEXT]");
            System.exit(2);
        }
        DeskBench bench = new DeskBench(opts);
        int code = 0;
        try {
            bench.run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- the run

    final List<Browser> agents = new ArrayList<>();
    final Map<String, Browser> byUser = new ConcurrentHashMap<>();
    BotPlatform bots;

    void run() throws Exception {
        Set<String> phases = new LinkedHashSet<>(List.of(opts.getOrDefault("phases", "offer,refresh").split(",")));
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        results.put("time", Instant.now().toString());
        results.put("label", opts.getOrDefault("label", ""));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("settings", Map.of("agents", agentCount, "capacity", capacity, "live", live, "rate", rate,
                "escalateShare", escalateShare, "hold", hold, "waiting", waiting));
        results.put("loadAtStart", loadAverage());
        prepareAgents();
        bots = new BotPlatform();
        if (phases.contains("offer") || phases.contains("soak")) {
            bots.open(live);
        }
        if (phases.contains("offer")) {
            offerPhase(offerSeconds, "offer");
        }
        if (phases.contains("soak")) {
            soakPhase();
        }
        if (phases.contains("refresh")) {
            refreshPhase();
        }
        results.put("loadAtEnd", loadAverage());
        Files.createDirectories(out);
        Path json = out.resolve("desk-" + stamp + ".json");
        Files.writeString(json, Json.write(results) + "\n");
        System.out.println("results: " + json);
    }

    /** Creates the agents (reference WAR), signs each in through the portal and opens its inbox and push socket. */
    void prepareAgents() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> setup = post(base + "/reference/api/agents/setup?count=" + agentCount + "&capacity=" + capacity, null, null);
        if (setup.statusCode() / 100 != 2) {
            // with --seed false the agents are there from an earlier run; signing in sets them online
            System.out.println("agent setup answered " + setup.statusCode() + "; signing in the agents there are");
        }
        List<Browser> signedIn = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(agentCount);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService signIn = Executors.newFixedThreadPool(16, daemon("sign-in"));
        for (int i = 1; i <= agentCount; i++) {
            String user = "bench" + i;
            signIn.submit(() -> {
                try {
                    Browser b = new Browser(user, "bench-password-1");
                    b.signIn();
                    b.openInbox();
                    signedIn.add(b);
                    // the page's script beats every 30 s from the start: without it the presence timer
                    // writes the early ones offline while the others are still signing in
                    long delay = ThreadLocalRandom.current().nextLong(1_000, 30_000);
                    timer.scheduleAtFixedRate(b::heartbeat, delay, 30_000, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.out.println("sign-in of " + user + " failed: " + e);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        signIn.shutdown();
        agents.addAll(signedIn);
        agents.forEach(b -> byUser.put(b.user, b));
        System.out.printf(Locale.ROOT, "%d agents signed in with inbox and push socket open (%d failed) in %.0f s; capacity %d each%n",
                agents.size(), failed.get(), (System.nanoTime() - t0) / 1e9, capacity);
        results.put("agentsSignedIn", agents.size());
    }

    // ---------------------------------------------------------------- target 1: offer on the push channel

    final Stats pushLatency = new Stats("escalating POST -> offer push");
    final Stats screenLatency = new Stats("escalating POST -> offer on screen (push + refresh)");
    final Stats inboxPushRefresh = new Stats("inbox refresh on push");
    final AtomicLong escalations = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptFailed = new AtomicLong();
    final AtomicLong acceptRetried = new AtomicLong();
    final AtomicLong nudges = new AtomicLong();
    final AtomicLong refreshErrors = new AtomicLong();
    volatile String lastError;
    /** Escalated conversations whose offer nobody has seen yet: id -> nanoTime the escalating POST was sent. */
    final Map<String, Long> pendingOffers = new ConcurrentHashMap<>();
    volatile boolean measuring;
    volatile boolean resolveAfterHold = true;

    void offerPhase(int seconds, String name) throws Exception {
        System.out.printf(Locale.ROOT, "%s: %d live chats, %.0f messages/s, about %.0f%% of customer messages escalating, agents resolve after %d s; %d s%n",
                name, live, rate, escalateShare * 100, hold, seconds);
        double loadBefore = loadAverage();
        bots.start();
        // a short warm-up, not measured
        Thread.sleep(Math.min(30, seconds / 5) * 1000L);
        pushLatency.reset();
        screenLatency.reset();
        inboxPushRefresh.reset();
        bots.posts.reset();
        escalations.set(0);
        measuring = true;
        List<Double> loads = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Thread.sleep(10_000);
            loads.add(loadAverage());
            System.out.printf(Locale.ROOT, "  %s: %d escalations, offers seen %d (push p50 %.0f p99 %.0f ms), %d posts (p50 %.0f ms), %d agent chats, %d bot chats, load %.1f%n",
                    name, escalations.get(), pushLatency.count(), pushLatency.pct(50), pushLatency.pct(99), bots.posts.count(), bots.posts.pct(50),
                    bots.agentChats(), live - bots.agentChats(), loads.get(loads.size() - 1));
        }
        measuring = false;
        bots.stop();
        long unseen = pendingOffers.values().stream().filter(t -> System.nanoTime() - t > 10_000_000_000L).count();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", seconds);
        r.put("escalations", escalations.get());
        r.put("offersSeen", pushLatency.count());
        r.put("offersNotSeenAfter10s", unseen);
        r.put("push", pushLatency.summary());
        r.put("screen", screenLatency.summary());
        r.put("inboxRefreshOnPush", inboxPushRefresh.summary());
        r.put("posts", bots.posts.summary());
        r.put("accepted", accepted.get());
        r.put("acceptFailed", acceptFailed.get());
        r.put("acceptRetried", acceptRetried.get());
        r.put("refreshErrors", refreshErrors.get());
        r.put("pushSocketsClosed", socketsClosed.get());
        r.put("loadBefore", loadBefore);
        r.put("load", loads);
        results.put(name, r);
        System.out.println(pushLatency.line());
        System.out.println(screenLatency.line());
        System.out.println(inboxPushRefresh.line());
        System.out.println(bots.posts.line());
        System.out.printf(Locale.ROOT, "  %d escalations, %d offers seen, %d not seen after 10 s, %d accepted (%d refused, %d tried again), %d refresh errors, %d push sockets closed%s; load %.1f -> %s%n",
                escalations.get(), pushLatency.count(), unseen, accepted.get(), acceptFailed.get(), acceptRetried.get(), refreshErrors.get(), socketsClosed.get(),
                lastError == null ? "" : " (last: " + lastError + ")", loadBefore, loads);
    }

    /** An agent's refresh showed these offers; the ones we are waiting for are measured and accepted. */
    void offersShown(Browser agent, List<String> offers, long nudgeNanos, long shownNanos) {
        for (String id : offers) {
            Long sent;
            synchronized (pendingOffers) {
                sent = pendingOffers.remove(id);
                if (sent == null) {
                    if (measuredOffers.contains(id)) {
                        // measured already, and offered again (the first agent's offer ran out, or their accept
                        // was refused): this agent takes it, as a person would, but it is not timed twice
                        takeOnce(agent, id);
                        continue;
                    }
                    // the push is sent when the escalation commits, before the POST is answered: the card may
                    // show before the bot platform knows the chat escalated (escalated() picks it up then)
                    shownEarly.putIfAbsent(id, new Shown(agent, nudgeNanos, shownNanos));
                    continue;
                }
            }
            measured(agent, id, sent, nudgeNanos, shownNanos);
        }
    }

    record Shown(Browser agent, long nudge, long shown) {}

    /** Offers shown before their escalating POST was answered. */
    final Map<String, Shown> shownEarly = new ConcurrentHashMap<>();

    /** The bot platform learnt that this POST (sent at {@code sent}) escalated the chat. */
    void escalated(String id, long sent) {
        trace("escalated " + id);
        Shown early;
        synchronized (pendingOffers) {
            early = shownEarly.remove(id);
            if (early == null) {
                pendingOffers.put(id, sent);
                return;
            }
        }
        measured(early.agent(), id, sent, early.nudge(), early.shown());
    }

    /** Escalations whose offer was measured: a later card of theirs (offered again) is taken, not timed. */
    final Set<String> measuredOffers = ConcurrentHashMap.newKeySet();
    /** agent + chat pairs being taken, so that a card shown by several refreshes is accepted once. */
    final Set<String> taking = ConcurrentHashMap.newKeySet();

    private void measured(Browser agent, String id, long sent, long nudgeNanos, long shownNanos) {
        measuredOffers.add(id);
        if (measuring) {
            pushLatency.add(Math.max(0, nudgeNanos - sent));
            screenLatency.add(shownNanos - sent);
        }
        takeOnce(agent, id);
    }

    /** The agent reads the card for 0.3-1.5 s and clicks Accept. */
    void takeOnce(Browser agent, String id) {
        if (taking.add(agent.user + " " + id)) {
            long think = ThreadLocalRandom.current().nextLong(300, 1500);
            timer.schedule(() -> pool.submit(() -> accept(agent, id, 1)), think, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Accepts through the agent resource. A 409 "changed while you were accepting" (the accept lost a row
     * lock, for example to the customer's next message) leaves the card on the agent's screen, and an
     * agent clicks Accept again: so does the driver, up to three times. Before, the driver gave up, the
     * offer ran out after the offer time-out and reached another agent whose card the driver never
     * accepted either (the 45 s and 90 s tails of the first runs).
     */
    void accept(Browser agent, String conversation, int attempt) {
        try {
            HttpResponse<String> r = post(base + "/reference/api/agents/" + agent.user + "/accept/" + conversation, null, null);
            if (r.statusCode() / 100 != 2) {
                acceptFailed.incrementAndGet();
                lastError = "accept " + r.statusCode() + " " + r.body();
                trace("refused " + agent.user + " " + conversation + " " + r.statusCode());
                if (r.statusCode() == 409 && r.body().contains("changed while you were accepting") && attempt < 3) {
                    acceptRetried.incrementAndGet();
                    timer.schedule(() -> pool.submit(() -> accept(agent, conversation, attempt + 1)),
                            ThreadLocalRandom.current().nextLong(300, 1000), TimeUnit.MILLISECONDS);
                } else {
                    taking.remove(agent.user + " " + conversation);
                }
                return;
            }
            accepted.incrementAndGet();
            trace("accepted " + agent.user + " " + conversation);
            bots.handedOver(conversation, agent.user);
        } catch (Exception e) {
            acceptFailed.incrementAndGet();
            lastError = e.toString();
        }
    }

    // ---------------------------------------------------------------- target 2: inbox and queue at scale

    void refreshPhase() throws Exception {
        resolveAfterHold = false;
        bots.stopAll();
        System.out.printf(Locale.ROOT, "refresh: filling %d agents to %d chats each, then %d handoffs left waiting%n", agents.size(), capacity, waiting);
        long t0 = System.nanoTime();
        ExecutorService seeders = Executors.newFixedThreadPool(12, daemon("seed"));
        // --seed false measures what an earlier run left in the database (another build on the same data)
        int wanted = Boolean.parseBoolean(opts.getOrDefault("seed", "true")) ? agents.size() * capacity + waiting : 0;
        AtomicInteger escalated = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(wanted);
        for (int i = 0; i < wanted; i++) {
            seeders.submit(() -> {
                try {
                    if (bots.escalateNew()) {
                        int n = escalated.incrementAndGet();
                        if (n % 500 == 0) {
                            System.out.printf(Locale.ROOT, "  %d escalated, %d accepted, %.0f s, load %.1f%n", n, accepted.get(), (System.nanoTime() - t0) / 1e9, loadAverage());
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    lastError = e.toString();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        seeders.shutdown();
        Thread.sleep(5_000); // the last offers accepted
        cloneWaiting();
        Browser supervisor = new Browser("sam", opts.getOrDefault("supervisor-password", "handoff-demo"));
        supervisor.signIn();
        String queuePage = supervisor.openQueue();
        Matcher w = WAITING.matcher(queuePage);
        String shownWaiting = w.find() ? w.group(1) : "?";
        System.out.printf(Locale.ROOT, "  seeded in %.0f s: %d escalated (%d failed), %d accepted; the queue page shows %s waiting (%d KB)%n",
                (System.nanoTime() - t0) / 1e9, escalated.get(), failures.get(), accepted.get(), shownWaiting, queuePage.length() / 1024);
        double loadBefore = loadAverage();
        Stats inboxGet = new Stats("inbox page GET");
        Stats inboxRefresh = new Stats("inbox push refresh");
        Stats queueGet = new Stats("queue page GET");
        Stats queueRefresh = new Stats("queue push refresh (refreshQueue)");
        // warm-up
        for (int i = 0; i < 10; i++) {
            supervisor.refreshQueue();
            agents.get(i % agents.size()).refreshInbox();
        }
        List<Double> loads = new ArrayList<>();
        long queueBytes = 0;
        Map<String, Double> cpuBefore = cpuSeconds();
        long sampleStart = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            Browser a = agents.get(ThreadLocalRandom.current().nextInt(agents.size()));
            long s = System.nanoTime();
            a.openInbox(SAMPLE + "inbox-get");
            inboxGet.add(System.nanoTime() - s);
            s = System.nanoTime();
            a.refreshInbox(SAMPLE + "inbox-refresh");
            inboxRefresh.add(System.nanoTime() - s);
            s = System.nanoTime();
            queueBytes = supervisor.refreshQueue(SAMPLE + "queue-refresh").length();
            queueRefresh.add(System.nanoTime() - s);
            if (i % 4 == 0) {
                s = System.nanoTime();
                supervisor.openQueue(SAMPLE + "queue-get");
                queueGet.add(System.nanoTime() - s);
            }
            if (i % 20 == 0) {
                loads.add(loadAverage());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("waitingShown", shownWaiting);
        r.put("agentsOnline", agents.size());
        r.put("queueRefreshBytes", queueBytes);
        for (Stats s : List.of(inboxGet, inboxRefresh, queueGet, queueRefresh)) {
            r.put(s.name, s.summary());
            System.out.println(s.line());
        }
        double wall = (System.nanoTime() - sampleStart) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        cpuSeconds().forEach((who, after) -> cores.put(who, Math.round((after - cpuBefore.get(who)) / wall * 100) / 100.0));
        r.put("coresUsedWhileSampling", cores);
        System.out.printf(Locale.ROOT, "  cores used while sampling (%.0f s): %s%n", wall, cores);
        Map<String, Stats> server = serverTimes();
        if (!server.isEmpty()) {
            Map<String, Object> times = new LinkedHashMap<>();
            for (Stats s : server.values()) {
                times.put(s.name, s.summary());
                System.out.println(s.line());
            }
            r.put("serverTime", times);
        }
        r.put("loadBefore", loadBefore);
        r.put("load", loads);
        results.put("refresh", r);
        System.out.printf(Locale.ROOT, "  queue refresh answer %d KB; load %.1f -> %s%n", queueBytes / 1024, loadBefore, loads);
    }

    /** The query string that marks a sampled request in the server's access log. */
    static final String SAMPLE = "?bench-sample=";
    static final Pattern ACCESS_LINE = Pattern.compile("\"(?:GET|POST) [^ ?]*\\?bench-sample=([a-z-]+) [^\"]*\" (\\d{3}) \"(\\d+)\"");

    /**
     * {@code --access-log DIR}: the server's own time for each sampled request, read from Payara's access log
     * ({@code %request% %status% %time-taken%}, milliseconds from the request read to the answer written), so that
     * the refresh figures are server time, not the client's on a machine whose cores the driver shares.
     */
    Map<String, Stats> serverTimes() throws Exception {
        Map<String, Stats> byLabel = new LinkedHashMap<>();
        if (!opts.containsKey("access-log")) {
            return byLabel;
        }
        Thread.sleep(2_000); // the access log's writer flushes behind the requests
        try (var files = Files.list(Path.of(opts.get("access-log")))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = ACCESS_LINE.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(2).equals("200")) {
                        byLabel.computeIfAbsent(m.group(1), l -> new Stats("server time: " + l))
                                .add(Long.parseLong(m.group(3)) * 1_000_000L);
                    }
                }
            }
        }
        return byLabel;
    }

    /**
     * {@code --clone-waiting N --db NAME}: escalating through the API costs seconds per chat on a busy
     * machine, so the waiting line is topped up to N in SQL, cloned from the chats the API escalated
     * (same customers, skills and reasons; no messages), and the routing engine takes them in at its
     * next full sync ({@code --sync-wait}, 40 s). The views of cloned rows are a little cheaper than
     * real ones (no trigger rows, no transcript).
     */
    void cloneWaiting() throws Exception {
        int target = Integer.parseInt(opts.getOrDefault("clone-waiting", "0"));
        String db = opts.get("db");
        if (target <= 0 || db == null) {
            return;
        }
        String count = "SELECT COUNT(*) FROM conversation WHERE state = 'QUEUED'";
        int queued = Integer.parseInt(exec("mysql", "-uroot", "-N", "-B", db, "-e", count).trim());
        int missing = target - queued;
        if (missing > 0) {
            String sql = "INSERT INTO conversation (id, customer_id, channel, page_url, page_title, metadata, state, required_skill, priority,"
                    + " escalation_reason, message_count, created_at, escalated_at, version, entry_page_url, entry_page_title, predicted_wait_seconds)"
                    + " SELECT UUID(), c.customer_id, c.channel, c.page_url, c.page_title, c.metadata, 'QUEUED', c.required_skill, c.priority,"
                    + " c.escalation_reason, 0, c.created_at, c.escalated_at + INTERVAL s.seq MICROSECOND, 0, c.entry_page_url, c.entry_page_title,"
                    + " c.predicted_wait_seconds FROM conversation c JOIN seq_1_to_10000 s WHERE c.state = 'QUEUED' LIMIT " + missing;
            System.out.print(exec("mysql", "-uroot", db, "-e", sql));
        }
        int wait = Integer.parseInt(opts.getOrDefault("sync-wait", "40"));
        System.out.printf(Locale.ROOT, "  %d waiting after cloning %d in SQL (was %d); %d s for the engine's full sync%n",
                Integer.parseInt(exec("mysql", "-uroot", "-N", "-B", db, "-e", count).trim()), Math.max(0, missing), queued, wait);
        results.put("clonedWaiting", Math.max(0, missing));
        Thread.sleep(wait * 1000L);
    }

    // ---------------------------------------------------------------- target 3: memory over a soak

    void soakPhase() throws Exception {
        if (pid == null) {
            throw new IllegalStateException("--pid of the server is needed for the soak");
        }
        List<Map<String, Object>> heap = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Runnable sample = () -> {
            try {
                long used = heapAfterGc();
                double min = (System.nanoTime() - start) / 60e9;
                heap.add(new LinkedHashMap<>(Map.of("minute", Math.round(min * 10) / 10.0, "usedMB", used / 1024.0 / 1024.0, "load", loadAverage())));
                System.out.printf(Locale.ROOT, "  heap after GC at %.1f min: %.1f MB (load %.1f)%n", min, used / 1048576.0, loadAverage());
            } catch (Exception e) {
                System.out.println("  heap sample failed: " + e);
            }
        };
        timer.scheduleAtFixedRate(sample, 0, heapEvery, TimeUnit.SECONDS);
        offerPhase(soakMinutes * 60, "soak");
        sample.run();
        results.put("heap", heap);
        List<Double> used = heap.stream().map(m -> (Double) m.get("usedMB")).toList();
        if (used.size() >= 4) {
            // the first samples include the warm-up (classes, caches filling); compare the second five minutes with the last five
            int n = used.size();
            int per = Math.max(1, 300 / heapEvery);
            double early = used.subList(Math.min(per, n - per), Math.min(2 * per, n)).stream().mapToDouble(d -> d).average().orElse(0);
            double late = used.subList(n - per, n).stream().mapToDouble(d -> d).average().orElse(0);
            double growth = (late - early) / early;
            results.put("heapGrowth", growth);
            System.out.printf(Locale.ROOT, "heap after GC: %.1f MB (minutes 5-10) -> %.1f MB (last 5 minutes): %+.1f%%; min %.1f, max %.1f MB%n",
                    early, late, growth * 100, used.stream().mapToDouble(d -> d).min().orElse(0), used.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    static final Pattern FULL_GC = Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");

    /**
     * Full GC in the server ({@code jcmd GC.run}), then the heap it left: from the server's GC log
     * ({@code --gc-log}, written by -Xlog:gc) when there is one, which is exact; otherwise
     * {@code GC.heap_info}'s "used", which also counts what was allocated since.
     */
    long heapAfterGc() throws IOException, InterruptedException {
        exec("jcmd", pid, "GC.run");
        if (opts.containsKey("gc-log")) {
            Matcher full = FULL_GC.matcher(Files.readString(Path.of(opts.get("gc-log"))));
            String last = null;
            while (full.find()) {
                last = full.group(1);
            }
            if (last != null) {
                return Long.parseLong(last) * 1024 * 1024;
            }
        }
        String info = exec("jcmd", pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IOException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    // ---------------------------------------------------------------- one signed-in browser

    final class Browser {
        final String user;
        final String password;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        volatile String viewState;
        volatile String pushSource;
        volatile String queueSource;
        volatile String queueViewState;
        volatile WebSocket socket;
        final ConcurrentLinkedQueue<Long> pendingNudges = new ConcurrentLinkedQueue<>();
        final AtomicBoolean refreshing = new AtomicBoolean();

        Browser(String user, String password) {
            this.user = user;
            this.password = password;
        }

        void signIn() throws Exception {
            HttpResponse<String> page = get("/login.xhtml");
            String vs = match(VIEW_STATE, page.body(), "login view state");
            String form = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                    + "&login%3Asubmit=&jakarta.faces.ViewState=" + enc(vs);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                throw new IOException("sign-in of " + user + " answered " + r.statusCode());
            }
        }

        /** GET the inbox page (what opening it in the browser costs), and open the push socket the first time. */
        void openInbox() throws Exception {
            openInbox("");
        }

        void openInbox(String query) throws Exception {
            HttpResponse<String> page = get("/agent/inbox.xhtml" + query);
            if (page.statusCode() != 200) {
                throw new IOException("inbox of " + user + " answered " + page.statusCode());
            }
            viewState = match(VIEW_STATE, page.body(), "inbox view state");
            if (socket == null) {
                pushSource = match(PUSH_SOURCE, page.body(), "push component");
                connect(match(PUSH_URL, page.body(), "push URL"));
            }
        }

        String openQueue() throws Exception {
            return openQueue("");
        }

        String openQueue(String query) throws Exception {
            HttpResponse<String> page = get("/supervisor/queue.xhtml" + query);
            if (page.statusCode() != 200) {
                throw new IOException("queue page answered " + page.statusCode());
            }
            queueViewState = match(VIEW_STATE, page.body(), "queue view state");
            queueSource = match(REMOTE, page.body(), "refreshQueue command");
            if (socket == null) {
                connect(match(PUSH_URL, page.body(), "push URL"));
            }
            return page.body();
        }

        void connect(String path) throws Exception {
            String ws = base.replaceFirst("^http", "ws") + path.replace("&amp;", "&");
            socket = sockets.newWebSocketBuilder().header("Cookie", cookieHeader()).connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(ws), new WebSocket.Listener() {
                        final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                String message = text.toString();
                                text.setLength(0);
                                trace("push " + user + " " + message);
                                onPush(message, System.nanoTime());
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            lastError = "push socket of " + user + " closed: " + statusCode + " " + reason;
                            socketsClosed.incrementAndGet();
                            trace("closed " + user + " " + statusCode + " " + reason);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            lastError = "push socket of " + user + " failed: " + error;
                            socketsClosed.incrementAndGet();
                            trace("socket-error " + user + " " + error);
                        }
                    }).get(20, TimeUnit.SECONDS);
        }

        /** As the page's {@code <f:ajax event="offers">}: a refresh per push, one at a time (Faces queues Ajax requests). */
        void onPush(String message, long at) {
            nudges.incrementAndGet();
            if (!message.contains("offers") || pushSource == null) {
                return; // "chat" and typing pushes refresh the inbox too, but only offers are measured
            }
            pendingNudges.add(at);
            if (refreshing.compareAndSet(false, true)) {
                pool.submit(this::drain);
            }
        }

        private void drain() {
            try {
                Long nudge;
                while ((nudge = pendingNudges.poll()) != null) {
                    try {
                        long s = System.nanoTime();
                        String answer = refreshInbox();
                        long shown = System.nanoTime();
                        if (measuring) {
                            inboxPushRefresh.add(shown - s);
                        }
                        List<String> offers = new ArrayList<>();
                        Matcher m = OFFER.matcher(answer);
                        while (m.find()) {
                            offers.add(m.group(1));
                        }
                        trace("shown " + user + " " + offers);
                        offersShown(this, offers, nudge, shown);
                    } catch (Exception e) {
                        refreshErrors.incrementAndGet();
                        lastError = "refresh of " + user + ": " + e;
                    }
                }
            } finally {
                refreshing.set(false);
                if (!pendingNudges.isEmpty() && refreshing.compareAndSet(false, true)) {
                    pool.submit(this::drain);
                }
            }
        }

        /** The Ajax request the inbox page's websocket behaviour sends on an "offers" push. */
        String refreshInbox() throws Exception {
            return refreshInbox("");
        }

        String refreshInbox(String query) throws Exception {
            String form = "push=push&jakarta.faces.ViewState=" + enc(viewState) + "&jakarta.faces.source=" + enc(pushSource)
                    + "&jakarta.faces.partial.event=offers&jakarta.faces.behavior.event=offers&jakarta.faces.partial.execute=" + enc(pushSource)
                    + "&jakarta.faces.partial.render=inbox&jakarta.faces.partial.ajax=true";
            return ajax("/agent/inbox.xhtml" + query, form);
        }

        /** PrimeFaces' {@code refreshQueue()} remote command, which the queue page runs on a push. */
        String refreshQueue() throws Exception {
            return refreshQueue("");
        }

        String refreshQueue(String query) throws Exception {
            String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=" + enc(queueSource) + "&jakarta.faces.partial.execute="
                    + enc(queueSource) + "&jakarta.faces.partial.render=queue&" + enc(queueSource) + "=" + enc(queueSource)
                    + "&push=push&jakarta.faces.ViewState=" + enc(queueViewState);
            return ajax("/supervisor/queue.xhtml" + query, form);
        }

        String ajax(String path, String form) throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Faces-Request", "partial/ajax")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            // a failed Ajax request is answered 200 with <error>, or, through the portal's error handling, with a
            // <redirect> to the error page: both are errors (the redirect read as "no offer cards" before, ADR 0041)
            if (r.statusCode() != 200 || !r.body().contains("<partial-response") || r.body().contains("<error>") || r.body().contains("<redirect")) {
                throw new IOException(path + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
            }
            return r.body();
        }

        void heartbeat() {
            try {
                send(HttpRequest.newBuilder(URI.create(base + "/agent/heartbeat")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("active=1")));
            } catch (Exception e) {
                lastError = "heartbeat of " + user + ": " + e;
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            try {
                return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            } catch (IOException e) {
                // a pooled keep-alive connection the server had closed ("header parser received no bytes"):
                // a GET is safe to send again, once, as a browser does
                return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            }
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return r;
        }

        String cookieHeader() {
            StringBuilder b = new StringBuilder();
            cookies.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return b.toString();
        }
    }

    // ---------------------------------------------------------------- the bot platform

    /** One chat as the bot platform sees it. */
    static final class Chat {
        final String id;
        int left;
        boolean customerNext = true;
        volatile String agent;
        volatile boolean ended;
        final AtomicBoolean busy = new AtomicBoolean();

        Chat(String id, int left) {
            this.id = id;
            this.left = left;
        }
    }

    final class BotPlatform {
        final List<Chat> chats = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Chat> byId = new ConcurrentHashMap<>();
        final Stats posts = new Stats("bot API posts");
        final ExecutorService posters = Executors.newFixedThreadPool(16, daemon("post"));
        volatile java.util.concurrent.ScheduledFuture<?> ticker;
        final AtomicInteger inFlight = new AtomicInteger();

        void open(int n) throws Exception {
            ExecutorService openers = Executors.newFixedThreadPool(8, daemon("open"));
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                openers.submit(() -> {
                    try {
                        Chat c = startChat();
                        chats.add(c);
                        byId.put(c.id, c);
                    } catch (Exception e) {
                        lastError = e.toString();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            openers.shutdown();
            System.out.printf(Locale.ROOT, "%d live chats open%n", chats.size());
        }

        int agentChats() {
            int n = 0;
            synchronized (chats) {
                for (Chat c : chats) {
                    if (c.agent != null) {
                        n++;
                    }
                }
            }
            return n;
        }

        /** Open loop: a message every 1/rate seconds to a chat nobody is posting to, at most 16 in flight. */
        void start() {
            long period = Math.max(1, Math.round(1_000_000 / rate));
            ticker = timer.scheduleAtFixedRate(() -> {
                if (inFlight.get() >= 64) {
                    return; // the server is behind: do not pile up
                }
                Chat c;
                synchronized (chats) {
                    if (chats.isEmpty()) {
                        return;
                    }
                    c = chats.get(ThreadLocalRandom.current().nextInt(chats.size()));
                }
                if (!c.busy.compareAndSet(false, true)) {
                    return;
                }
                inFlight.incrementAndGet();
                posters.submit(() -> {
                    try {
                        step(c);
                    } catch (Exception e) {
                        lastError = "post: " + e;
                    } finally {
                        c.busy.set(false);
                        inFlight.decrementAndGet();
                    }
                });
            }, period, period, TimeUnit.MICROSECONDS);
        }

        void stop() {
            if (ticker != null) {
                ticker.cancel(false);
            }
        }

        void stopAll() {
            stop();
        }

        void step(Chat chat) throws Exception {
            if (chat.ended || (chat.agent == null && chat.left <= 0)) {
                replace(chat, true);
                return;
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            boolean customer = chat.agent != null || chat.customerNext;
            String body;
            boolean escalating = false;
            if (customer) {
                escalating = chat.agent == null && r.nextDouble() < escalateShare;
                body = "{\"author\":\"customer\",\"text\":" + Json.quote(Texts.customer(escalating)) + "}";
            } else {
                body = "{\"author\":\"bot\",\"text\":" + Json.quote(Texts.bot()) + ",\"intent\":\"faq_generic\",\"confidence\":"
                        + String.format(Locale.ROOT, "%.2f", 0.55 + r.nextDouble() * 0.44) + "}";
            }
            long sent = System.nanoTime();
            HttpResponse<String> res = api("POST", "/conversations/" + chat.id + "/messages", body);
            long took = System.nanoTime() - sent;
            chat.customerNext = !customer;
            chat.left--;
            if (res.statusCode() != 201) {
                if (res.statusCode() == 409) {
                    chat.ended = true;
                }
                lastError = "post " + res.statusCode() + " " + res.body();
                return;
            }
            posts.add(took);
            if (res.body().contains("\"escalatedNow\":true")) {
                escalations.incrementAndGet();
                chat.agent = "?";
                escalated(chat.id, sent);
            }
        }

        /** An agent took the chat: two replies, resolved after --hold seconds (in the offer phase). */
        void handedOver(String conversation, String agent) {
            Chat chat = byId.get(conversation);
            if (chat == null) {
                return;
            }
            chat.agent = agent;
            timer.schedule(() -> pool.submit(() -> agentCall(agent + "/reply/" + conversation, Texts.agent())), 2, TimeUnit.SECONDS);
            if (resolveAfterHold) {
                long h = ThreadLocalRandom.current().nextLong(hold / 2 * 1000L + 1, hold * 3 / 2 * 1000L + 2);
                timer.schedule(() -> pool.submit(() -> {
                    if (resolveAfterHold) {
                        agentCall(agent + "/resolve/" + conversation, null);
                        chat.ended = true;
                    }
                }), h, TimeUnit.MILLISECONDS);
            }
        }

        void agentCall(String path, String text) {
            try {
                HttpResponse<String> r = post(base + "/reference/api/agents/" + path, text, "text/plain");
                if (r.statusCode() / 100 != 2) {
                    lastError = path + " " + r.statusCode() + " " + r.body();
                }
            } catch (Exception e) {
                lastError = path + " " + e;
            }
        }

        void replace(Chat chat, boolean close) throws Exception {
            if (close && !chat.ended) {
                api("POST", "/conversations/" + chat.id + "/close", null);
            }
            Chat fresh = startChat();
            synchronized (chats) {
                int i = chats.indexOf(chat);
                if (i >= 0) {
                    chats.set(i, fresh);
                } else {
                    chats.add(fresh);
                }
            }
            byId.remove(chat.id);
            byId.put(fresh.id, fresh);
        }

        /** For the refresh phase: a new chat whose first customer message asks for a person. */
        boolean escalateNew() throws Exception {
            Chat c = startChat();
            byId.put(c.id, c);
            for (int attempt = 0; attempt < 3; attempt++) {
                long sent = System.nanoTime();
                HttpResponse<String> res = api("POST", "/conversations/" + c.id + "/messages",
                        "{\"author\":\"customer\",\"text\":" + Json.quote(Texts.customer(true)) + "}");
                if (res.statusCode() == 201 && res.body().contains("\"escalatedNow\":true")) {
                    c.agent = "?";
                    escalated(c.id, sent);
                    return true;
                }
            }
            return false;
        }

        Chat startChat() throws Exception {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int customer = r.nextInt(1, 20_000);
            String body = "{\"customer\":{\"externalId\":\"desk-" + customer + "\",\"name\":" + Json.quote(Texts.name(customer))
                    + ",\"tier\":\"" + (customer % 7 == 0 ? "gold" : "standard") + "\"},\"channel\":\"web\"}";
            HttpResponse<String> res = api("POST", "/conversations", body);
            Matcher m = ID.matcher(res.body());
            if (res.statusCode() != 201 || !m.find()) {
                throw new IOException("start failed: " + res.statusCode() + " " + res.body());
            }
            return new Chat(m.group(1), r.nextInt(6, 24));
        }
    }

    // ---------------------------------------------------------------- plumbing

    HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String body, String type) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(600));
        b = body == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern p, String text, String what) throws IOException {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IOException("no " + what + " in the page: " + text.substring(0, Math.min(200, text.length())));
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * CPU seconds used so far by the server, this driver and MariaDB (from /proc; NaN where unknown): the refresh
     * phase prints the cores each used while it sampled, so that a figure taken at a load of 30 says whose load it was.
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("server", pid == null ? Double.NaN : procCpu(Path.of("/proc", pid, "stat")));
        m.put("driver", procCpu(Path.of("/proc/self/stat")));
        double db = Double.NaN;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(p.resolve("comm")).trim().equals("mariadbd")) {
                        db = procCpu(p.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        m.put("mariadb", db);
        return m;
    }

    static double procCpu(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, in clock ticks of 1/100 s
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Latencies in nanoseconds. */
    static final class Stats {
        final String name;
        private final List<Long> values = new ArrayList<>();

        Stats(String name) {
            this.name = name;
        }

        synchronized void add(long nanos) {
            values.add(nanos);
        }

        synchronized void reset() {
            values.clear();
        }

        synchronized int count() {
            return values.size();
        }

        synchronized double pct(double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count());
            for (double p : new double[] {50, 90, 95, 99, 100}) {
                m.put(p == 100 ? "max" : "p" + (int) p, Math.round(pct(p) * 10) / 10.0);
            }
            return m;
        }

        String line() {
            return String.format(Locale.ROOT, "%-52s n=%5d  p50 %7.1f  p90 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms",
                    name, count(), pct(50), pct(90), pct(95), pct(99), pct(100));
        }
    }

    /** Just enough JSON for the results file. */
    static final class Json {
        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return b.append('"').toString();
        }

        static String write(Object o) {
            if (o instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder("{");
                m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(String.valueOf(k))).append(':').append(write(v)));
                return b.append('}').toString();
            }
            if (o instanceof List<?> l) {
                StringBuilder b = new StringBuilder("[");
                l.forEach(v -> b.append(b.length() > 1 ? "," : "").append(write(v)));
                return b.append(']').toString();
            }
            if (o instanceof Number n) {
                double d = n.doubleValue();
                return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.valueOf(n);
            }
            return o == null ? "null" : quote(String.valueOf(o));
        }
    }

    /** Texts from templates filled with random words and numbers (as the ingest driver's): no two alike. */
    static final class Texts {
        static final String[] FIRST = {"Sarah", "Tom", "Aisha", "Lukas", "Mei", "Pablo", "Nora", "Ivan", "Chloe", "Omar", "Greta", "Ravi"};
        static final String[] LAST = {"Lee", "Novak", "Garcia", "Okafor", "Schmidt", "Tanaka", "Dubois", "Silva", "Berg", "Khan"};
        static final String[] THINGS = {"invoice", "password", "shipping address", "order", "subscription", "API token", "report",
            "team member", "profile photo", "delivery date", "export", "two-factor code", "webhook", "data backup"};
        static final String[] ACTIONS = {"log in", "upload a file", "change my plan", "add a colleague", "download the report",
            "reset my password", "connect Slack", "update my card", "cancel the order", "rename the project"};
        static final String[] CUSTOMER = {
            "Hi, where can I find my %T?",
            "How do I change the %T on account %N?",
            "Is there a way to export my %T as CSV or PDF?",
            "thanks! and how do I %A from my phone?",
            "ok, I tried that but the %T page is still empty",
            "quick question about %T number %N",
        };
        static final String[] ESCALATING = {
            "This is not helping, let me talk to a real person about %T %N",
            "I need a human agent now, my %T has been broken for %n days",
            "please connect me with an agent, I can't %A and it is urgent",
        };
        static final String[] BOT = {
            "You can find your %T under Settings > %T.",
            "To %A, open Settings and choose 'Edit'. Did that help?",
            "I can help with that. Which %T do you mean?",
            "Here is the article about %T: https://help.example.com/%N",
        };
        static final String[] AGENT = {
            "Hi, I'm taking over from the bot. I can see your %T %N, give me a moment.",
            "Thanks for waiting. I've fixed the %T; could you try again?",
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
                    case 'N' -> b.append(r.nextInt(10_000, 9_999_999));
                    case 'n' -> b.append(r.nextInt(2, 60));
                    default -> b.append('%').append(k);
                }
            }
            return b.toString();
        }
    }
}
