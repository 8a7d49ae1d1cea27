package dev.handoff.demo;

import dev.handoff.desk.boundary.AgentDeskService;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.identity.entity.Role;
import dev.handoff.platform.entity.Author;
import dev.handoff.routing.boundary.AgentProfiles;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import dev.handoff.metrics.control.MetricsSettings;
import dev.handoff.metrics.control.RollupStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo data set: an admin, a supervisor, agents with different skills and capacities, sample
 * customers and a few past conversations, all made through the real services.
 */
@Dependent
public class DemoData {

    static final String PASSWORD = "handoff-demo";
    static final int HISTORY_DAYS = 90;
    static final int HISTORY_PER_WEEKDAY = 40;
    static final Map<String, String> LOGINS = new LinkedHashMap<>();
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    static {
        LOGINS.put("admin", "administrator");
        LOGINS.put("sam", "supervisor");
        LOGINS.put("alice", "agent - billing 5, general 3, up to 3 chats");
        LOGINS.put("bob", "agent - technical 5, general 3, up to 4 chats");
        LOGINS.put("carol", "agent - general 5, billing 3, technical 2, up to 2 chats");
        LOGINS.put("dave", "agent - general 4, up to 5 chats");
    }

    @Inject
    UserService users;

    @Inject
    AgentProfiles profiles;

    @Inject
    ConversationService conversations;

    @Inject
    AgentDeskService desk;

    @Inject
    RollupStore rollups;

    @Inject
    MetricsSettings metricsSettings;

    void load() {
        char[] pw = PASSWORD.toCharArray();
        users.create("admin", "Ada Admin", Role.ADMIN, pw, Map.of(), 1);
        users.create("sam", "Sam Supervisor", Role.SUPERVISOR, pw, Map.of("general", 4, "billing", 4, "technical", 3), 2);
        users.create("alice", "Alice Martin", Role.AGENT, pw, Map.of("billing", 5, "general", 3), 3);
        users.create("bob", "Bob Chen", Role.AGENT, pw, Map.of("technical", 5, "general", 3), 4);
        users.create("carol", "Carol Diaz", Role.AGENT, pw, Map.of("general", 5, "billing", 3, "technical", 2), 2);
        users.create("dave", "Dave Okafor", Role.AGENT, pw, Map.of("general", 4), 5);
        // two teams, so the dashboards' team filter has something to split (the history uses the same)
        profiles.agents().stream().filter(a -> DemoHistory.TEAMS.containsKey(a.getUsername()))
                .forEach(a -> profiles.updateAgentProfile(a.getId(), a.getLanguages(), a.getTier(), DemoHistory.TEAMS.get(a.getUsername())));

        past("cus-1001", "Sarah Lee", "sarah.lee@example.com", "enterprise", "48000", "alice",
                "https://app.example.com/billing/invoices", "Invoices",
                new String[] {"Hi, I was charged twice for my March subscription.",
                    "I want a refund for the duplicate charge, transaction ids TX-88231 and TX-88232."},
                "You're right, I can see both charges. I've refunded TX-88232; it will show in 3-5 days.",
                "Refunded duplicate March charge");
        past("cus-1002", "Marco Rossi", "marco@rossi.example", "pro", "1200", "carol",
                "https://app.example.com/settings/team", "Team settings",
                new String[] {"How do I add a colleague to my team?", "That didn't work. Can I talk to a real person please?"},
                "Hi Marco, invites only work for verified domains. I've verified rossi.example for you - try again now.",
                "Verified domain, invite works");
        past("cus-1003", "Priya Nair", "priya.nair@example.org", "free", "0", "dave",
                "https://app.example.com/export", "Export",
                new String[] {"The export keeps failing.", "Connect me to an agent"},
                "Hi Priya, exports over 50 MB need the async option - I've switched it on for your workspace.",
                "Enabled async export");
        ConversationView open = conversations.start(new StartCommand("cus-1004", "Tom Becker", "tom@becker.example", "business",
                new BigDecimal("9600"), "web", "https://app.example.com/pricing", "Pricing", "{\"locale\":\"de-DE\"}"));
        conversations.post(open.id(), new PostCommand(Author.CUSTOMER, "What does the business plan include?", null, null, null, null));
        conversations.post(open.id(), new PostCommand(Author.BOT,
                "The business plan includes SSO, audit logs and priority support.", "plan_info", 0.92, null, null));
        history();
        LOG.info("Loaded the demo data set");
    }

    /** Ninety days of dashboard history before today (roll-ups and their conversations' facts, no transcripts). */
    private void history() {
        long started = System.nanoTime();
        DemoHistory.Result result = new DemoHistory(15L, metricsSettings.ttaTargetSeconds())
                .generate(LocalDate.now(ZoneOffset.UTC), HISTORY_DAYS, HISTORY_PER_WEEKDAY);
        rollups.insertHistory(result.conversations(), result.deltas());
        LOG.info(() -> "Demo history: " + result.conversations().size() + " conversations over " + HISTORY_DAYS + " days in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void past(String customerId, String name, String email, String tier, String value, String agent,
            String url, String title, String[] customerLines, String agentReply, String resolution) {
        ConversationView c = conversations.start(new StartCommand(customerId, name, email, tier, new BigDecimal(value), "web",
                url, title, null));
        for (String line : customerLines) {
            conversations.post(c.id(), new PostCommand(Author.CUSTOMER, line, null, null, url, title));
        }
        desk.accept(c.id(), agent);
        desk.reply(c.id(), agent, agentReply);
        conversations.post(c.id(), new PostCommand(Author.CUSTOMER, "Thank you!", null, null, null, null));
        desk.resolve(c.id(), agent, resolution);
    }
}
