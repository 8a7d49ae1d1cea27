package dev.handoff.web.push;

import dev.handoff.access.boundary.ApiKeyService;
import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.MessagePosted;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.entity.ConversationState;
import dev.handoff.platform.events.ApiKeyRevoked;
import dev.handoff.platform.events.OfferChanged;
import dev.handoff.platform.events.Typing;
import dev.handoff.conversation.boundary.QueueStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import dev.handoff.web.rest.dto.MessageResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-sent event streams of conversations for bot platforms. A new stream first gets the
 * backlog, then every committed message; each stream remembers the last seq it sent so the
 * backlog and live events never duplicate or skip.
 *
 * <p>A stream lives as long as its reason: it ends when the conversation is resolved or closed
 * (after the {@code state} event), and when the API key it was opened with is revoked (at once on
 * the revocation, and checked again with every heartbeat). Every
 * {@code handoff.api.sse-heartbeat-seconds} (15 s) each stream gets a comment line, so idle
 * proxies keep it open and a dead client is noticed.
 */
@ApplicationScoped
public class ConversationStreams {

    private static final Logger LOG = Logger.getLogger(ConversationStreams.class.getName());

    @Inject
    ConversationService conversations;

    @Inject
    ApiKeyService keys;


    @Inject
    @ConfigProperty(name = "handoff.api.sse-heartbeat-seconds", defaultValue = "15")
    long heartbeatSeconds;

    /** Past this wait in the queue the bot API's 'queue' events say the callback / e-mail choice is due (widget sites set their own). */
    @Inject
    @ConfigProperty(name = "handoff.customer.offer-after-seconds", defaultValue = "180")
    int offerAfterSeconds;

    @Inject
    @ConfigProperty(name = "handoff.customer.queue-refresh-seconds", defaultValue = "2")
    long queueRefreshSeconds;

    private ScheduledFuture<?> queueRefresh;

    private final Map<String, Set<Stream>> open = new ConcurrentHashMap<>();
    private ScheduledFuture<?> heartbeat;

    /**
     * Starts the heartbeat with the first stream, on a request thread of the web module. Not at
     * construction: in the EAR the EJB module's start-up fires the events this bean observes on a
     * deployment thread, where the web module's {@code java:comp} (and so its managed scheduler)
     * cannot be looked up.
     */
    private synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            long every = Math.max(1, heartbeatSeconds);
            heartbeat = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.SECONDS);
            long refresh = Math.max(1, queueRefreshSeconds);
            queueRefresh = scheduler.scheduleAtFixedRate(this::refreshQueues, refresh, refresh, TimeUnit.SECONDS);
        } catch (NamingException e) {
            throw new IllegalStateException("no managed scheduler for the stream heartbeat", e);
        }
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (queueRefresh != null) {
            queueRefresh.cancel(false);
        }
        all().forEach(Stream::close);
    }

    /**
     * Opens a stream for the API key {@code keyId} (null for a widget visitor's stream). A
     * conversation already resolved or closed gets its backlog and its state, then the stream ends.
     * {@code offerAfter} is the wait after which 'queue' events offer a callback or e-mail (null: the
     * configured default).
     */
    public void open(String conversationId, int after, Long keyId, ConversationState state, SseEventSink sink, Sse sse, Integer offerAfter) {
        startHeartbeat();
        Stream stream = new Stream(conversationId, keyId, sink, sse, after, offerAfter == null ? offerAfterSeconds : offerAfter);
        open.computeIfAbsent(conversationId, k -> new CopyOnWriteArraySet<>()).add(stream);
        catchUp(stream);
        if (!state.isOpen()) {
            stream.send(stateEvent(sse, state));
            stream.close();
        } else if (state == ConversationState.QUEUED) {
            sendQueue(stream);
        }
    }

    /** Whether a widget visitor's stream of this conversation is open (the customer is still on a page with the widget). */
    public boolean watched(String conversationId) {
        Set<Stream> streams = open.get(conversationId);
        return streams != null && streams.stream().anyMatch(s -> s.keyId == null);
    }

    public void onTyping(@Observes Typing event) {
        Set<Stream> streams = open.get(event.conversationId());
        if (streams == null || !"agent".equals(event.author())) {
            return;
        }
        JsonObject data = Json.createObjectBuilder().add("author", event.author()).add("name", event.name() == null ? "" : event.name()).build();
        for (Stream s : streams) {
            s.send(s.sse.newEventBuilder().name("typing").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.toString()).build());
        }
    }

    public void onOffers(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferChanged event) {
        refreshQueues();
    }

    /** Every queued stream gets a 'queue' event when its position, wait or choice changed (positions move as others are taken). */
    void refreshQueues() {
        try {
            for (Stream s : all()) {
                if (s.queued) {
                    sendQueue(s);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Queue refresh failed; the next one tries again", e);
        }
    }

    private void sendQueue(Stream stream) {
        QueueStatus q = conversations.queueStatus(stream.conversationId);
        stream.queued = "queued".equals(q.state());
        if (!stream.queued || q.position() == null) {
            return;
        }
        boolean offered = q.unavailable() != null || q.waitedSeconds() >= stream.offerAfter;
        String key = q.position() + "/" + q.estimatedWaitSeconds() + "/" + offered + "/" + q.text();
        if (key.equals(stream.lastQueue)) {
            return;
        }
        stream.lastQueue = key;
        JsonObjectBuilder data = Json.createObjectBuilder().add("position", q.position()).add("estimatedWaitSeconds", q.estimatedWaitSeconds())
                .add("text", q.text()).add("waitedSeconds", q.waitedSeconds()).add("followUpOffered", offered);
        if (q.unavailable() != null) {
            data.add("unavailable", q.unavailable());
        }
        stream.send(stream.sse.newEventBuilder().name("queue").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.build().toString()).build());
    }

    public void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        Set<Stream> streams = open.get(event.conversationId());
        if (streams != null) {
            streams.forEach(this::catchUp);
        }
    }

    public void onStateChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        Set<Stream> streams = open.get(event.conversationId());
        if (streams != null && event.state() != null) {
            for (Stream s : streams) {
                catchUp(s);
                s.send(stateEvent(s.sse, event.state()));
                s.queued = event.state() == ConversationState.QUEUED;
                if (!event.state().isOpen()) {
                    s.close();
                }
            }
        }
        refreshQueues();
    }

    public void onKeyRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked event) {
        closeStreamsOf(Set.of(event.keyId()));
    }

    /** The heartbeat: a comment to every stream, and streams whose key is no longer usable end. */
    void beat() {
        try {
            List<Stream> streams = all();
            if (streams.isEmpty()) {
                return;
            }
            closeStreamsOf(keys.unusableAmong(streams.stream().map(s -> s.keyId).filter(java.util.Objects::nonNull).collect(Collectors.toSet())));
            for (Stream s : all()) {
                s.send(s.sse.newEventBuilder().comment("heartbeat").build());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream heartbeat failed; the next one tries again", e);
        }
    }

    private void closeStreamsOf(Set<Long> keyIds) {
        if (!keyIds.isEmpty()) {
            all().stream().filter(s -> s.keyId != null && keyIds.contains(s.keyId)).forEach(Stream::close);
        }
    }

    private List<Stream> all() {
        return open.values().stream().flatMap(Set::stream).toList();
    }

    private static OutboundSseEvent stateEvent(Sse sse, ConversationState state) {
        return sse.newEventBuilder().name("state").data(state.wireName()).build();
    }

    private void catchUp(Stream stream) {
        synchronized (stream) {
            List<MessageView> missing;
            do {
                missing = conversations.messagesAfter(stream.conversationId, stream.lastSeq, ConversationService.MAX_PAGE);
                for (MessageView m : missing) {
                    OutboundSseEvent event = stream.sse.newEventBuilder()
                            .name("message")
                            .id(Integer.toString(m.seq()))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(MessageResponse.class, MessageResponse.of(m))
                            .build();
                    if (!stream.send(event)) {
                        return;
                    }
                    stream.lastSeq = m.seq();
                }
            } while (missing.size() == ConversationService.MAX_PAGE);
        }
    }

    private void drop(Stream stream) {
        Set<Stream> streams = open.get(stream.conversationId);
        if (streams != null) {
            streams.remove(stream);
            if (streams.isEmpty()) {
                open.remove(stream.conversationId, streams);
            }
        }
    }

    private final class Stream {
        final String conversationId;
        final Long keyId;
        final SseEventSink sink;
        final Sse sse;
        final int offerAfter;
        int lastSeq;
        volatile boolean queued = true;
        volatile String lastQueue;

        Stream(String conversationId, Long keyId, SseEventSink sink, Sse sse, int lastSeq, int offerAfter) {
            this.conversationId = conversationId;
            this.keyId = keyId;
            this.sink = sink;
            this.sse = sse;
            this.lastSeq = lastSeq;
            this.offerAfter = offerAfter;
        }

        synchronized boolean send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                drop(this);
                return false;
            }
            try {
                sink.send(event).toCompletableFuture().exceptionally(e -> {
                    drop(this);
                    return null;
                });
                return true;
            } catch (RuntimeException e) {
                LOG.fine(() -> "Dropping a stream of " + conversationId + ": " + e);
                drop(this);
                return false;
            }
        }

        synchronized void close() {
            drop(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Closing a stream of " + conversationId + ": " + e);
            }
        }
    }
}
