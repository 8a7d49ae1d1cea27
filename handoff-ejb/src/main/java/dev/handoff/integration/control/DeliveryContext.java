package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What a driver may read while it delivers: the conversation as it is now, what this connector made for it, HTTP, the clock. */
public interface DeliveryContext {

    Optional<Snapshot> conversation(String conversationId);

    Optional<Outcome.Link> link(String conversationId);

    VendorHttp http();

    Clock clock();

    /** The portal's address with a trailing slash (handoff.public-url), for "Open in Handoff" links. */
    String publicUrl();

    /** A conversation and its transcript (the first 200 messages). */
    record Snapshot(ConversationView view, List<MessageView> transcript) {}
}
