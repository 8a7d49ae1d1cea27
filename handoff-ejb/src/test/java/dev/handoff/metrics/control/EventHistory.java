package dev.handoff.metrics.control;

import dev.handoff.platform.events.ConversationStarted;
import dev.handoff.platform.events.DomainEvent;
import java.util.HashMap;
import java.util.Map;

/** A fixed history run through a {@link Rollup} as the recorder runs it: each conversation's facts and the sum of the deltas. */
final class EventHistory {

    final Rollup rollup;
    final Map<String, Facts> facts = new HashMap<>();
    final Deltas all = new Deltas();

    EventHistory(Rollup rollup) {
        this.rollup = rollup;
    }

    void on(DomainEvent e) {
        if (e instanceof ConversationStarted s) {
            facts.put(s.conversationId(), rollup.start(s.conversationId(), s.channel(), s.at(), all));
        } else {
            all.addAll(rollup.apply(facts.get(e.conversationId()), e));
        }
    }

    void breach(String id, String kind) {
        all.addAll(rollup.breach(facts.get(id), kind));
    }
}
