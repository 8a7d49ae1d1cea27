package dev.handoff.web.push;

import dev.handoff.conversation.boundary.ConversationService;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.platform.events.ConversationChanged;
import dev.handoff.platform.events.MessagePosted;
import dev.handoff.web.rest.dto.MessageResponse;
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
import java.util.logging.Logger;

/**
 * Server-sent event streams of conversations for bot platforms. A new stream first gets the
 * backlog, then every committed message; each stream remembers the last seq it sent so the
 * backlog and live events never duplicate or skip.
 */
@ApplicationScoped
public class ConversationStreams {

    private static final Logger LOG = Logger.getLogger(ConversationStreams.class.getName());

    @Inject
    ConversationService conversations;

    private final Map<String, Set<Stream>> open = new ConcurrentHashMap<>();

    public void open(String conversationId, int after, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(conversationId, sink, sse, after);
        open.computeIfAbsent(conversationId, k -> new CopyOnWriteArraySet<>()).add(stream);
        catchUp(stream);
    }

    void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        Set<Stream> streams = open.get(event.conversationId());
        if (streams != null) {
            streams.forEach(this::catchUp);
        }
    }

    void onStateChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged event) {
        Set<Stream> streams = open.get(event.conversationId());
        if (streams != null) {
            streams.forEach(s -> s.send(s.sse.newEventBuilder().name("state").data(event.state().wireName()).build()));
        }
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
        final SseEventSink sink;
        final Sse sse;
        int lastSeq;

        Stream(String conversationId, SseEventSink sink, Sse sse, int lastSeq) {
            this.conversationId = conversationId;
            this.sink = sink;
            this.sse = sse;
            this.lastSeq = lastSeq;
        }

        boolean send(OutboundSseEvent event) {
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
    }
}
