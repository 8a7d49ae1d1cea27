package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The customer's side in two real browsers at once (headless Chromium): a customer on /demo with the
 * chat widget and the demo bot, an agent in the portal. Screenshots go to target/screenshots
 * (widget-*.png); the good ones are in docs/img/widget.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerWidgetUiIT {

    static final String PASSWORD = "handoff-demo";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")));
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base.toString(), Api.itKey());
    }

    private Api admin() {
        return new Api(base.toString(), System.getProperty("handoff.it.adminKey", "hk_integrationAdminKey000000000000000"));
    }

    /** The number in "You're number 2 in line, …" (0 when not in line). */
    private static int position(Browser b) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("number (\\d+) in line").matcher(
                b.driver.findElement(By.id("hw-status")).getText());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Another widget customer (over HTTP, same origin) who asks the demo bot and then for a person; returns the conversation id. */
    private String widgetChat(String siteKey, String complaint) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String api = base.toString().replaceAll("/$", "") + "/api/v1/widget/" + siteKey;
        java.util.function.BiFunction<String, String, JsonObject> post = (path, body) -> {
            try {
                java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + path))
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
                if (body.contains("\"text\"")) {
                    r.header("X-Visitor-Token", body.substring(body.indexOf("\"token\":\"") + 9, body.indexOf("\"", body.indexOf("\"token\":\"") + 9)));
                }
                java.net.http.HttpResponse<String> answer = http.send(r.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                return jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject();
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        String token = post.apply("/session", "{}").getString("token");
        post.apply("/messages", "{\"token\":\"" + token + "\",\"text\":\"How do I download my invoices?\"}");
        JsonObject escalated = post.apply("/messages", "{\"token\":\"" + token + "\",\"text\":" + Api.quote(complaint) + "}");
        assertEquals("queued", escalated.getString("state"), escalated.toString());
        return escalated.getString("conversationId");
    }

    /** The customer's page with the widget open. */
    private static final class Customer {
        final Browser b;

        Customer(Browser b) {
            this.b = b;
        }

        void open() {
            b.open("/demo");
            b.waitFor(By.id("hw-launcher")).click();
            b.waitFor(By.id("hw-input"));
            b.until(d -> "new".equals(d.findElement(By.id("hw-root")).getAttribute("data-state"))
                    || d.findElement(By.id("hw-root")).getAttribute("data-state") != null);
        }

        void say(String text) {
            WebElement input = b.waitFor(By.id("hw-input"));
            input.sendKeys(text);
            input.sendKeys(Keys.ENTER); // the keyboard sends
            b.until(d -> d.findElements(By.cssSelector("#hw-log .hw-customer")).stream().anyMatch(m -> m.getText().contains(text)));
        }

        void waitForMessage(String css, String text) {
            b.until(d -> d.findElements(By.cssSelector("#hw-log " + css)).stream().anyMatch(m -> m.getText().contains(text)));
        }
    }

    /**
     * Acceptance 2: the demo bot answers from an article; "this isn't helping, I need a person - I was
     * charged twice" brings the billing transition, the confirmation, position and wait (updating
     * live); the agent accepts in the portal; messages and typing flow both ways; the agent resolves;
     * the customer rates 4; the rating is stored and shown on the conversation.
     */
    @Test
    @Order(1)
    @RunAsClient
    void aCustomerIsHandedFromTheDemoBotToAnAgentAndRatesTheChat() throws Exception {
        Api api = api();
        Leftovers.closeOpenChats(api); // the queue is this class's: earlier classes' chats would be offered first
        try (Browser agent = new Browser(base.toString()); Browser customerBrowser = new Browser(base.toString())) {
            agent.login("alice", PASSWORD);
            agent.waitForUrl("/agent/inbox.xhtml");
            agent.waitForPushSocket();

            Customer customer = new Customer(customerBrowser);
            customer.open();
            customer.say("How do I download my invoices?");
            customer.waitForMessage(".hw-bot", "Download your invoices");
            customerBrowser.screenshot("widget-01-demo-bot-answers");

            // Four other widget customers said the same a moment earlier: three are offered to alice (her capacity),
            // the fourth waits, so ours is second in line (a chat being offered counts as being taken).
            String text = "this isn't helping, I need a person \u2014 I was charged twice";
            String siteKey = customerBrowser.driver.findElement(By.cssSelector("script[data-site-key]")).getAttribute("data-site-key");
            List<String> ahead = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ahead.add(widgetChat(siteKey, text));
            }

            customer.say(text);
            // the billing transition (worded with empathy when the triggers heard frustration), then what was passed on
            customerBrowser.until(d -> d.findElements(By.cssSelector("#hw-log .hw-system")).stream()
                    .anyMatch(m -> m.getText().contains("connecting you with a") && m.getText().contains("billing")));
            customer.waitForMessage(".hw-system", "I've passed along your billing concern");
            customerBrowser.waitForText(By.id("hw-status"), "in line, about");
            int before = position(customerBrowser);
            assertTrue(before >= 2, "others asked first: " + customerBrowser.text(By.id("hw-status")));
            assertTrue(customerBrowser.driver.findElement(By.id("hw-articles")).getText().contains("While you wait"),
                    "help articles for billing while waiting");
            customerBrowser.screenshot("widget-02-transition-confirmation-queue");

            // One of them leaves: alice has room for the next, and our customer moves up, live.
            assertEquals(200, api.post("/api/v1/conversations/" + ahead.get(0) + "/close", "").status());
            customerBrowser.until(d -> position(customerBrowser) < before);
            customerBrowser.screenshot("widget-02b-moved-up");
            for (String other : ahead.subList(1, ahead.size())) {
                assertEquals(200, api.post("/api/v1/conversations/" + other + "/close", "").status());
            }

            // Now alice takes our customer's chat.
            agent.open("/agent/inbox.xhtml");
            agent.until(d -> d.findElements(By.cssSelector(".offer")).stream()
                    .filter(o -> !ahead.contains(o.getAttribute("data-conversation"))).findFirst()
                    .map(o -> {
                        o.findElement(By.cssSelector(".accept")).click();
                        return true;
                    }).orElse(false));
            agent.waitForUrl("/agent/chat.xhtml?id=");
            agent.waitForText(By.id("chat:transcript"), "this isn't helping");
            customer.waitForMessage(".hw-system", "Alice Martin has joined the chat.");

            // Typing and messages, both ways, live.
            WebElement reply = agent.waitFor(By.id("chat:reply"));
            reply.clear();
            reply.sendKeys("Hi, I'm Alice from billing. I can see the two charges");
            customerBrowser.waitForText(By.id("hw-typing"), "Alice Martin is typing");
            customerBrowser.screenshot("widget-03-agent-typing");
            reply.sendKeys(" - I'm refunding the duplicate now.");
            agent.driver.findElement(By.id("chat:send")).click();
            customer.waitForMessage(".hw-agent", "I'm refunding the duplicate now.");

            customerBrowser.driver.findElement(By.id("hw-input")).sendKeys("Thank you");
            agent.waitForText(By.id("typingIndicator"), "Customer is typing");
            agent.screenshot("widget-04-agent-sees-customer-typing");
            customerBrowser.driver.findElement(By.id("hw-input")).sendKeys(Keys.ENTER);
            agent.waitForText(By.id("chat:transcript"), "Thank you");
            customerBrowser.screenshot("widget-05-agent-joined-and-replied");

            // The agent resolves: goodbye and the rating question; the customer rates 4.
            agent.driver.findElement(By.id("chat:resolution")).sendKeys("Refunded the duplicate charge");
            agent.driver.findElement(By.id("chat:resolveButton")).click();
            agent.waitForText(By.id("chat:state"), "resolved");
            customer.waitForMessage(".hw-system", "Alice Martin has ended the chat.");
            customerBrowser.waitFor(By.id("hw-csat"));
            customerBrowser.driver.findElement(By.cssSelector("label[for='hw-rate-4']")).click();
            customerBrowser.driver.findElement(By.id("hw-comment")).sendKeys("Quick and friendly");
            customerBrowser.screenshot("widget-06-csat-question");
            customerBrowser.driver.findElement(By.id("hw-csat-send")).click();
            customerBrowser.waitForText(By.id("hw-csat-thanks"), "4 out of 5");

            // Stored and visible on the conversation in the portal.
            String url = agent.driver.getCurrentUrl();
            String id = url.substring(url.indexOf("id=") + 3);
            JsonObject stored = api.get("/api/v1/conversations/" + id).json();
            assertEquals(4, stored.getJsonObject("csat").getInt("rating"), stored.toString());
            agent.driver.navigate().refresh();
            agent.waitForText(By.id("csatRating"), "4");
            assertTrue(agent.text(By.id("chat:csatBox")).contains("Quick and friendly"));
            ((org.openqa.selenium.JavascriptExecutor) agent.driver).executeScript("window.scrollTo(0, 0)");
            agent.screenshot("widget-07-rating-on-the-conversation");
        }
    }

    /**
     * Acceptance 3: with a tiny wait threshold the callback choice appears; the callback becomes a task
     * that reaches an agent with the skill, with its SLA, also in the supervisor's view.
     */
    @Test
    @Order(2)
    @RunAsClient
    void pastTheWaitThresholdTheCustomerChoosesACallbackThatReachesAnAgentWithTheSkill() {
        JsonObject demo = jakarta.json.Json.createReader(new java.io.StringReader(admin().get("/api/v1/admin/widget/sites").body())).readArray()
                .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("name").equals("Demo site")).findFirst().orElseThrow();
        long siteId = demo.getJsonNumber("id").longValue();
        assertEquals(200, admin().post("/api/v1/admin/widget/sites/" + siteId, "{\"offerAfterSeconds\":2}").status());
        String[] callback = new String[1];
        try (Browser customerBrowser = new Browser(base.toString())) {
            customerBrowser.driver.manage().window().setSize(new Dimension(390, 844)); // a phone
            Customer customer = new Customer(customerBrowser);
            customer.open();
            customer.say("I was charged twice and I need to talk to a person about a refund");
            customer.waitForMessage(".hw-system", "billing");
            customerBrowser.waitFor(By.id("hw-callback"));
            customerBrowser.screenshot("widget-08-phone-callback-choice");
            customerBrowser.driver.findElement(By.id("hw-callback")).click();
            customerBrowser.waitFor(By.id("hw-contact")).sendKeys("+49 30 1234567");
            customerBrowser.driver.findElement(By.id("hw-when")).sendKeys("today after 5 pm");
            customerBrowser.driver.findElement(By.id("hw-followup-send")).click();
            customerBrowser.waitForText(By.id("hw-choice"), "We\u2019ll call you back on +49 30 1234567");
            customerBrowser.screenshot("widget-09-phone-callback-requested");
        } finally {
            admin().post("/api/v1/admin/widget/sites/" + siteId, "{\"offerAfterSeconds\":120}");
        }
        try (Browser agent = new Browser(base.toString())) {
            agent.login("alice", PASSWORD);
            agent.waitForUrl("/agent/inbox.xhtml");
            WebElement task = agent.waitFor(By.cssSelector("#followups .followup-callback"));
            String text = task.getText();
            assertTrue(text.contains("+49 30 1234567") && text.contains("today after 5 pm") && text.contains("billing"), text);
            assertTrue(text.matches("(?s).*SLA \\d+:\\d\\d.*"), "its SLA shows: " + text);
            agent.scrollTo(By.id("followups"));
            agent.screenshot("widget-10-inbox-callback-task");
            callback[0] = task.getAttribute("data-conversation");
        }
        try (Browser supervisor = new Browser(base.toString())) {
            supervisor.login("sam", PASSWORD);
            supervisor.open("/supervisor/queue.xhtml");
            String row = supervisor.text(By.cssSelector("[id$='followups']"));
            assertTrue(row.contains("+49 30 1234567") && row.contains("due"), row);
        }
        try (Browser bob = new Browser(base.toString())) {
            bob.login("bob", PASSWORD);
            bob.waitForUrl("/agent/inbox.xhtml");
            assertTrue(bob.driver.findElements(By.cssSelector("#followups .followup-callback")).isEmpty(), "bob has no billing skill");
        }
        assertEquals(200, api().post("/api/v1/conversations/" + callback[0] + "/close", "").status(), "later tests start with an empty queue");
    }
}
