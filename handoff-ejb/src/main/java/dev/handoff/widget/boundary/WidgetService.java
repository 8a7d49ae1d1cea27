package dev.handoff.widget.boundary;

import dev.handoff.access.control.KeyMaterial;
import dev.handoff.conversation.boundary.ConversationEnd;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.PostCommand;
import dev.handoff.conversation.boundary.PostOutcome;
import dev.handoff.conversation.boundary.QueueStatus;
import dev.handoff.conversation.boundary.StartCommand;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.desk.boundary.FollowUpService;
import dev.handoff.help.boundary.HelpCenter;
import dev.handoff.help.control.DemoBot;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.Typing;
import dev.handoff.widget.entity.WidgetSite;
import dev.handoff.widget.entity.WidgetVisitor;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer's side through the widget: a visitor session per browser (a token only the browser
 * keeps), their messages posted through the same {@link ConversationService#post} as the bot API's,
 * so triggers, routing and context behave identically; the built-in demo bot's answers on demo
 * sites; "Talk to a person"; the page they are on; the end of the chat and its rating; and the
 * callback or e-mail choice.
 */
@Stateless
public class WidgetService {

    static final String TOKEN_PREFIX = "vt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationService conversations;

    @Inject
    ConversationEnd ends;

    @Inject
    HelpCenter help;

    @Inject
    FollowUpService followUps;

    @Inject
    Clock clock;

    @Inject
    Event<Typing> typing;

    /** A visitor session: the token (only when new: the browser keeps it), and the state of the conversation shown. */
    public record Session(String token, boolean created, WidgetState state) {}

    /**
     * Opens the widget: the visitor of {@code token} on this site, or a new visitor (and token) when
     * the token is missing or not this site's. The page is reported.
     */
    public Session open(SiteView site, String token, String name, String email, String pageUrl, String pageTitle) {
        Optional<WidgetVisitor> known = token == null ? Optional.empty() : find(site, token);
        Instant now = clock.instant();
        if (known.isPresent()) {
            WidgetVisitor v = known.get();
            v.describe(name, email);
            v.seen(now);
            onPage(v, pageUrl, pageTitle);
            return new Session(null, false, state(v, 0, site));
        }
        String fresh = newToken();
        WidgetVisitor v = new WidgetVisitor(em.find(WidgetSite.class, site.id()), KeyMaterial.hash(fresh), "web-" + newId(), now);
        v.describe(name, email);
        em.persist(v);
        em.flush();
        return new Session(fresh, true, WidgetState.empty());
    }

    /** The visitor's conversation as the widget shows it, messages after {@code after}. */
    public WidgetState state(SiteView site, String token, int after) {
        WidgetVisitor v = visitor(site, token);
        v.seen(clock.instant());
        return state(v, after, site);
    }

    /** The conversation the widget streams (none before the first message). */
    public Optional<String> conversationOf(SiteView site, String token) {
        return Optional.ofNullable(visitor(site, token).getConversationId());
    }

    /**
     * A customer message, through the same post path as the bot API's; on a demo site the demo bot
     * answers while no person is involved (and its answer goes through the triggers too).
     */
    public WidgetState post(SiteView site, String token, String text, String pageUrl, String pageTitle, int after) {
        WidgetVisitor v = visitor(site, token);
        String id = conversationFor(v, pageUrl, pageTitle);
        PostOutcome outcome = conversations.post(id, new PostCommand(Author.CUSTOMER, text, null, null, pageUrl, pageTitle));
        String current = outcome.conversation().id();
        v.showConversation(current);
        v.seen(clock.instant());
        if (site.demoBot() && "bot".equals(outcome.conversation().state())) {
            DemoBot.Answer answer = help.answer(text);
            conversations.post(current, new PostCommand(Author.BOT, answer.text(), answer.intent(), answer.confidence(), null, null));
        }
        return state(v, current.equals(id) ? after : 0, site);
    }

    /** "Talk to a person": honoured at once (the triggers see the request; if they do not hand over, it is handed over anyway). */
    public WidgetState requestPerson(SiteView site, String token, String pageUrl, String pageTitle, int after) {
        WidgetVisitor v = visitor(site, token);
        String id = conversationFor(v, pageUrl, pageTitle);
        PostOutcome outcome = conversations.requestPerson(id, "I'd like to talk to a person, please.", pageUrl, pageTitle);
        v.showConversation(outcome.conversation().id());
        v.seen(clock.instant());
        return state(v, outcome.conversation().id().equals(id) ? after : 0, site);
    }

    /** The visitor is on another page (or still here: a ping). */
    public void page(SiteView site, String token, String url, String title) {
        WidgetVisitor v = visitor(site, token);
        v.seen(clock.instant());
        onPage(v, url, title);
    }

    public void typing(SiteView site, String token) {
        WidgetVisitor v = visitor(site, token);
        if (v.getConversationId() != null) {
            Conversation c = em.find(Conversation.class, v.getConversationId());
            if (c != null && c.getState().isOpen()) {
                typing.fire(new Typing(c.getId(), "customer", c.getCustomer().getName(),
                        c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUsername()));
            }
        }
    }

    public WidgetState end(SiteView site, String token) {
        WidgetVisitor v = visitor(site, token);
        if (v.getConversationId() != null) {
            ends.endByCustomer(v.getConversationId());
        }
        return state(v, 0, site);
    }

    public WidgetState rate(SiteView site, String token, int rating, String comment) {
        WidgetVisitor v = visitor(site, token);
        if (v.getConversationId() == null) {
            throw new dev.handoff.platform.ConflictException("There is no chat to rate yet");
        }
        ends.rate(v.getConversationId(), rating, comment);
        return state(v, Integer.MAX_VALUE, site);
    }

    public WidgetState followUp(SiteView site, String token, String channel, String contact, String preferredTime) {
        WidgetVisitor v = visitor(site, token);
        if (v.getConversationId() == null) {
            throw new dev.handoff.platform.ConflictException("A callback or e-mail answer can be asked for while waiting for a person");
        }
        conversations.requestFollowUp(v.getConversationId(), channel, contact, preferredTime);
        return state(v, Integer.MAX_VALUE, site);
    }

    /**
     * Customers who left while waiting: queued widget chats whose visitor has not been seen for
     * {@code grace} (and who asked for no callback or e-mail) are closed, which records them as
     * abandoned and frees their place. Returns how many.
     */
    public int closeAbandoned(Duration grace) {
        Instant before = clock.instant().minus(grace);
        List<WidgetVisitor> gone = em.createQuery("SELECT v FROM WidgetVisitor v, Conversation c WHERE c.id = v.conversationId"
                        + " AND c.state = dev.handoff.conversation.entity.ConversationState.QUEUED AND v.lastSeenAt < :before", WidgetVisitor.class)
                .setParameter("before", before)
                .setMaxResults(100)
                .getResultList();
        int closed = 0;
        for (WidgetVisitor v : gone) {
            if (!followUps.hasOpen(v.getConversationId())) {
                conversations.close(v.getConversationId());
                closed++;
            }
        }
        return closed;
    }

    private WidgetState state(WidgetVisitor v, int after, SiteView site) {
        String id = v.getConversationId();
        if (id == null) {
            return WidgetState.empty();
        }
        ConversationView c = conversations.get(id);
        List<MessageView> messages = after == Integer.MAX_VALUE ? List.of() : conversations.messagesAfter(id, after, ConversationService.MAX_PAGE);
        QueueStatus queue = conversations.queueStatus(id);
        List<FollowUpService.TaskView> asked = followUps.ofConversation(id);
        boolean offered = "queued".equals(c.state()) && asked.isEmpty()
                && (queue.unavailable() != null || queue.waitedSeconds() >= site.offerAfterSeconds());
        List<HelpCenter.ArticleView> articles = "queued".equals(c.state()) ? help.forTopic(c.requiredSkill(), 3) : List.of();
        boolean csatAsked = !("bot".equals(c.state()) || "queued".equals(c.state()) || "assigned".equals(c.state()))
                && (c.escalatedAt() != null || "resolved".equals(c.state()));
        return new WidgetState(id, c.state(), messages, queue, offered, articles, asked, csatAsked, c.csat(), c.assignedAgentName(),
                c.previousConversationId());
    }

    private String conversationFor(WidgetVisitor v, String pageUrl, String pageTitle) {
        if (v.getConversationId() != null) {
            return v.getConversationId();
        }
        ConversationView started = conversations.start(new StartCommand(v.getCustomerExternalId(), v.getCustomerName(), v.getCustomerEmail(),
                null, null, "widget", pageUrl, pageTitle, "{\"site\":" + jsonString(v.getSite().getName()) + "}"));
        v.showConversation(started.id());
        return started.id();
    }

    private void onPage(WidgetVisitor v, String url, String title) {
        if (url == null || v.getConversationId() == null) {
            return;
        }
        Conversation c = em.find(Conversation.class, v.getConversationId());
        if (c != null && c.getState().isOpen()) {
            c.onPage(url, title);
        }
    }

    private WidgetVisitor visitor(SiteView site, String token) {
        return find(site, token).orElseThrow(() -> new ForbiddenException(
                "This chat session is not known here; open the widget again to start a new one"));
    }

    private Optional<WidgetVisitor> find(SiteView site, String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(WidgetVisitor.FIND_BY_TOKEN, WidgetVisitor.class).setParameter("hash", KeyMaterial.hash(token))
                .getResultStream().filter(v -> v.getSite().getId() == site.id()).findFirst();
    }

    static String newToken() {
        return TOKEN_PREFIX + random(40);
    }

    private static String newId() {
        return random(16);
    }

    private static String random(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    private static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
