package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Issue 12's shift, played in real browsers on a server this test starts, kills ({@code kill -9}) and
 * starts again on the same database: three agents and a supervisor in separate browsers, 30
 * conversations through the bot API, a second tab left open on the history while the first works,
 * an agent who ignores his offers, a transfer list that must not offer anybody gone, a sign-out
 * with open chats, the restart in the middle with chats open, and an agent who does not come back.
 * At the end: no chat owned by an agent who is offline, no error or "Not allowed" page seen in any
 * browser, the offer countdown, the queue's longest wait and the chat's SLA seen ticking, and every
 * customer told what happened to their chat.
 *
 * <p>Compressed time: offers expire after 40 s, three missed offers in a row set an agent away, an owner gone
 * for 45 s loses the chat. Needs MariaDB/MySQL (the README's test command): the killed server's data
 * must outlive it.
 */
class ShiftUiIT {

    static final String PASSWORD = "handoff-demo";
    static final String DB = "handoff_it_shift";
    static final String LEFT = "Your agent had to leave; you are back in the queue and the next available agent will continue.";
    static final Map<String, String> CUSTOMERS = new LinkedHashMap<>();
    static final Map<Browser, String> USERS = new java.util.IdentityHashMap<>();
    static MicroProcess server;
    static String dbUrl;

    @BeforeAll
    static void startServer() throws SQLException {
        String url = System.getenv("HANDOFF_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:mysql:"), "the shift test needs MariaDB/MySQL (-Pmariadb): a killed server's data must outlive it");
        String admin = url.substring(0, url.indexOf('/', "jdbc:mysql://".length()) + 1);
        try (Connection db = DriverManager.getConnection(admin + "?useSSL=false&allowPublicKeyRetrieval=true", user(), password());
                Statement s = db.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        dbUrl = admin + DB + "?useSSL=false&allowPublicKeyRetrieval=true";
        server = MicroProcess.of(Map.of(
                "HANDOFF_DB_URL", dbUrl,
                "HANDOFF_ROUTING_OFFER_TIMEOUT_SECONDS", "40",
                "HANDOFF_ROUTING_MISSED_OFFERS_AWAY", "3",
                "HANDOFF_DESK_ABSENT_OWNER_SECONDS", "45",
                "HANDOFF_SLA_FIRST_RESPONSE_SECONDS", "120"),
                Path.of(System.getProperty("handoff.it.screenshots", "target/screenshots")).resolveSibling("shift-server.log"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("HANDOFF_DB_USER", "handoff");
    }

    private static String password() {
        return System.getenv().getOrDefault("HANDOFF_DB_PASSWORD", "handoff");
    }

    @Test
    void aShiftWithARestartLeavesNobodyStrandedAndEveryCustomerTold() {
        Api api = new Api(server.base(), Api.itKey());
        Map<String, String> customers = CUSTOMERS; // conversation id -> customer name
        Set<String> sentBack = new LinkedHashSet<>(); // chats that went back to the queue: those customers must be told
        try (Browser alice = browser(); Browser bob = browser(); Browser carol = browser(); Browser sam = browser()) {
            signIn(sam, "sam", "/supervisor/queue.xhtml");
            signIn(alice, "alice", "/agent/inbox.xhtml");
            signIn(bob, "bob", "/agent/inbox.xhtml");
            // alice keeps a second tab open on her history all shift; the first tab does the work
            String aliceInbox = alice.driver.getWindowHandle();
            alice.driver.switchTo().newWindow(WindowType.TAB);
            alice.open("/agent/history.xhtml");
            alice.waitFor(By.id("history:search"));
            alice.driver.switchTo().window(aliceInbox);

            // 1. technical chats go to bob, the only agent online with the skill; he ignores them, their countdown ticks
            for (int i = 1; i <= 2; i++) {
                customers.put(api.start("shift-tech-" + i, "Tech Customer " + i), "Tech Customer " + i);
            }
            List<String> tech = new ArrayList<>(customers.keySet());
            for (String id : tech) {
                api.say(id, "customer", "the export API returns error 500 on every call, connect me to an engineer please");
            }
            By bobsOffer = By.cssSelector(".offer .offer-countdown .countdown");
            String countdown = bob.until(d -> {
                String t = d.findElements(bobsOffer).isEmpty() ? "" : d.findElement(bobsOffer).getText();
                return t.matches("\\d+:\\d\\d") ? t : null;
            });
            bob.until(d -> d.findElements(bobsOffer).stream().anyMatch(e -> !e.getText().equals(countdown)));
            bob.screenshot("shift-01-ignored-offer-ticking");
            // three missed offers in a row: bob is away, not offered work forever
            waitFor(() -> {
                sam.open("/supervisor/queue.xhtml");
                return sam.text(By.id("queue:agents")).lines().anyMatch(l -> l.contains("Bob Chen") && l.contains("away"));
            }, 240, "bob set away after three missed offers");
            signIn(carol, "carol", "/agent/inbox.xhtml");

            // 2. a wave of billing and general chats; alice and carol work them, and bob's chats with them
            List<String> wave = startChats(api, customers, 3, 12, false);
            sam.until(d -> !d.findElements(By.cssSelector("#totalLongest .n")).isEmpty());
            String longest = sam.text(By.cssSelector("#totalLongest .n"));
            sam.until(d -> !d.findElement(By.cssSelector("#totalLongest .n")).getText().equals(longest));
            sam.screenshot("shift-02-queue-during-a-wave");
            workUntilDone(api, wave, alice, carol);
            workUntilDone(api, tech, alice, carol);

            // 3. the transfer list offers nobody offline or away (dave never signed in, bob is away)
            List<String> next = startChats(api, customers, 13, 16, false);
            String held = take(alice, next);
            String sla = alice.waitFor(By.cssSelector(".sla .sla-left")).getText();
            alice.until(d -> !d.findElement(By.cssSelector(".sla .sla-left")).getText().equals(sla));
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) js(alice, "return Array.from(document.querySelectorAll(\"[id='chat:transferTo_input'] option\"))"
                    + ".map(function (o) { return o.text; });");
            assertTrue(targets.stream().noneMatch(t -> t.startsWith("Dave") || t.startsWith("Bob") || t.contains("(offline)") || t.contains("(away)")),
                    "transfer targets: " + targets);
            alice.screenshot("shift-03-chat-sla-ticking");
            resolveOpenChat(alice, held);

            // 4. carol signs out holding two chats: she is asked, they go back to the queue, the customers are told
            setPresence(alice, "Busy"); // no new offers for alice meanwhile: the next ones are carol's
            List<String> carols = new ArrayList<>();
            while (carols.size() < 2) {
                carols.add(take(carol, next.stream().filter(id -> !id.equals(held) && !carols.contains(id)).toList()));
                carol.open("/agent/inbox.xhtml");
            }
            setPresence(alice, "Online");
            assertEquals(2, carols.size(), "carol holds two chats");
            carol.driver.findElement(By.id("account:logout")).click();
            carol.waitFor(By.id("signOutForm:handOverAndSignOut"));
            assertEquals("2", carol.text(By.id("openChatCount")));
            // the colleagues who could continue are read when the dialog opens (not on every page's first render)
            @SuppressWarnings("unchecked")
            List<String> colleagues = (List<String>) ((org.openqa.selenium.JavascriptExecutor) carol.driver).executeScript(
                    "return Array.from(document.querySelectorAll(\"[id='signOutForm:handOverTo_input'] option\")).map(function (o) { return o.text; });");
            assertTrue(colleagues.stream().anyMatch(t -> t.startsWith("Alice") && t.endsWith("(online)")), colleagues.toString());
            carol.driver.findElement(By.id("signOutForm:handOverAndSignOut")).click();
            carol.waitForUrl("/login.xhtml");
            sentBack.addAll(carols);
            for (String id : carols) {
                assertTrue(List.of("queued", "assigned").contains(state(api, id)), "back in the queue (or already taken again): " + id);
            }
            workUntilDone(api, next, alice);

            // 5. the server is killed with chats open: alice holds two, carol (signed in again) one
            List<String> open = startChats(api, customers, 17, 19, false);
            signIn(carol, "carol", "/agent/inbox.xhtml");
            List<String> alices = new ArrayList<>();
            List<String> carolsNow = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 150_000;
            while ((alices.size() < 2 || carolsNow.isEmpty()) && System.currentTimeMillis() < deadline) {
                List<String> waiting = open.stream().filter(id -> !alices.contains(id) && !carolsNow.contains(id)).toList();
                if (alices.size() < 2) {
                    String a = acceptNext(alice, waiting);
                    if (a != null) {
                        alices.add(a);
                        alice.open("/agent/inbox.xhtml");
                        if (alices.size() == 2) {
                            setPresence(alice, "Busy"); // the third is carol's
                        }
                        continue;
                    }
                }
                if (carolsNow.isEmpty()) {
                    String c = acceptNext(carol, waiting);
                    if (c != null) {
                        carolsNow.add(c);
                        carol.open("/agent/inbox.xhtml");
                    }
                }
                MicroProcess.sleep(500);
            }
            assertEquals(2, alices.size(), "alice holds two chats at the restart");
            assertEquals(1, carolsNow.size(), "carol holds one chat at the restart");
            alice.open("/agent/chat.xhtml?id=" + alices.get(0));
            alice.waitFor(By.id("chat:reply"));
            server.kill();
            server.start();

            // every page left open notices by itself that its session is gone and goes to the login page
            // (the history tab follows on its next heartbeat, or carries on with the session alice signs in with)
            new org.openqa.selenium.support.ui.WebDriverWait(alice.driver, java.time.Duration.ofSeconds(75))
                    .until(d -> d.getCurrentUrl().contains("/login.xhtml"));
            new org.openqa.selenium.support.ui.WebDriverWait(sam.driver, java.time.Duration.ofSeconds(75))
                    .until(d -> d.getCurrentUrl().contains("/login.xhtml"));
            alice.screenshot("shift-04-after-restart-login");
            // alice signs in again and still owns her chats; carol does not come back
            alice.driver.findElement(By.id("login:username")).sendKeys("alice");
            alice.driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
            alice.driver.findElement(By.id("login:submit")).click();
            // and is back on a page she had open: the chat, or her history when that tab asked last (the
            // first pages after a start are slow: views compile)
            new org.openqa.selenium.support.ui.WebDriverWait(alice.driver, java.time.Duration.ofSeconds(90))
                    .until(d -> (d.getCurrentUrl().contains("/agent/chat.xhtml?id=" + alices.get(0)) || d.getCurrentUrl().contains("/agent/history.xhtml"))
                            && Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'")));
            for (String id : alices) {
                assertEquals("alice", owner(api, id), "alice came back in time and keeps " + id);
            }
            signIn(sam, "sam", "/supervisor/queue.xhtml");
            // carol's chat goes back to the queue once she has been gone too long; its customer is told
            waitFor(() -> "queued".equals(state(api, carolsNow.get(0))) || "alice".equals(owner(api, carolsNow.get(0))), 90, "carol's chat left her");
            sentBack.addAll(carolsNow);
            for (String id : alices) {
                resolveChat(alice, id);
            }
            alice.open("/agent/inbox.xhtml");
            workUntilDone(api, open, alice);

            // 6. the rest of the shift: bob is back and works too
            signIn(bob, "bob", "/agent/inbox.xhtml");
            setPresence(bob, "Online");
            List<String> last = startChats(api, customers, 20, 30, true);
            workUntilDone(api, last, alice, bob);

            // the end: nobody offline owns a chat, no error page anywhere, every customer told
            assertEquals(30, customers.size());
            assertEquals(List.of(), ownedByAbsentAgents(), "chats owned by agents who are offline or away");
            for (Browser b : List.of(alice, bob, carol, sam)) {
                for (String handle : b.driver.getWindowHandles()) {
                    b.driver.switchTo().window(handle);
                    assertEquals("[]", String.valueOf(js(b, "return localStorage.getItem('shift.errors') || '[]';")),
                            "error pages seen in a browser");
                }
            }
            for (Map.Entry<String, String> c : customers.entrySet()) {
                List<String> said = systemMessages(api, c.getKey());
                assertTrue(said.stream().anyMatch(m -> !m.endsWith("has joined the chat.") && !m.equals(LEFT)),
                        c.getValue() + " was told of the handoff before anyone joined: " + said);
                assertTrue(said.stream().anyMatch(m -> m.endsWith("has joined the chat.")), c.getValue() + " was told who took it: " + said);
                if (sentBack.contains(c.getKey())) {
                    assertTrue(said.contains(LEFT), c.getValue() + " was told the agent left: " + said);
                }
                assertEquals("resolved", state(api, c.getKey()), c.getValue());
            }
            sam.open("/supervisor/queue.xhtml");
            sam.waitFor(By.id("queue:agents"));
            sam.screenshot("shift-05-end-of-shift");
        }
    }

    // --- the people ---------------------------------------------------------------------------------

    private Browser browser() {
        Browser b = new Browser(server.base());
        // every page any tab loads is checked: an error page or "Not allowed" is remembered in the browser
        ((HasCdp) b.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.<String, Object>of("source",
                "document.addEventListener('DOMContentLoaded', function () {"
                        + " var h = document.querySelector('h1'); var t = h ? h.textContent.trim() : '';"
                        + " if (/^(Not allowed|Not found|Something went wrong)/.test(t) || /\\/errors\\//.test(location.pathname)) {"
                        + "  var seen = JSON.parse(localStorage.getItem('shift.errors') || '[]'); seen.push(location.pathname + ': ' + t);"
                        + "  localStorage.setItem('shift.errors', JSON.stringify(seen)); } });"));
        return b;
    }

    private static void signIn(Browser browser, String user, String home) {
        USERS.put(browser, user);
        browser.login(user, PASSWORD);
        browser.waitForUrl(home);
        browser.waitForPushSocket();
    }


    /** Starts customers {@code from..to} with billing messages that need a person; every third technical when asked. */
    private static List<String> startChats(Api api, Map<String, String> customers, int from, int to, boolean someTechnical) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String name = "Shift Customer " + i;
            String id = api.start("shift-" + i, name);
            customers.put(id, name);
            api.say(id, "customer", someTechnical && i % 3 == 0 ? "the export API returns error 500 since this morning, connect me to an engineer"
                    : i % 2 == 0 ? "I was charged twice for order " + (4000 + i) + ", please get me a person"
                    : "I want a refund for the duplicate charge on invoice " + (7000 + i) + ", connect me with an agent");
            ids.add(id);
        }
        return ids;
    }

    /** Chooses a status on the inbox (Online, Busy, Away, Offline). */
    private static void setPresence(Browser agent, String label) {
        if (!agent.driver.getCurrentUrl().contains("/agent/inbox.xhtml")) {
            agent.open("/agent/inbox.xhtml");
        }
        By button = By.xpath("//*[@id='inbox:presence']//*[contains(@class,'ui-button')][.//text()[normalize-space()='" + label + "']]");
        if (!agent.waitFor(button).getAttribute("class").contains("ui-state-active")) {
            agent.driver.findElement(button).click();
            agent.until(d -> d.findElement(button).getAttribute("class").contains("ui-state-active"));
        }
    }

    /** Accepts the offer of one of {@code ids} on the agent's inbox if there is one; the chat page is open after. */
    private static String acceptNext(Browser agent, List<String> ids) {
        if (!agent.driver.getCurrentUrl().contains("/agent/inbox.xhtml")) {
            agent.open("/agent/inbox.xhtml");
            agent.waitFor(By.id("inbox:queue"));
        }
        for (String id : ids) {
            List<WebElement> accept = agent.driver.findElements(By.cssSelector(".offer[data-conversation='" + id + "'] .accept"));
            if (!accept.isEmpty()) {
                try {
                    accept.get(0).click();
                    agent.waitForUrl("/agent/chat.xhtml?id=" + id);
                    agent.waitFor(By.id("chat:reply"));
                    return id;
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.TimeoutException e) {
                    agent.open("/agent/inbox.xhtml"); // the offer moved on meanwhile
                    return null;
                }
            }
        }
        return null;
    }

    /** Waits (up to a minute) for an offer of one of {@code ids} and accepts it. */
    private static String take(Browser agent, List<String> ids) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String id = acceptNext(agent, ids);
            if (id != null) {
                return id;
            }
            assertTrue(System.currentTimeMillis() < deadline, agentName(agent) + " was offered none of " + ids);
            MicroProcess.sleep(1000);
            agent.open("/agent/inbox.xhtml");
        }
    }

    /** Agents take their offers of {@code ids} in turn, reply and resolve, until every one is resolved. */
    private static void workUntilDone(Api api, List<String> ids, Browser... agents) {
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            List<String> open = ids.stream().filter(id -> !"resolved".equals(state(api, id))).toList();
            if (open.isEmpty()) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "chats still open after 4 minutes: " + open);
            boolean worked = false;
            for (Browser agent : agents) {
                String mine = open.stream().filter(id -> agentName(agent).equals(owner(api, id))).findFirst().orElse(null);
                if (mine != null) {
                    resolveChat(agent, mine);
                    worked = true;
                    continue;
                }
                // any offer of the shift is taken (offers left to expire three times in a row set the agent away)
                String taken = acceptNext(agent, CUSTOMERS.keySet().stream().filter(id -> !"resolved".equals(state(api, id))).toList());
                if (taken != null) {
                    resolveOpenChat(agent, taken);
                    worked = true;
                }
            }
            if (!worked) {
                MicroProcess.sleep(1000);
            }
        }
    }

    private static String agentName(Browser agent) {
        return USERS.getOrDefault(agent, "");
    }

    private static void resolveChat(Browser agent, String id) {
        agent.open("/agent/chat.xhtml?id=" + id);
        agent.waitFor(By.id("chat:reply"));
        resolveOpenChat(agent, id);
    }

    private static void resolveOpenChat(Browser agent, String id) {
        WebElement composer = agent.waitFor(By.id("chat:reply"));
        composer.clear();
        composer.sendKeys("Thanks for waiting, this is sorted now.");
        agent.driver.findElement(By.id("chat:send")).click();
        agent.waitForText(By.id("chat:transcript"), "this is sorted now");
        agent.waitFor(By.id("chat:resolution")).sendKeys("Sorted during the shift");
        agent.driver.findElement(By.id("chat:resolveButton")).click();
        agent.waitForText(By.id("chat:state"), "resolved");
        agent.open("/agent/inbox.xhtml");
        agent.waitFor(By.id("inbox:queue"));
    }

    // --- what the server says -------------------------------------------------------------------

    private static String state(Api api, String id) {
        return api.get("/api/v1/conversations/" + id).json().getString("state");
    }

    private static String owner(Api api, String id) {
        JsonObject c = api.get("/api/v1/conversations/" + id).json();
        return !c.containsKey("assignedAgent") || c.isNull("assignedAgent") ? null : c.getJsonObject("assignedAgent").getString("username");
    }

    private static List<String> systemMessages(Api api, String id) {
        return api.get("/api/v1/conversations/" + id + "/messages?after=0").json().getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().filter(m -> "system".equals(m.getString("author"))).map(m -> m.getString("text")).toList();
    }

    private static List<String> ownedByAbsentAgents() {
        String sql = "SELECT c.id, u.username, a.presence FROM conversation c JOIN agent a ON a.id = c.assigned_agent_id"
                + " JOIN app_user u ON u.id = a.user_id WHERE c.state = 'ASSIGNED' AND a.presence IN ('OFFLINE', 'AWAY')";
        try (Connection db = DriverManager.getConnection(dbUrl, user(), password()); Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " owned by " + rows.getString(2) + " (" + rows.getString(3) + ")");
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds, String what) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, what + ": not within " + seconds + " s");
            MicroProcess.sleep(1000);
        }
    }

}
