package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.web.report.PdfText;
import dev.handoff.web.report.Quarter;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The KPI dashboard on the real WAR: roll-ups written by concurrent API traffic add up exactly; the
 * demo's 90 days of history show; a supervisor filters to one team, drills down from a chart point
 * and from a table row to that team's conversations, downloads tables as CSV and the quarterly review
 * as PDF (read back with OpenPDF); agents get neither the page nor the PDF.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardUiIT {

    static final String PASSWORD = "handoff-demo";
    static final int CONVERSATIONS = 24;
    /** A channel of this run's own, so rows written by other test classes in the same database do not count. */
    static final String CHANNEL = "it-dash-" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")));
    }

    @ArquillianResource
    URL base;

    static int escalated;
    /** The conversations the concurrent test started: closed by the last test, so later classes find no queue left behind. */
    static final List<String> STARTED = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Starts and escalates conversations from 8 threads at once: every start and escalation adds to the same roll-up rows. */
    @Test
    @Order(1)
    @RunAsClient
    void concurrentTrafficAddsUpExactly() throws Exception {
        Api api = new Api(base.toString(), Api.itKey());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                String customer = CHANNEL + "-" + i;
                jobs.add(() -> {
                    Api.Reply started = api.post("/api/v1/conversations", "{\"customer\":{\"externalId\":\"" + customer
                            + "\",\"name\":\"Dash " + customer + "\"},\"channel\":\"" + CHANNEL + "\"}");
                    assertEquals(201, started.status(), started.toString());
                    String id = started.json().getString("id");
                    STARTED.add(id);
                    Api.Reply said = api.say(id, "customer", "This is useless, I want to talk to a human agent now");
                    assertEquals(201, said.status(), said.toString());
                    return said.json().getBoolean("escalated");
                });
            }
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                if (f.get()) {
                    escalated++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(escalated > 0, "the request for a person escalates");

        try (Browser browser = new Browser(base.toString())) {
            browser.login("sam", PASSWORD);
            browser.waitFor(By.id("nav-dashboard"));
            browser.open("/supervisor/dashboard.xhtml");
            browser.waitFor(By.id("dash:measures"));
            browser.choose("dash:channel", CHANNEL);
            browser.driver.findElement(By.id("dash:apply")).click();
            browser.waitForAjax();
            browser.until(d -> value(d.findElement(By.cssSelector("[data-measure='started']"))).equals(String.valueOf(CONVERSATIONS)));
            assertEquals(String.valueOf(escalated), value(browser.driver.findElement(By.cssSelector("[data-measure='escalated']"))),
                    "no escalation lost between concurrent transactions");
        }
    }

    private static String value(WebElement e) {
        return e.getText().strip();
    }

    @Test
    @Order(2)
    @RunAsClient
    void aSupervisorFiltersDrillsDownAndExports() throws Exception {
        Path downloads = Files.createTempDirectory("dashboard-csv");
        try (Browser browser = new Browser(base.toString())) {
            ((ChromeDriver) browser.driver).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.login("sam", PASSWORD);
            browser.waitFor(By.id("nav-dashboard")).click();
            browser.waitForUrl("/supervisor/dashboard.xhtml");
            browser.waitFor(By.id("dash:measures"));

            // the demo history: 30 days of conversations, and the 30 before them to compare with
            long started = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-measure='started']"))));
            assertTrue(started > 500, "the demo's history fills the last 30 days: " + started);
            String rate = value(browser.driver.findElement(By.cssSelector("[data-measure='handoff-rate']")));
            assertTrue(rate.endsWith("%"), rate);
            browser.screenshot("dashboard-01-overview");
            String topics = browser.text(By.id("dash:topics"));
            assertTrue(topics.contains("billing-dispute") && topics.contains("bot-training opportunity"), topics);
            assertTrue(browser.text(By.id("dash:precision")).contains("frustration"));

            // one team: the demo's agents are in two, emea (alice, bob) and americas (carol, dave)
            long allEscalated = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-measure='escalated']"))));
            browser.choose("dash:team", "emea");
            browser.driver.findElement(By.id("dash:apply")).click();
            browser.waitForAjax();
            browser.until(d -> !d.findElement(By.id("dash:topics")).getText().contains("explicit-human-request"));
            String teamTopics = browser.text(By.id("dash:topics"));
            assertTrue(teamTopics.contains("billing-dispute") && teamTopics.contains("technical-dead-end"), teamTopics);
            assertFalse(teamTopics.contains("frustration"), "general work is americas': " + teamTopics);
            long teamEscalated = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-measure='escalated']"))));
            assertTrue(teamEscalated > 0 && teamEscalated < allEscalated, teamEscalated + " of " + allEscalated);
            assertEquals(String.valueOf(started), value(browser.driver.findElement(By.cssSelector("[data-measure='started']"))),
                    "the handoff rate still divides by every conversation");
            assertTrue(browser.text(By.id("dash:measures")).contains("no team's"), "customers who left the queue are no team's");
            assertTrue(browser.text(By.id("dash:precision")).contains("billing-dispute"));
            browser.scrollTo(By.id("dash:handoffChart"));
            browser.screenshot("dashboard-02-team");

            // a chart point: the escalated conversations of that day
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            browser.until(d -> Boolean.TRUE.equals(js.executeScript("return !!(PF('handoffChart') && PF('handoffChart').chart)")));
            @SuppressWarnings("unchecked")
            List<Number> point = (List<Number>) js.executeScript(
                    "var c = PF('handoffChart').chart; var m = c.getDatasetMeta(0).data; var p = m[m.length - 2];"
                            + " var r = c.canvas.getBoundingClientRect(); return [p.x, p.y, r.width, r.height];");
            WebElement canvas = browser.driver.findElement(By.cssSelector("[id='dash:handoffChart'] canvas"));
            new Actions(browser.driver).moveToElement(canvas, (int) (point.get(0).doubleValue() - point.get(2).doubleValue() / 2),
                    (int) (point.get(1).doubleValue() - point.get(3).doubleValue() / 2)).click().perform();
            browser.waitForText(By.id("drillTitle"), "Escalated conversations started");
            String dayRows = browser.text(By.id("dash:drillTable"));
            assertTrue(dayRows.contains("emea") && !dayRows.contains("americas"), dayRows);

            // a table row: the conversations behind the billing topic (the team's other is technical-dead-end)
            By billingRow = By.xpath("//*[@id='dash:topics']//tr[td[1][starts-with(normalize-space(.), 'billing-dispute')]]//a[contains(@class, 'drill-topic')]");
            browser.scrollTo(billingRow);
            browser.driver.findElement(billingRow).click();
            browser.waitForText(By.id("drillTitle"), "Escalations with first trigger billing-dispute, team emea");
            String rows = browser.text(By.id("dash:drillTable"));
            assertTrue(rows.contains("billing-dispute") && rows.contains("emea") && !rows.contains("americas"), rows);
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('drillTitle').scrollIntoView(true)");
            browser.screenshot("dashboard-03-drill-down");

            // CSV of the drill-down and of the topics
            browser.driver.findElement(By.id("dash:exportDrill")).click();
            Path drillCsv = waitForFile(downloads, "handoff-conversations.csv");
            List<String> lines = Files.readAllLines(drillCsv, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).contains("Conversation") && lines.get(0).contains("First trigger") && lines.get(0).contains("\"Team\""),
                    lines.get(0));
            assertTrue(lines.size() > 2, "rows below the header: " + lines.size());
            assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("\"emea\"") && l.contains("\"billing-dispute\"")),
                    "every exported row is the team's and the topic's: " + lines);
            assertTrue(lines.get(1).contains("billing-dispute") && !lines.get(1).contains("#{"), lines.get(1));
            assertTrue(lines.get(1).matches("^\"[0-9a-f-]{36}\",.*"), "the full conversation id: " + lines.get(1));
            browser.scrollTo(By.id("dash:exportTopics"));
            browser.driver.findElement(By.id("dash:exportTopics")).click();
            List<String> topicCsv = Files.readAllLines(waitForFile(downloads, "handoff-topics.csv"), StandardCharsets.UTF_8);
            assertTrue(topicCsv.stream().skip(1).anyMatch(l -> l.startsWith("\"billing-dispute\"") && l.contains("%")), topicCsv.toString());
            assertTrue(topicCsv.stream().skip(1).noneMatch(l -> l.startsWith("\"explicit-human-request\"")), "the team's topics: " + topicCsv);
            browser.scrollTo(By.id("dash:exportMeasures"));
            browser.driver.findElement(By.id("dash:exportMeasures")).click();
            List<String> measureCsv = Files.readAllLines(waitForFile(downloads, "handoff-measures.csv"), StandardCharsets.UTF_8);
            assertTrue(measureCsv.stream().anyMatch(l -> l.startsWith("\"Handoff rate\",\"") && l.contains("%")), measureCsv.toString());
            assertTrue(measureCsv.stream().anyMatch(l -> l.startsWith("\"Escalated to a person\",\"" + teamEscalated + "\"")),
                    "the team's figures: " + measureCsv);

            // the quarterly review of this quarter (the demo history fills it to date), for the team
            Quarter quarter = Quarter.of(LocalDate.now(ZoneOffset.UTC));
            browser.choose("dash:quarter", quarter.toString());
            browser.waitForText(By.id("dash:quarterPdf"), "PDF, team emea");
            browser.until(d -> d.findElement(By.id("dash:quarterPdf")).getAttribute("href").contains("quarter=" + quarter));
            String href = browser.driver.findElement(By.id("dash:quarterPdf")).getAttribute("href");
            assertTrue(href.contains("team=emea"), href);
            browser.scrollTo(By.id("dash:quarterPdf"));
            browser.screenshot("dashboard-04-quarterly-pdf");
            browser.driver.findElement(By.id("dash:quarterPdf")).click();
            String fileName = "handoff-review-" + quarter + "-emea.pdf";
            byte[] downloaded = Files.readAllBytes(waitForFile(downloads, fileName));
            assertEquals("%PDF-", new String(downloaded, 0, 5, StandardCharsets.ISO_8859_1));

            // the same address with the browser's session: the headers, the text, and a clear 400 for a bad quarter
            HttpResponse<byte[]> pdf = fetch(href, cookies(browser));
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
            assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(fileName));
            String text = PdfText.of(pdf.body()).replaceAll("\\s+", " ");
            assertTrue(text.contains("Handoff quarterly review " + quarter), text);
            assertTrue(text.contains("Team emea"), text);
            assertTrue(text.contains("started " + quarter.first() + " to " + quarter.lastUntil(LocalDate.now(ZoneOffset.UTC))), text);
            assertTrue(text.contains("SLA compliance") && text.contains("billing-dispute"), text);
            HttpResponse<byte[]> bad = fetch(href.replace("quarter=" + quarter, "quarter=2999-Q1"), cookies(browser));
            assertEquals(400, bad.statusCode());
            assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("2999-Q1 has not started yet"));
            HttpResponse<byte[]> unknownTeam = fetch(href.replace("team=emea", "team=nobody"), cookies(browser));
            assertEquals(400, unknownTeam.statusCode());
        }
    }

    /** The browser session's cookies as a request header. */
    private static String cookies(Browser browser) {
        return browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    private static HttpResponse<byte[]> fetch(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path waitForFile(Path dir, String name) {
        Path file = dir.resolve(name);
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            if (Files.isRegularFile(file)) {
                try {
                    if (Files.size(file) > 0) {
                        return file;
                    }
                } catch (java.io.IOException e) {
                    // still being written
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no download " + name + " in " + dir);
    }

    /** Handoff's own Prometheus figures: only with the configured scrape token. */
    @Test
    @Order(3)
    @RunAsClient
    void operationsMetricsNeedTheScrapeToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create(base.toString().replaceAll("/$", "") + "/ops/metrics");
        java.net.http.HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        java.net.http.HttpResponse<String> wrong = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer not-the-token").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        java.net.http.HttpResponse<String> scraped = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + System.getProperty("handoff.it.scrapeToken", "it-scrape-token")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scraped.statusCode(), scraped.body());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = scraped.body();
        assertTrue(body.contains("# TYPE handoff_time_to_agent_seconds histogram"), body);
        assertTrue(body.contains("handoff_time_to_agent_seconds_bucket{le=\"+Inf\"}"), body);
        assertTrue(body.contains("handoff_waiting_customers "), body);
        assertTrue(body.contains("handoff_offers_pending "), body);
        assertTrue(body.contains("# TYPE handoff_integration_undelivered gauge"), body);
        assertTrue(body.contains("# TYPE handoff_integration_failed_attempts_24h gauge"), body);
        assertTrue(body.contains("handoff_queue_depth{skill=\"general\"}"), "the concurrent test's escalations wait: " + body);
        assertTrue(body.contains("handoff_trigger_firings_total{trigger=\"explicit-human-request\"}"), body);
    }

    @Test
    @Order(4)
    @RunAsClient
    void agentsCannotOpenTheDashboard() {
        try (Browser browser = new Browser(base.toString())) {
            browser.login("alice", PASSWORD);
            browser.waitForUrl("/agent/inbox.xhtml");
            assertTrue(browser.driver.findElements(By.id("nav-dashboard")).isEmpty());
            browser.open("/supervisor/dashboard.xhtml");
            browser.waitForText(By.tagName("h1"), "Not allowed");
            try {
                HttpResponse<byte[]> pdf = fetch(base.toString().replaceAll("/$", "") + "/supervisor/quarterly-report.pdf?quarter="
                        + Quarter.of(LocalDate.now(ZoneOffset.UTC)), cookies(browser));
                assertEquals(403, pdf.statusCode(), "the quarterly report is not an agent's");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Alice's own dashboard: her figures of the last 30 days, counted independently here from the
     * stored conversation facts (on MariaDB/MySQL), and no other agent anywhere on the page; a crafted
     * agent parameter changes nothing, since the page has none and the boundary takes the signed-in agent.
     */
    @Test
    @Order(5)
    @RunAsClient
    void anAgentSeesHerOwnDashboardOnly() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Browser browser = new Browser(base.toString())) {
            browser.login("alice", PASSWORD);
            browser.waitForUrl("/agent/inbox.xhtml");
            browser.waitFor(By.id("nav-my-dashboard")).click();
            browser.waitForUrl("/agent/dashboard.xhtml");
            browser.waitFor(By.id("mine:figures"));
            long handled = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-measure='handled']"))));
            String csat = value(browser.driver.findElement(By.cssSelector("[data-measure='csat']")));
            assertTrue(handled > 10, "the demo history gives alice billing chats most days: " + handled);
            Object[] stored = storedFigures("alice", today.minusDays(29), today);
            if (stored != null) {
                assertEquals(((Number) stored[0]).longValue(), handled, "the chats alice accepted first, counted from metric_conversation");
                assertEquals(((Number) stored[1]).doubleValue(), Double.parseDouble(csat), 0.006, "the mean rating of her rated chats");
            }
            String page = browser.text(By.tagName("main")).toLowerCase(java.util.Locale.ROOT);
            for (String other : List.of("bob", "carol", "dave", "sam")) {
                assertFalse(java.util.regex.Pattern.compile("\\b" + other + "\\b").matcher(page).find(), "no other agent on alice's dashboard: " + other);
            }
            assertTrue(browser.text(By.id("mine:figures")).contains("per agent"), "all agents' counts only per agent");
            // her first response and her occupancy against capacity, from the demo's history
            assertTrue(value(browser.driver.findElement(By.cssSelector("[data-measure='fr-median']"))).matches("\\d+ s"),
                    value(browser.driver.findElement(By.cssSelector("[data-measure='fr-median']"))));
            String occupancy = value(browser.driver.findElement(By.cssSelector("[data-measure='occupancy']")));
            assertTrue(occupancy.matches("\\d+\\.\\d %") && Double.parseDouble(occupancy.replace(" %", "")) > 0, occupancy);
            assertTrue(value(browser.driver.findElement(By.cssSelector("[data-measure='online']"))).matches("\\d+\\.\\d h"));
            for (String chart : List.of("mine:frChart", "mine:occupancyChart")) {
                browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "var c = document.querySelector(\"[id='" + chart + "'] canvas\"); return !!c && c.width > 0")));
            }
            browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector(\"[id='mine:chatsChart'] canvas\"); return !!c && c.width > 0")));
            browser.screenshot("dashboard-agent");

            // an agent's page takes no name: asking for bob's figures still shows alice's
            browser.open("/agent/dashboard.xhtml?agent=bob&user=bob&username=bob");
            browser.waitFor(By.id("mine:figures"));
            assertEquals(String.valueOf(handled), value(browser.driver.findElement(By.cssSelector("[data-measure='handled']"))));

            // a supervisor opens alice's dashboard from the overview and sees what she sees
            try (Browser sam = new Browser(base.toString())) {
                sam.login("sam", PASSWORD);
                sam.waitForUrl("/supervisor/queue.xhtml");
                sam.open("/supervisor/dashboard.xhtml");
                sam.waitFor(By.cssSelector(".agent-dashboard-link[data-agent='alice']")).click();
                sam.waitForUrl("/agent/dashboard.xhtml?agent=alice");
                sam.waitFor(By.id("mine:figures"));
                assertTrue(sam.text(By.tagName("h1")).contains("alice"), sam.text(By.tagName("h1")));
                assertEquals(String.valueOf(handled), value(sam.driver.findElement(By.cssSelector("[data-measure='handled']"))),
                        "the supervisor sees alice's own figures");
            }
        }
    }

    /**
     * Admin publishes a pilot group (alice and bob) on the routing page; the supervisor's overview then
     * shows the group beside everyone else (carol and dave), each side counted here from the stored
     * facts. The pilot group is withdrawn afterwards, so later classes route to everybody.
     */
    @Test
    @Order(6)
    @RunAsClient
    void aSupervisorSeesThePilotGroupBesideEveryoneElse() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            publishPilotGroup("alice, bob");
            try (Browser browser = new Browser(base.toString())) {
                browser.login("sam", PASSWORD);
                browser.waitFor(By.id("nav-dashboard")).click();
                browser.waitForUrl("/supervisor/dashboard.xhtml");
                browser.waitFor(By.id("dash:pilotTable"));
                assertTrue(browser.text(By.id("pilotPublished")).contains("Pilot group published " + today), browser.text(By.id("pilotPublished")));
                assertEquals("alice, bob", browser.driver.findElement(By.id("dash:pilotAgents")).getAttribute("value"));
                long pilot = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-pilot='handled']"))));
                long others = Long.parseLong(value(browser.driver.findElement(By.cssSelector("[data-others='handled']"))));
                assertTrue(pilot > 0 && others > 0, pilot + " / " + others);
                Object[] alice = storedFigures("alice", today.minusDays(29), today);
                if (alice != null) {
                    long bob = ((Number) storedFigures("bob", today.minusDays(29), today)[0]).longValue();
                    long carol = ((Number) storedFigures("carol", today.minusDays(29), today)[0]).longValue();
                    long dave = ((Number) storedFigures("dave", today.minusDays(29), today)[0]).longValue();
                    assertEquals(((Number) alice[0]).longValue() + bob, pilot, "alice's and bob's chats");
                    assertTrue(others >= carol + dave, "carol's and dave's (and any other agent's): " + others);
                }
                String table = browser.text(By.id("dash:pilotTable"));
                assertTrue(table.contains("Not-needed rate") && table.contains("CSAT") && table.contains("First-response target met"), table);
                browser.scrollTo(By.id("dash:pilotCard"));
                browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "var c = document.querySelector(\"[id='dash:pilotChart'] canvas\"); return !!c && c.width > 0")));
                ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('dash:pilotCard').scrollIntoView(true)");
                browser.screenshot("dashboard-pilot");

                // a group of the supervisor's choice, and a name that is no agent's
                browser.driver.findElement(By.id("dash:pilotAgents")).clear();
                browser.driver.findElement(By.id("dash:pilotAgents")).sendKeys("carol");
                browser.driver.findElement(By.id("dash:comparePilot")).click();
                browser.waitForAjax();
                browser.until(d -> !value(d.findElement(By.cssSelector("[data-pilot='handled']"))).equals(String.valueOf(pilot)));
                browser.driver.findElement(By.id("dash:pilotAgents")).clear();
                browser.driver.findElement(By.id("dash:pilotAgents")).sendKeys("<b>nobody</b>");
                browser.driver.findElement(By.id("dash:comparePilot")).click();
                browser.waitForText(By.id("messages"), "has accepted no chat");
                assertTrue(browser.driver.findElements(By.cssSelector("b")).stream().noneMatch(e -> e.getText().equals("nobody")), "escaped");
            }
        } finally {
            publishPilotGroup("");
        }
    }

    /** Publishes the routing policy with this pilot group on Admin → Routing (empty: none). */
    private void publishPilotGroup(String agents) {
        try (Browser browser = new Browser(base.toString())) {
            browser.login("admin", PASSWORD);
            browser.waitFor(By.id("nav-routing"));
            browser.open("/admin/routing.xhtml");
            WebElement pilot = browser.waitFor(By.id("policy:pilot"));
            pilot.clear();
            pilot.sendKeys(agents);
            browser.driver.findElement(By.id("policy:note")).sendKeys(agents.isEmpty() ? "pilot over" : "pilot: " + agents);
            browser.driver.findElement(By.id("policy:publish")).click();
            browser.waitForAjax();
            browser.until(d -> d.findElement(By.id("policy:pilot")).getAttribute("value").equals(agents)
                    && d.findElement(By.id("policy:note")).getAttribute("value").isEmpty());
        }
    }

    /**
     * The conversations {@code agent} accepted first that started from {@code from} to {@code to}, and
     * the mean rating of the rated ones, read straight from {@code metric_conversation}; null on a
     * database the test cannot reach (the in-memory H2 of the default build).
     */
    private static Object[] storedFigures(String agent, LocalDate from, LocalDate to) throws java.sql.SQLException {
        String url = System.getenv("HANDOFF_DB_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return null;
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, System.getenv().getOrDefault("HANDOFF_DB_USER", "handoff"),
                        System.getenv().getOrDefault("HANDOFF_DB_PASSWORD", "handoff"));
                java.sql.PreparedStatement q = db.prepareStatement("SELECT COUNT(*), AVG(CASE WHEN csat_human THEN csat END)"
                        + " FROM metric_conversation WHERE first_agent = ? AND accepted_at IS NOT NULL AND stat_day BETWEEN ? AND ?")) {
            q.setString(1, agent);
            q.setDate(2, java.sql.Date.valueOf(from));
            q.setDate(3, java.sql.Date.valueOf(to));
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                return new Object[] {r.getLong(1), r.getDouble(2)};
            }
        }
    }

    /**
     * Live traffic fills the new roll-ups: an agent's sign-in, away and sign-off close presence
     * intervals; a supervisor takes over one of this run's waiting chats and writes twice: its first
     * response is counted once (on the overview, filtered to this run's channel, and in the roll-up
     * rows), and his chat-time goes to his occupancy. The overview shows the first-response chart and
     * the agent table with occupancy.
     */
    @Test
    @Order(7)
    @RunAsClient
    void liveTrafficCountsFirstResponseOnceAndPresenceTime() throws Exception {
        Api api = new Api(base.toString(), Api.itKey());
        String id = STARTED.stream().filter(c -> "queued".equalsIgnoreCase(api.get("/api/v1/conversations/" + c).json().getString("state")))
                .findFirst().orElseThrow(() -> new AssertionError("a chat of this run waits"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Browser dave = new Browser(base.toString()); Browser sam = new Browser(base.toString())) {
            // dave signs in (online), steps away, signs off: two closed intervals of today
            dave.login("dave", PASSWORD);
            dave.waitForUrl("/agent/inbox.xhtml");
            long online = System.currentTimeMillis();
            dave.until(d -> System.currentTimeMillis() - online > 2_100);
            presence(dave, "Away");
            long away = System.currentTimeMillis();
            dave.until(d -> System.currentTimeMillis() - away > 1_100);
            presence(dave, "Offline");

            sam.login("sam", PASSWORD);
            sam.waitForUrl("/supervisor/queue.xhtml");
            sam.open("/agent/chat.xhtml?id=" + id);
            sam.waitFor(By.id("chat:takeOver")).click();
            sam.until(d -> d.findElements(By.id("chat:supervisorBar")).isEmpty());
            WebElement composer = sam.waitFor(By.id("chat:reply"));
            composer.sendKeys("Hello, Sam here: I have your chat now.");
            sam.driver.findElement(By.id("chat:send")).click();
            sam.waitForText(By.id("chat:transcript"), "Sam here");
            sam.waitFor(By.id("chat:reply")).sendKeys("Let me look at your account.");
            sam.driver.findElement(By.id("chat:send")).click();
            sam.waitForText(By.id("chat:transcript"), "Let me look");
            sam.waitFor(By.id("chat:resolution")).sendKeys("Answered by the supervisor");
            sam.driver.findElement(By.id("chat:resolveButton")).click();
            sam.waitForText(By.id("chat:state"), "resolved");

            Object[] stored = stored("SELECT m.first_response_seconds, m.owner, (SELECT SUM(responded) FROM metric_daily WHERE channel = ?),"
                    + " (SELECT online_seconds FROM metric_occupancy_daily WHERE agent = 'dave' AND stat_day = ?),"
                    + " (SELECT away_seconds FROM metric_occupancy_daily WHERE agent = 'dave' AND stat_day = ?),"
                    + " (SELECT presence FROM metric_presence WHERE agent = 'dave'),"
                    + " (SELECT chat_seconds FROM metric_occupancy_daily WHERE agent = 'sam' AND stat_day = ?)"
                    + " FROM metric_conversation m WHERE m.conversation_id = ?", CHANNEL, today, today, today, id);
            if (stored != null) {
                assertTrue(stored[0] != null && ((Number) stored[0]).longValue() >= 0, "the first response is stored: " + stored[0]);
                assertNull(stored[1], "resolved: nobody owns it");
                assertEquals(1, ((Number) stored[2]).longValue(), "two messages, one first response");
                assertTrue(stored[3] != null && ((Number) stored[3]).longValue() >= 2, "dave's time online today: " + stored[3]);
                assertTrue(stored[4] != null && ((Number) stored[4]).longValue() >= 1, "dave's time away today: " + stored[4]);
                assertEquals("offline", stored[5]);
                assertTrue(stored[6] != null && ((Number) stored[6]).longValue() >= 1, "sam's chat-time today: " + stored[6]);
            }

            sam.open("/supervisor/dashboard.xhtml");
            sam.waitFor(By.id("dash:measures"));
            // the demo's agents in the agent table, each with an occupancy
            for (String agent : List.of("alice", "bob", "carol", "dave")) {
                String occupancy = value(sam.driver.findElement(By.cssSelector("[data-occupancy='" + agent + "']")));
                assertTrue(occupancy.matches("\\d+\\.\\d %"), agent + ": " + occupancy);
            }
            assertTrue(sam.text(By.id("dash:agentTable")).contains("Chat time"));
            sam.scrollTo(By.id("dash:agentTable"));
            ((JavascriptExecutor) sam.driver).executeScript("document.getElementById('dash:agentLinks').scrollIntoView(true)");
            sam.screenshot("dashboard-agents-occupancy");
            String frMedian = value(sam.driver.findElement(By.cssSelector("[data-measure='fr-median']")));
            assertTrue(frMedian.matches("\\d+ s"), "the demo history's first responses: " + frMedian);

            sam.choose("dash:channel", CHANNEL);
            sam.driver.findElement(By.id("dash:apply")).click();
            sam.waitForAjax();
            sam.until(d -> value(d.findElement(By.cssSelector("[data-measure='started']"))).equals(String.valueOf(CONVERSATIONS)));
            assertTrue(value(sam.driver.findElement(By.cssSelector("[data-measure='fr-mean']"))).matches("\\d+ s"),
                    "this run's one first response: " + value(sam.driver.findElement(By.cssSelector("[data-measure='fr-mean']"))));
            if (stored != null) {
                assertEquals(stored[0] + " s", value(sam.driver.findElement(By.cssSelector("[data-measure='fr-mean']"))), "the mean of one");
            }

            sam.choose("dash:channel", "All");
            sam.driver.findElement(By.id("dash:apply")).click();
            sam.waitForAjax();
            sam.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector(\"[id='dash:frChart'] canvas\"); return !!c && c.width > 0")));
            ((JavascriptExecutor) sam.driver).executeScript("document.getElementById('dash:ttaChart').scrollIntoView(true)");
            sam.screenshot("dashboard-first-response");
        }
    }

    private static void presence(Browser agent, String label) {
        By button = By.xpath("//*[@id='inbox:presence']//*[contains(@class,'ui-button')][.//text()[normalize-space()='" + label + "']]");
        // the inbox re-renders itself on pushes: find the button afresh on each try (until() retries a stale one)
        agent.waitFor(button);
        agent.until(d -> {
            if (!d.findElement(button).getAttribute("class").contains("ui-state-active")) {
                d.findElement(button).click();
            }
            return d.findElement(button).getAttribute("class").contains("ui-state-active");
        });
    }

    /** One row of a query on the test's MariaDB database; null on a database the test cannot reach. */
    private static Object[] stored(String sql, Object... parameters) throws java.sql.SQLException {
        String url = System.getenv("HANDOFF_DB_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return null;
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, System.getenv().getOrDefault("HANDOFF_DB_USER", "handoff"),
                        System.getenv().getOrDefault("HANDOFF_DB_PASSWORD", "handoff"));
                java.sql.PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : parameters[i]);
            }
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), sql);
                Object[] row = new Object[r.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getObject(i + 1);
                }
                return row;
            }
        }
    }

    /** The concurrent test's chats wait for an agent; the browser classes after this one expect the queue to be theirs. */
    @Test
    @Order(99)
    @RunAsClient
    void leavesNoChatWaitingForLaterClasses() {
        Api api = new Api(base.toString(), Api.itKey());
        for (String id : STARTED) {
            Api.Reply closed = api.post("/api/v1/conversations/" + id + "/close", "");
            assertTrue(closed.status() == 200 || closed.status() == 409, closed.toString());
        }
    }
}
