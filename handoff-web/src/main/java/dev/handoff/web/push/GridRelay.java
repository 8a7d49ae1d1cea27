package dev.handoff.web.push;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.entity.Author;
import dev.handoff.platform.events.ApiKeyRevoked;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.PresenceChanged;
import dev.handoff.platform.events.SlaBreached;
import dev.handoff.platform.events.Typing;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Push across servers (issue 16, ADR 0042): every change that nudges a portal page or a
 * conversation stream on this server is published on a topic of Payara's data grid, and every other
 * server delivers it to the pages and streams connected to it, exactly as if the change had
 * happened there. An offer made by a request on server A thus reaches the agent whose browser is on
 * server B, and a bot's event stream on B hears of a message posted on A.
 *
 * <p>Only the push is relayed, never the domain event: the other servers' observers of the event
 * (metrics, integrations, the outbox) must not run twice. What is relayed names what changed
 * (conversation, users, state); each server reads the rest from the database, as its own pushes do.
 * Without a grid (one server, {@code --nocluster}) nothing is published and nothing changes.
 */
@ApplicationScoped
public class GridRelay {

    static final String TOPIC = "handoff-push";
    private static final Logger LOG = Logger.getLogger(GridRelay.class.getName());

    @Inject
    InboxPush inbox;

    @Inject
    ConversationStreams streams;

    /** Where relayed pushes go: the grid's topic ({@link GridTopic}), or nothing without a grid. */
    interface Channel {
        void publish(String message);

        int members();

        void leave();
    }

    private volatile Channel topic;
    private volatile ManagedExecutorService executor;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    /**
     * Joins the grid's topic, if this server runs one. Called by the web module's listener at start-up,
     * which also hands over the executor that deliveries run on (a thread with this application's context).
     */
    void start(ManagedExecutorService deliveries) {
        executor = deliveries;
        try {
            Optional<GridTopic> joined = GridTopic.join(TOPIC, this::fromOtherServer);
            topic = joined.orElse(null);
            Channel t = topic;
            LOG.info(() -> joined.isPresent() ? "Pushes are relayed to the other servers of the data grid (" + t.members() + " now)"
                    : "No data grid: pushes reach the pages and streams of this server only");
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No data grid here (" + e.getClass().getSimpleName() + "): pushes reach the pages and streams of this server only");
            LOG.log(Level.FINE, "looking up the data grid", e);
        }
    }

    void stop() {
        Channel t = topic;
        topic = null;
        if (t != null) {
            try {
                t.leave();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "leaving the data grid's topic", e);
            }
        }
    }

    /** Servers in the grid this one belongs to, itself included; 0 without a grid. */
    public int members() {
        Channel t = topic;
        try {
            return t == null ? 0 : t.members();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The relay's figures in the Prometheus text format, for {@code /ops/metrics}. */
    public String exposition() {
        return "# HELP handoff_grid_members Servers in this server's data grid, itself included (0 without a grid).\n"
                + "# TYPE handoff_grid_members gauge\n"
                + "handoff_grid_members " + members() + "\n"
                + "# HELP handoff_grid_pushes_total Pushes relayed over the data grid since this server started.\n"
                + "# TYPE handoff_grid_pushes_total counter\n"
                + "handoff_grid_pushes_total{direction=\"sent\"} " + sent.get() + "\n"
                + "handoff_grid_pushes_total{direction=\"received\"} " + received.get() + "\n";
    }

    // ---------------------------------------------------------------- this server's changes, out

    void onOffers(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged event) {
        JsonArrayBuilder agents = Json.createArrayBuilder();
        event.agents().forEach(agents::add);
        publish(message("offers").add("conversation", event.conversationId()).add("agents", agents));
    }

    void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        publish(optional(message("message").add("conversation", event.conversationId()).add("seq", event.seq())
                .add("author", event.author().name()), "owner", event.owner()));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        publish(optional(optional(message("change").add("conversation", event.conversationId()),
                "state", event.state() == null ? null : event.state().name()), "owner", event.owner()));
    }

    void onPresence(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceChanged event) {
        publish(optional(optional(message("presence").add("user", event.username()).add("presence", event.presence()),
                "at", event.at() == null ? null : event.at().toString()), "seenBefore", event.seenBefore() == null ? null : event.seenBefore().toString()));
    }

    void onSlaBreach(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaBreached event) {
        publish(optional(message("sla").add("conversation", event.conversationId()).add("breach", event.kind()), "owner", event.owner()));
    }

    void onTyping(@Observes Typing event) {
        publish(optional(optional(message("typing").add("conversation", event.conversationId()).add("author", event.author()),
                "name", event.name()), "owner", event.owner()));
    }

    void onKeyRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked event) {
        publish(message("key-revoked").add("key", event.keyId()));
    }

    private static JsonObjectBuilder message(String kind) {
        return Json.createObjectBuilder().add("kind", kind);
    }

    private static JsonObjectBuilder optional(JsonObjectBuilder b, String name, String value) {
        return value == null ? b : b.add(name, value);
    }

    /** For tests: relays into this channel instead of a grid. */
    void relayTo(Channel channel) {
        topic = channel;
    }

    private void publish(JsonObjectBuilder message) {
        Channel t = topic;
        if (t == null) {
            return;
        }
        try {
            t.publish(message.build().toString());
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            // The change is committed and pushed here; other servers' pages catch up at their next refresh.
            LOG.log(Level.FINE, "relaying a push over the data grid failed", e);
        }
    }

    // ---------------------------------------------------------------- other servers' changes, in

    private void fromOtherServer(String message) {
        ManagedExecutorService e = executor;
        if (e == null) {
            return;
        }
        try {
            e.execute(() -> deliver(message));
        } catch (RuntimeException rejected) {
            LOG.log(Level.FINE, "no thread to deliver a relayed push", rejected);
        }
    }

    /** Hands a relayed change to this server's pushes, as its own changes are. */
    void deliver(String message) {
        try {
            JsonObject m;
            try (var reader = Json.createReader(new StringReader(message))) {
                m = reader.readObject();
            }
            received.incrementAndGet();
            String conversation = m.getString("conversation", null);
            switch (m.getString("kind", "")) {
                case "offers" -> {
                    Set<String> agents = new LinkedHashSet<>();
                    m.getJsonArray("agents").getValuesAs(JsonString.class).forEach(a -> agents.add(a.getString()));
                    OfferChanged event = new OfferChanged(conversation, agents);
                    inbox.onOffers(event);
                    streams.onOffers(event);
                }
                case "message" -> {
                    MessagePosted event = new MessagePosted(conversation, m.getInt("seq"), Author.valueOf(m.getString("author")),
                            m.getString("owner", null));
                    inbox.onMessage(event);
                    streams.onMessage(event);
                }
                case "change" -> {
                    String state = m.getString("state", null);
                    ConversationChanged event = new ConversationChanged(conversation, state == null ? null : ConversationState.valueOf(state),
                            m.getString("owner", null));
                    inbox.onChange(event);
                    streams.onStateChange(event);
                }
                case "presence" -> inbox.onPresence(new PresenceChanged(m.getString("user"), m.getString("presence"),
                        instant(m.getString("at", null)), instant(m.getString("seenBefore", null))));
                case "sla" -> inbox.onSlaBreach(new SlaBreached(conversation, m.getString("breach"), m.getString("owner", null)));
                case "typing" -> {
                    Typing event = new Typing(conversation, m.getString("author"), m.getString("name", null), m.getString("owner", null));
                    inbox.onTyping(event);
                    streams.onTyping(event);
                }
                case "key-revoked" -> streams.onKeyRevoked(new ApiKeyRevoked(m.getJsonNumber("key").longValue()));
                default -> LOG.fine(() -> "unknown relayed push ignored: " + m.getString("kind", "?"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a relayed push could not be delivered", e);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
