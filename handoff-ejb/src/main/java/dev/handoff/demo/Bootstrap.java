package dev.handoff.demo;

import dev.handoff.access.boundary.ApiKeyService;
import dev.handoff.access.boundary.IssuedKey;
import dev.handoff.access.entity.ApiScope;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.escalation.boundary.LiveTriggers;
import dev.handoff.escalation.boundary.TriggerSetService;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.entity.Role;
import dev.handoff.platform.Database;
import dev.handoff.platform.cluster.ClusterDuties;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start: an empty database gets either the demo data set (embedded database, or when asked)
 * or a single administrator, so there is always someone who can sign in. Under the {@code seeding}
 * lease (ADR 0038), so that servers starting together on one empty database seed it once.
 */
@Singleton
@Startup
@DependsOn({"Database", "ClusterDuties"})
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @EJB
    Database database;

    @EJB
    ClusterDuties duties;

    @Inject
    UserService users;

    @Inject
    ApiKeyService keys;

    @Inject
    DemoData demo;

    @Inject
    TriggerSetService triggerSets;

    @Inject
    TemplateService templates;

    @Inject
    LiveTriggers liveTriggers;

    @Inject
    dev.handoff.conversation.boundary.CustomerTemplateService customerTemplates;

    @Inject
    dev.handoff.help.boundary.HelpCenter help;

    @Inject
    dev.handoff.widget.boundary.WidgetSiteService widgetSites;

    @Inject
    @ConfigProperty(name = "handoff.demo.site-key")
    Optional<String> demoSiteKey;

    @Inject
    @ConfigProperty(name = "handoff.demo.enabled", defaultValue = "auto")
    String demoEnabled;

    @Inject
    @ConfigProperty(name = "handoff.demo.api-key")
    Optional<String> demoApiKey;

    @Inject
    @ConfigProperty(name = "handoff.demo.admin-api-key")
    Optional<String> demoAdminApiKey;

    @Inject
    @ConfigProperty(name = "handoff.admin.initial-password")
    Optional<String> initialAdminPassword;

    @Inject
    @ConfigProperty(name = "handoff.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @PostConstruct
    void start() {
        // Servers starting together on one empty database set it up once: the others wait, then find it done.
        // Generous bounds: loading the demo history took minutes on a machine at load 40.
        duties.exclusively(ClusterDuties.SEEDING, Duration.ofMinutes(30), Duration.ofMinutes(30), this::setUp);
    }

    private void setUp() {
        triggerSets.ensurePublished();
        templates.ensureDefaults("system");
        customerTemplates.ensureDefaults("system");
        // Compile the live trigger set now, so the first customer message does not wait for training.
        liveTriggers.versionNo();
        boolean demoWanted = "true".equalsIgnoreCase(demoEnabled)
                || ("auto".equalsIgnoreCase(demoEnabled) && database.isEmbedded());
        boolean empty = users.count() == 0;
        if (demoWanted) {
            String apiKey = demoKey(empty);
            demoAdminApiKey.filter(k -> !k.isBlank()).map(String::strip).filter(k -> keys.findBySecret(k).isEmpty())
                    .ifPresent(k -> keys.register("Demo admin (HANDOFF_DEMO_ADMIN_API_KEY)", ApiScope.ADMIN, "bootstrap", k));
            if (empty) {
                demo.load();
            }
            // The customer's side of the demo (/demo): its site and help center, also for data from before they existed.
            help.ensureDemoArticles("system");
            widgetSites.ensureDemoSite(demoSiteKey.filter(k -> !k.isBlank()).map(String::strip).orElse(null));
            LOG.info(banner(apiKey, empty));
        } else if (empty) {
            createFirstAdmin();
        }
    }

    /** The configured demo key (registered once), a fresh random one on first start, or none. */
    private String demoKey(boolean firstStart) {
        if (demoApiKey.isPresent() && !demoApiKey.get().isBlank()) {
            String secret = demoApiKey.get().strip();
            if (keys.findBySecret(secret).isEmpty()) {
                keys.register("Demo bot (HANDOFF_DEMO_API_KEY)", ApiScope.BOT, "bootstrap", secret);
            }
            return secret;
        }
        if (firstStart) {
            IssuedKey issued = keys.issue("Demo bot", ApiScope.BOT, "bootstrap");
            return issued.secret();
        }
        return null;
    }

    private void createFirstAdmin() {
        Optional<String> configured = initialAdminPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && configured.get().length() < UserService.MIN_PASSWORD) {
            LOG.warning("handoff.admin.initial-password is shorter than " + UserService.MIN_PASSWORD
                    + " characters and was not used; a random one-time password is written to a file instead.");
            configured = Optional.empty();
        }
        String password = configured.orElseGet(Bootstrap::randomPassword);
        users.create("admin", "Administrator", Role.ADMIN, password.toCharArray(), Map.of(), 1);
        if (configured.isPresent()) {
            LOG.info("Created the first administrator 'admin' with the password from handoff.admin.initial-password.");
            return;
        }
        // Secrets stay out of logs: the one-time password goes to a file only its owner can read.
        Path file = Path.of("handoff-initial-admin-password").toAbsolutePath();
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
            LOG.warning("Created the first administrator 'admin'. Its one-time password is in " + file
                    + " - sign in, change it and delete the file.");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.severe("Created the first administrator 'admin' but could not write its password to " + file
                    + " (" + e + "). Set handoff.admin.initial-password and reset the database, or reset the password in the database.");
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private String banner(String apiKey, boolean firstStart) {
        String line = "=".repeat(72);
        StringBuilder b = new StringBuilder("\n").append(line).append('\n')
                .append("  Handoff is running").append(firstStart ? " with fresh demo data" : " (demo data kept from an earlier start)").append('\n')
                .append("  Portal:   ").append(publicUrl).append('\n')
                .append("  API:      ").append(publicUrl).append("api/v1   (OpenAPI document at /openapi)\n")
                .append("  Database: ").append(database.product()).append('\n')
                .append("  Demo logins (password '").append(DemoData.PASSWORD).append("' for all):\n");
        DemoData.LOGINS.forEach((user, role) -> b.append("    ").append(String.format("%-8s", user)).append(role).append('\n'));
        b.append("  Customer demo (chat widget + demo bot): ").append(publicUrl).append("demo\n");
        if (apiKey != null) {
            b.append("  Demo bot API key: ").append(apiKey).append('\n');
        } else {
            b.append("  Demo bot API key: issued at the first start; set HANDOFF_DEMO_API_KEY or create one under Admin > API keys\n");
        }
        return b.append(line).toString();
    }
}
