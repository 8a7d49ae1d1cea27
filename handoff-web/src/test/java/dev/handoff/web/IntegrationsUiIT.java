package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14, item 5: an admin configures Slack on the Integration settings page (the secrets are
 * never shown again), sends a test (it reaches a local server playing Slack's chat.postMessage),
 * and sees the connector healthy on the Integration health page.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsUiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")));
    }

    @ArquillianResource
    URL base;

    @Test
    @RunAsClient
    void anAdminConfiguresSlackSendsATestAndSeesTheHealthPage() throws Exception {
        try (VendorStub slack = new VendorStub(VendorStub.port(6), r -> VendorStub.Answer.json(200,
                "{\"ok\":true,\"channel\":\"C0UITEST\",\"ts\":\"1503435956.000247\",\"message\":{\"type\":\"message\",\"text\":\"test\"}}"));
             Browser browser = new Browser(base.toString())) {
            browser.login("admin", HandoffUiIT.PASSWORD);
            browser.waitForUrl("/admin/");
            browser.open("/admin/integrations.xhtml");
            browser.waitFor(By.id("connectors:add")).click();
            browser.waitForAjax();
            browser.choose("editor:kind", "slack");
            browser.waitForAjax();
            WebElement name = browser.waitFor(By.id("editor:name"));
            name.clear();
            name.sendKeys("Slack (support)");
            browser.driver.findElement(By.id("editor:url")).sendKeys(slack.url() + "/api");
            WebElement settings = browser.driver.findElement(By.id("editor:settings"));
            settings.clear();
            settings.sendKeys("{\"channel\": \"C0UITEST\", \"channels\": {\"billing\": \"C0UIBILLING\"}}");
            List<WebElement> secrets = browser.driver.findElements(By.cssSelector("input[id$=':secret']"));
            assertEquals(2, secrets.size(), "botToken and signingSecret");
            secrets.get(0).sendKeys("xoxb-ui-token");
            secrets.get(1).sendKeys("ui-signing-secret");
            browser.driver.findElement(By.id("editor:save")).click();
            browser.waitForText(By.id("messages"), "Slack (support) added");
            String table = browser.text(By.id("connectors:table"));
            assertTrue(table.contains("Slack (support)") && table.contains("botToken") && table.contains("signingSecret"), table);
            assertTrue(!browser.driver.getPageSource().contains("xoxb-ui-token") && !browser.driver.getPageSource().contains("ui-signing-secret"),
                    "secrets are never shown again");
            assertTrue(table.contains("/hooks/slack/"), "the interactivity URL to give Slack: " + table);
            browser.screenshot("integrations-01-slack-configured");

            browser.driver.findElement(By.cssSelector("[id$=':test']")).click();
            browser.waitForText(By.id("messages"), "Test queued");
            VendorStub.Seen test = slack.await(r -> r.path().equals("/api/chat.postMessage"), 1, 20_000).get(0);
            assertEquals("Bearer xoxb-ui-token", test.header("Authorization"));
            assertEquals("C0UITEST", test.json().getString("channel"));

            browser.open("/admin/integration-health.xhtml");
            browser.until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("#health\\:table .state-ok")).isEmpty() ? null : Boolean.TRUE;
            });
            String health = browser.text(By.id("health:table"));
            assertTrue(health.contains("Slack (support)") && health.contains("ok"), health);
            browser.screenshot("integrations-02-health");
        }
    }

    /**
     * Context from the connected helpdesk before accepting: an admin adds Zendesk; a handoff's offer
     * card, then the chat's context panel, show the customer's earlier tickets (read from a local
     * server playing Zendesk, by the customer's external id); the health page shows the data
     * completeness figures.
     */
    @Test
    @RunAsClient
    void theOfferCardAndTheContextPanelShowTheCustomersTicketsAndTheHealthPageItsCompleteness() throws Exception {
        Api api = new Api(base.toString(), Api.itKey());
        Leftovers.closeOpenChats(api);
        try (VendorStub zendesk = new VendorStub(VendorStub.port(6), r -> {
                if (r.path().equals("/api/v2/users/search.json")) {
                    return VendorStub.Answer.json(200, "{\"users\":[{\"id\":9001,\"name\":\"Rita Records\",\"external_id\":\"ui-records-1\"}],\"count\":1}");
                }
                if (r.path().equals("/api/v2/users/9001/tickets/requested.json")) {
                    return VendorStub.Answer.json(200, "{\"tickets\":[{\"id\":35001,\"subject\":\"Invoice shows the wrong VAT\",\"status\":\"solved\","
                            + "\"priority\":\"normal\",\"created_at\":\"2026-11-02T09:00:00Z\"},{\"id\":34870,\"subject\":\"Cannot download the receipt\","
                            + "\"status\":\"open\",\"priority\":\"low\",\"created_at\":\"2026-10-12T09:00:00Z\"}],\"count\":2,\"next_page\":null}");
                }
                return VendorStub.Answer.json(201, "{\"ticket\":{\"id\":36100,\"status\":\"new\"}}");
            });
             Browser admin = new Browser(base.toString());
             Browser alice = new Browser(base.toString())) {
            admin.login("admin", HandoffUiIT.PASSWORD);
            admin.waitForUrl("/admin/");
            admin.open("/admin/integrations.xhtml");
            admin.waitFor(By.id("connectors:add")).click();
            admin.waitForAjax();
            admin.choose("editor:kind", "zendesk");
            admin.waitForAjax();
            WebElement name = admin.waitFor(By.id("editor:name"));
            name.clear();
            name.sendKeys("Zendesk (support)");
            admin.driver.findElement(By.id("editor:url")).sendKeys(zendesk.url());
            WebElement settings = admin.driver.findElement(By.id("editor:settings"));
            settings.clear();
            settings.sendKeys("{\"email\": \"agent@example.com\"}");
            List<WebElement> secrets = admin.driver.findElements(By.cssSelector("input[id$=':secret']"));
            assertEquals(2, secrets.size(), "apiToken and webhookSecret");
            secrets.get(0).sendKeys("zd-ui-token");
            admin.driver.findElement(By.id("editor:save")).click();
            admin.waitForText(By.id("messages"), "Zendesk (support) added");

            alice.login("alice", HandoffUiIT.PASSWORD);
            alice.waitForUrl("/agent/inbox.xhtml");
            alice.waitForPushSocket();
            String id = api.start("ui-records-1", "Rita Records");
            api.say(id, "customer", "I was charged twice, I want to talk to a person");
            WebElement offer = alice.waitFor(By.cssSelector(".offer[data-conversation='" + id + "']"));
            alice.until(d -> {
                String card = d.findElement(By.cssSelector(".offer[data-conversation='" + id + "']")).getText();
                if (card.contains("Invoice shows the wrong VAT")) {
                    return Boolean.TRUE;
                }
                d.navigate().refresh();
                return null;
            });
            offer = alice.waitFor(By.cssSelector(".offer[data-conversation='" + id + "']"));
            String card = offer.getText();
            assertTrue(card.contains("Zendesk (support) tickets:") && card.contains("#35001") && card.contains("#34870"), card);
            assertTrue(card.contains("solved") && card.contains("2026-11-02"), card);
            assertEquals(zendesk.url() + "/agent/tickets/35001", offer.findElement(By.linkText("#35001")).getAttribute("href"));
            alice.screenshot("integrations-03-offer-with-tickets");
            offer.findElement(By.cssSelector(".accept")).click();
            alice.waitForUrl("/agent/chat.xhtml?id=" + id);
            String panel = alice.text(By.cssSelector(".chat-side"));
            assertTrue(panel.contains("Zendesk (support) tickets:") && panel.contains("Cannot download the receipt"), panel);
            alice.screenshot("integrations-04-context-panel-tickets");

            admin.open("/admin/integration-health.xhtml");
            String figures = admin.text(By.id("health:completeness"));
            assertTrue(figures.contains("Zendesk (support)") && figures.contains("Tickets created"), figures);
            admin.scrollTo(By.id("health:completeness"));
            admin.screenshot("integrations-05-completeness");
        } finally {
            Leftovers.closeOpenChats(api);
        }
    }
}
