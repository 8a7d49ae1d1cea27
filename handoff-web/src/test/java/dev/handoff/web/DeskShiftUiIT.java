package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 12 in a real browser, the parts of a shift that need a supervisor and a history: a supervisor
 * steps into a chat (whisper, reply, take over, resolve) while the agent watches; the queue page keeps
 * a half-made choice through live updates and shows its totals; history and the customer's page.
 * Screenshots for docs/supervisor-guide.md go to target/screenshots (prefix "sg-").
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskShiftUiIT {

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

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    private static void signIn(Browser browser, String user, String home) {
        browser.login(user, PASSWORD);
        browser.waitForUrl(home);
        browser.waitForPushSocket();
    }

    /** Issue 12, item 6: before, a supervisor on the chat page had no composer, no resolve, no take-over and no whisper. */
    @Test
    @Order(1)
    @RunAsClient
    void aSupervisorWhispersRepliesTakesOverAndResolvesWhileTheAgentWatches() {
        Api api = api();
        Leftovers.closeOpenChats(api); // the queue is this class's: earlier classes' chats would be offered first
        try (Browser alice = new Browser(base.toString()); Browser sam = new Browser(base.toString())) {
            signIn(alice, "alice", "/agent/inbox.xhtml");
            String id = api.start("desk-ui-sup-1", "Nora Step");
            api.say(id, "customer", "I was charged twice for my plan, please get me a person");
            acceptOrTake(alice, id, "Nora Step");
            alice.waitForText(By.id("chat:transcript"), "Alice Martin has joined the chat.");
            alice.waitForPushSocket();

            signIn(sam, "sam", "/supervisor/queue.xhtml");
            sam.waitForText(By.id("queue:handoffs"), "Nora Step");
            sam.open("/agent/chat.xhtml?id=" + id);
            sam.waitFor(By.id("chat:supervisorBar"));
            sam.waitForPushSocket();
            assertTrue(sam.text(By.id("chat:supervisorBar")).contains("Alice Martin owns this chat."));

            // what the customer and the owner write reaches the supervisor's open page live, without a reload
            api.say(id, "customer", "Is anyone there? It's been a while.");
            sam.waitForText(By.id("chat:transcript"), "Is anyone there? It's been a while.");

            // a whisper: on alice's page at once, highlighted; never in the customer's transcript
            sam.driver.findElement(By.id("chat:whisper")).sendKeys("Check the duplicate in the billing tool before refunding.");
            sam.driver.findElement(By.id("chat:whisperButton")).click();
            sam.waitForText(By.id("chat:notes"), "Check the duplicate in the billing tool");
            alice.waitForText(By.id("chat:whispers"), "Check the duplicate in the billing tool before refunding.");
            assertTrue(alice.text(By.id("chat:whispers")).startsWith("Sam Supervisor whispers:"), alice.text(By.id("chat:whispers")));
            alice.screenshot("sg-02-agent-sees-whisper");
            List<JsonObject> messages = api.get("/api/v1/conversations/" + id + "/messages?after=0").json()
                    .getJsonArray("messages").getValuesAs(JsonObject.class);
            assertTrue(messages.stream().noneMatch(m -> m.getString("text").contains("billing tool")), "the customer never sees a whisper");

            // a reply from the supervisor, under his own name; alice sees it live and keeps the chat
            WebElement composer = sam.waitFor(By.id("chat:reply"));
            composer.sendKeys("Hello Nora, I'm Sam, Alice's supervisor - we're on it together.");
            sam.driver.findElement(By.id("chat:send")).click();
            sam.waitForText(By.id("chat:transcript"), "I'm Sam, Alice's supervisor");
            alice.waitForText(By.id("chat:transcript"), "I'm Sam, Alice's supervisor");
            sam.screenshot("sg-03-supervisor-in-a-chat");

            // take over: sam owns it; alice's page turns read-only by itself, the customer is told
            sam.driver.findElement(By.id("chat:takeOver")).click();
            sam.until(d -> d.findElements(By.id("chat:supervisorBar")).isEmpty());
            sam.waitForText(By.id("chat:transcript"), "Sam Supervisor, a supervisor, has taken over your chat");
            alice.waitFor(By.id("chat:readOnly"));
            assertTrue(alice.text(By.id("chat:readOnly")).contains("Sam Supervisor works it now"), alice.text(By.id("chat:readOnly")));
            assertTrue(alice.driver.findElements(By.id("chat:reply")).isEmpty(), "no composer for a chat that is no longer hers");
            alice.screenshot("sg-04-agent-after-take-over");

            // and resolves it
            sam.waitFor(By.id("chat:resolution")).sendKeys("Duplicate refunded by the supervisor");
            sam.driver.findElement(By.id("chat:resolveButton")).click();
            sam.waitForText(By.id("chat:state"), "resolved");
            assertEquals("resolved", api.get("/api/v1/conversations/" + id).json().getString("state"));
        }
    }

    /**
     * Issue 12, item 6: before, every live update of the queue page re-rendered the Assign menus and a
     * supervisor's half-made choice was gone; the page had no totals.
     */
    @Test
    @Order(2)
    @RunAsClient
    void theQueuePageKeepsAHalfMadeChoiceThroughLiveUpdatesAndShowsTotals() {
        Api api = api();
        try (Browser bob = new Browser(base.toString()); Browser sam = new Browser(base.toString())) {
            signIn(bob, "bob", "/agent/inbox.xhtml");
            try {
                queueKeepsChoice(api, sam);
            } finally {
                bob.driver.findElement(By.id("account:logout")).click(); // bob's session ends: he is offline for the next tests
                bob.until(d -> d.getCurrentUrl().contains("/login.xhtml")
                        || d.findElements(By.id("signOutForm:handOverAndSignOut")).stream().anyMatch(WebElement::isDisplayed));
                if (!bob.driver.getCurrentUrl().contains("/login.xhtml")) {
                    bob.driver.findElement(By.id("signOutForm:handOverAndSignOut")).click();
                    bob.waitForUrl("/login.xhtml");
                }
            }
        }
    }

    private void queueKeepsChoice(Api api, Browser sam) {
        {
            signIn(sam, "sam", "/supervisor/queue.xhtml");
            String id = api.start("desk-ui-queue-1", "Quentin Keep");
            api.say(id, "customer", "the export is broken and I need a real person now");
            sam.waitForText(By.id("queue:handoffs"), "Quentin Keep");
            // a row's Assign opens the one assign dialog, filled for that chat
            sam.until(d -> {
                d.findElement(By.xpath("//*[@id='queue:handoffs']//tr[contains(., 'Quentin Keep')]//button[contains(@class,'assign-open')]")).click();
                return true;
            });
            sam.waitForText(By.id("assign:customer"), "Quentin Keep");
            sam.choose("assign:agent", "Bob Chen");

            // live updates re-render the table under the open dialog: the choice stays
            String other = api.start("desk-ui-queue-2", "Olive Later");
            api.say(other, "customer", "I want to talk to an agent about my invoice");
            sam.waitForText(By.id("queue:handoffs"), "Olive Later");
            String third = api.start("desk-ui-queue-3", "Pia Waits");
            api.say(third, "customer", "connect me to a person please, my card was charged twice");
            sam.waitForText(By.id("queue:handoffs"), "Pia Waits");
            assertTrue(sam.driver.findElement(By.id("assignDialog")).isDisplayed(), "the dialog stays open through the refreshes");
            assertTrue(sam.text(By.id("assign:agent_label")).startsWith("Bob Chen"), sam.text(By.id("assign:agent_label")));
            assertTrue(sam.text(By.id("assign:customer")).contains("Quentin Keep"));
            sam.screenshot("sg-00-queue-assign-dialog");

            // the choice is used by Assign, and the dialog closes
            sam.driver.findElement(By.id("assign:assignChosen")).click();
            sam.until(d -> "bob".equals(assignedAgent(api, id)));
            sam.until(d -> !d.findElement(By.id("assignDialog")).isDisplayed());
            sam.waitForText(By.xpath("//*[@id='queue:handoffs']//tr[contains(., 'Quentin Keep')]"), "Bob Chen");

            // "Back to queue" on the assigned row puts the chat back in line, for the skill it needs
            sam.until(d -> {
                d.findElement(By.xpath("//*[@id='queue:handoffs']//tr[contains(., 'Quentin Keep')]//button[contains(@class,'requeue')]")).click();
                return true;
            });
            sam.until(d -> assignedAgent(api, id) == null);
            assertEquals("queued", api.get("/api/v1/conversations/" + id).json().getString("state"));

            // totals at the top, the longest wait ticking
            String waiting = sam.text(By.cssSelector("#totalWaiting .n"));
            assertTrue(Integer.parseInt(waiting) >= 2, waiting);
            String longest = sam.text(By.cssSelector("#totalLongest .n"));
            sam.until(d -> !d.findElement(By.cssSelector("#totalLongest .n")).getText().equals(longest));
            assertTrue(Integer.parseInt(sam.text(By.cssSelector("#totalOnline .n"))) + Integer.parseInt(sam.text(By.cssSelector("#totalBusy .n"))) >= 1);
            sam.screenshot("sg-01-queue-totals");

            for (String chat : List.of(id, other, third)) {
                api.post("/api/v1/conversations/" + chat + "/close", "");
            }
        }
    }

    /** Issue 12, item 7: before, no page listed resolved conversations and a customer had no timeline. */
    @Test
    @Order(3)
    @RunAsClient
    void anAgentSearchesHerHistoryAndOpensACustomersTimeline() {
        Api api = api();
        try (Browser alice = new Browser(base.toString()); Browser sam = new Browser(base.toString())) {
            signIn(alice, "alice", "/agent/inbox.xhtml");
            String id = api.start("desk-ui-hist-1", "Hana History");
            api.say(id, "customer", "I was charged twice for the kayak rental, get me a person");
            acceptOrTake(alice, id, "Hana History");
            WebElement composer = alice.waitFor(By.id("chat:reply"));
            composer.clear();
            composer.sendKeys("I see the double kayak charge; refunding it now.");
            alice.driver.findElement(By.id("chat:send")).click();
            alice.waitForText(By.id("chat:transcript"), "refunding it now");
            alice.driver.findElement(By.id("chat:note")).sendKeys("Refund id RF-2291 issued.");
            alice.driver.findElement(By.id("chat:addNote")).click();
            alice.waitForText(By.id("chat:notes"), "RF-2291");
            alice.driver.findElement(By.id("chat:resolution")).sendKeys("Refunded the duplicate");
            alice.driver.findElement(By.id("chat:resolveButton")).click();
            alice.waitForText(By.id("chat:state"), "resolved");

            // history: search by words in the conversation
            alice.driver.findElement(By.id("nav-history")).click();
            alice.waitForUrl("/agent/history.xhtml");
            alice.waitFor(By.id("history:text")).sendKeys("kayak");
            alice.driver.findElement(By.id("history:search")).click();
            alice.waitForText(By.id("historyCount"), "1–1 of 1");
            assertTrue(alice.text(By.id("history:rows")).contains("Hana History"));
            assertTrue(alice.text(By.id("history:rows")).contains("resolved"));
            alice.screenshot("sg-05-history-search");

            // the customer's page: conversations and the timeline, in words
            alice.driver.findElement(By.cssSelector("[id='history:rows'] a.customer-link")).click();
            alice.waitForUrl("/agent/customer.xhtml");
            String timeline = alice.text(By.id("timeline"));
            assertTrue(timeline.contains("Handed to a person (billing)"), timeline);
            assertTrue(timeline.contains("Alice Martin took the chat"), timeline);
            assertTrue(timeline.contains("Note: Refund id RF-2291 issued."), timeline);
            assertTrue(timeline.contains("Resolved by Alice Martin: Resolved: Refunded the duplicate"), timeline);
            assertEquals("1", alice.text(By.id("handoffCount")));
            alice.screenshot("sg-06-customer-page");

            // a supervisor sees every conversation and can filter by state
            signIn(sam, "sam", "/supervisor/queue.xhtml");
            sam.open("/agent/history.xhtml");
            sam.choose("history:state", "resolved"); // first: choosing may re-render the form, and the typed name with it
            sam.waitFor(By.id("history:customer")).sendKeys("Hana");
            sam.driver.findElement(By.id("history:search")).click();
            sam.waitForText(By.id("historyCount"), "of 1");
            sam.until(d -> { // the rows may re-render once more after the count
                d.findElement(By.cssSelector("[id='history:rows'] a.open-chat")).click();
                return true;
            });
            sam.waitForText(By.id("chat:transcript"), "refunding it now");
        }
    }

    /**
     * Issue 12, item 5: before, one chat per page, the composer below a long transcript (1,766 px down at
     * 28 messages), no scrolling to the newest, Enter added a newline and nothing sent, no typing indicator.
     */
    @Test
    @Order(4)
    @RunAsClient
    void anAgentWorksThreeChatsInTheWorkspaceWithTheKeyboard() {
        Api api = api();
        Leftovers.closeOpenChats(api);
        try (Browser alice = new Browser(base.toString())) {
            signIn(alice, "alice", "/agent/inbox.xhtml");
            List<String> names = List.of("Wendy One", "Walter Two", "Wilma Three");
            List<String> ids = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < names.size(); i++) {
                    String id = api.start("desk-ui-ws-" + i, names.get(i));
                    api.say(id, "customer", "I was charged twice for order " + (7000 + i) + ", please get me a person");
                    ids.add(id);
                    acceptOrTake(alice, id, names.get(i));
                }
                String first = ids.get(0);
                String second = ids.get(1);
                for (int i = 1; i <= 14; i++) {
                    api.say(first, "customer", "Message " + i + " from Wendy: still looking at the statement, line " + i + ".");
                    api.say(first, "bot", "Noted (" + i + ").");
                }
                alice.open("/agent/chat.xhtml?id=" + first);
                alice.waitForText(By.id("chat:transcript"), "Message 14 from Wendy");
                alice.waitFor(By.cssSelector(".chat-item[data-conversation='" + second + "']"));
                assertEquals(3, alice.driver.findElements(By.cssSelector(".chat-item")).size(), "the three chats are listed");

                // the composer stays in the window and the newest message is in view
                alice.until(d -> Boolean.TRUE.equals(js(alice, "var c = document.getElementById('chat:reply').getBoundingClientRect();"
                        + " var t = document.getElementById('chat:transcript'); var last = t.querySelector('li.msg:last-child').getBoundingClientRect();"
                        + " var box = t.getBoundingClientRect();"
                        + " return c.bottom <= window.innerHeight && last.bottom <= box.bottom + 2 && last.top >= box.top - 2;")));

                // Shift+Enter is a new line, Enter sends
                WebElement composer = alice.driver.findElement(By.id("chat:reply"));
                composer.clear();
                composer.sendKeys("Hi Wendy, I can see both charges.");
                composer.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.ENTER));
                composer.sendKeys("Refunding the second one now.");
                assertTrue(composer.getAttribute("value").contains("charges.\nRefunding"), composer.getAttribute("value"));
                composer.sendKeys(org.openqa.selenium.Keys.ENTER);
                alice.waitForText(By.id("chat:transcript"), "Refunding the second one now.");
                alice.until(d -> d.findElement(By.id("chat:reply")).getAttribute("value").isEmpty());
                List<JsonObject> sent = api.get("/api/v1/conversations/" + first + "/messages?after=0").json()
                        .getJsonArray("messages").getValuesAs(JsonObject.class);
                assertEquals("Hi Wendy, I can see both charges.\nRefunding the second one now.", sent.get(sent.size() - 1).getString("text"));

                // typing, both ways
                alice.driver.findElement(By.id("chat:reply")).sendKeys("Let me check");
                alice.until(d -> api.get("/api/v1/conversations/" + first + "/typing").json().getBoolean("agentTyping"));
                assertEquals(204, api.post("/api/v1/conversations/" + first + "/typing", "").status());
                alice.waitFor(By.id("typingIndicator"));
                assertEquals("Customer is typing…", alice.text(By.id("typingIndicator")));
                long typingShown = System.nanoTime();

                // another chat gets a message: its unread count and last message change in the list, live
                api.say(second, "customer", "Hello? Is anyone there about order 7001?");
                By secondItem = By.cssSelector(".chat-item[data-conversation='" + second + "']");
                alice.until(d -> d.findElement(secondItem).getText().contains("Is anyone there about order 7001?"));
                // ... and that refresh does not end this chat's "Customer is typing…" (only this customer's own
                // message does; the indicator also fades by itself 6 s after the report, so checked only before that)
                if (java.time.Duration.ofNanos(System.nanoTime() - typingShown).toMillis() < 4_000) {
                    assertTrue(alice.driver.findElement(By.id("typingIndicator")).isDisplayed(),
                            "another chat's message must not end this chat's typing indicator");
                }
                String badge = alice.text(By.cssSelector(".chat-item[data-conversation='" + second + "'] .unread"));
                assertTrue(Integer.parseInt(badge) >= 1, badge);
                alice.screenshot("19-workspace");

                // Alt+Down opens the next chat
                alice.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.ALT, org.openqa.selenium.Keys.ARROW_DOWN));
                alice.waitForUrl("/agent/chat.xhtml?id=" + second);
                alice.waitForText(By.id("chat:transcript"), "Is anyone there about order 7001?");
                assertTrue(alice.driver.findElement(By.cssSelector(".chat-item.current")).getAttribute("data-conversation").equals(second));
            } finally {
                for (String id : ids) {
                    api.post("/api/v1/conversations/" + id + "/close", "");
                }
            }
        }
    }

    /** Issue 12, item 9: before, a chat waiting for a skill nobody online has waited until the last overflow ring, and nobody was told. */
    @Test
    @Order(5)
    @RunAsClient
    void theSupervisorIsToldWhenAChatWaitsForASkillNobodyOnlineHas() {
        Api api = api();
        try (Browser bob = new Browser(base.toString()); Browser sam = new Browser(base.toString())) {
            // bob and carol (the agents with the technical skill) sign in and out: they are offline
            for (String agent : List.of("carol", "bob")) {
                signIn(bob, agent, "/agent/inbox.xhtml");
                bob.driver.findElement(By.id("account:logout")).click();
                bob.until(d -> d.getCurrentUrl().contains("/login.xhtml")
                        || d.findElements(By.id("signOutForm:handOverAndSignOut")).stream().anyMatch(WebElement::isDisplayed));
                if (!bob.driver.getCurrentUrl().contains("/login.xhtml")) {
                    bob.driver.findElement(By.id("signOutForm:handOverAndSignOut")).click(); // open chats go back to the queue
                    bob.waitForUrl("/login.xhtml");
                }
            }
            signIn(sam, "sam", "/supervisor/queue.xhtml");
            String id = api.start("desk-ui-skill-1", "Tess Technical");
            api.say(id, "customer", "the export keeps crashing with error 500 and the API returns a timeout, connect me to a person");
            assertEquals("technical", api.get("/api/v1/conversations/" + id).json().getString("requiredSkill"));
            sam.waitFor(By.cssSelector(".uncovered[data-skill='technical']"));
            assertTrue(sam.text(By.cssSelector(".uncovered[data-skill='technical']")).startsWith("Nobody online has technical:"));
            assertTrue(Integer.parseInt(sam.text(By.cssSelector("#totalNoSkill .n"))) >= 1);
            sam.screenshot("sg-07-queue-skill-nobody-has");
            // bob comes online: the notice goes, live
            signIn(bob, "bob", "/agent/inbox.xhtml");
            sam.until(d -> d.findElements(By.cssSelector(".uncovered[data-skill='technical']")).isEmpty());
            api.post("/api/v1/conversations/" + id + "/close", "");
        }
    }

    /**
     * Accepts the chat's offer, or takes it from "Waiting for my skills" when routing offered it to
     * nobody yet (in CI the database holds other test classes' chats, whose offers count against the
     * agent's load).
     */
    private static void acceptOrTake(Browser agent, String id, String customer) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            agent.open("/agent/inbox.xhtml");
            agent.waitFor(By.id("inbox:queue"));
            List<WebElement> offer = agent.driver.findElements(By.cssSelector(".offer[data-conversation='" + id + "'] .accept"));
            List<WebElement> take = agent.driver.findElements(By.xpath("//*[@id='inbox:queue']//tr[contains(., " + xpathText(customer)
                    + ")]//button"));
            if (!offer.isEmpty() || !take.isEmpty()) {
                (offer.isEmpty() ? take : offer).get(0).click();
                agent.waitForUrl("/agent/chat.xhtml?id=" + id);
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "neither offered nor waiting: " + customer);
            sleep(1000);
        }
    }

    private static String xpathText(String s) {
        return "'" + s.replace("'", "") + "'";
    }

    private static String assignedAgent(Api api, String id) {
        JsonObject c = api.get("/api/v1/conversations/" + id).json();
        return !c.containsKey("assignedAgent") || c.isNull("assignedAgent") ? null : c.getJsonObject("assignedAgent").getString("username");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
