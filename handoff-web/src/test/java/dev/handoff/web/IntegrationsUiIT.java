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
}
