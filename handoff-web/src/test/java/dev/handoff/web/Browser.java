package dev.handoff.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with the page objects of the portal. Uses the
 * chromium and chromedriver found on the PATH (apt packages chromium, chromium-driver), so
 * Selenium Manager never tries to download a browser.
 */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    final String base;
    private final Path screenshots;

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        File chromedriver = onPath("chromedriver").orElseThrow(() -> new IllegalStateException(
                "chromedriver is not installed: apt-get install chromium chromium-driver (bash .ci/run does it)"));
        File chromium = onPath("chromium").orElseThrow(() -> new IllegalStateException(
                "chromium is not installed: apt-get install chromium chromium-driver (bash .ci/run does it)"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        this.driver = new ChromeDriver(service, options);
        this.screenshots = Path.of(System.getProperty("handoff.it.screenshots", "target/screenshots"));
    }

    private static Optional<File> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> new File(dir, name))
                .filter(File::canExecute)
                .findFirst();
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForUrl(String fragment) {
        until(ExpectedConditions.urlContains(fragment));
    }

    /** Waits up to 20 s; on time-out keeps a screenshot and the page source to show what was there instead. */
    <T> T until(java.util.function.Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            // Chromium's own word for a stale element: a node read while a navigation or an
                            // Ajax update replaced it ("Node with given id does not belong to the document")
                            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "failure-" + System.currentTimeMillis();
            screenshot(name);
            try {
                Files.writeString(screenshots.resolve(name + ".html"), "<!-- url: " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw new org.openqa.selenium.TimeoutException(e.getMessage() + " (page: " + driver.getCurrentUrl() + ")", e);
        }
    }

    /** Waits until no PrimeFaces Ajax request is queued or running (the page may already show what is asked for). */
    void waitForAjax() {
        until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (typeof jQuery === 'undefined' || jQuery.active === 0)")));
    }

    /**
     * Chooses the item of a PrimeFaces select menu whose label starts with {@code labelStart}. The
     * menu is scrolled to the middle of the window first: its panel closes when the page scrolls,
     * which a click on an item below the fold would do.
     */
    void choose(String menuId, String labelStart) {
        By menu = By.id(menuId);
        By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label^='" + labelStart + "']");
        By label = By.id(menuId + "_label");
        // A click on an item while the panel is still fading in can go nowhere (seen on a loaded
        // machine): wait for the panel to stand still, and try again if the choice did not take.
        for (int attempt = 1; attempt < 3; attempt++) {
            scrollTo(menu);
            if (!driver.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                driver.findElement(menu).click();
            }
            waitFor(item);
            until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return typeof jQuery === 'undefined' || !jQuery(document.getElementById(arguments[0])).is(':animated')", menuId + "_panel")));
            driver.findElement(item).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.textToBePresentInElementLocated(label, labelStart));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // next attempt
            }
        }
        scrollTo(menu);
        driver.findElement(menu).click();
        waitFor(item).click();
        waitForText(label, labelStart);
    }

    /** The element's text; found again if a push re-rendered it between finding and reading. */
    String text(By by) {
        return until(d -> d.findElement(by).getText());
    }

    /** Scrolls an element into view (before a screenshot of it). */
    void scrollTo(By by) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(by));
    }

    /** Saves a PNG under target/screenshots and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the login form and waits for the role's home page. */
    void login(String username, String password) {
        open("/login.xhtml");
        waitFor(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    /** Waits until the inbox's push socket is open, so no offer is missed. */
    void waitForPushSocket() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return typeof faces !== 'undefined' && document.readyState === 'complete'")));
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
