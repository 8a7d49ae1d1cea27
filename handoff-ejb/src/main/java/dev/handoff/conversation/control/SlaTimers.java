package dev.handoff.conversation.control;

import dev.handoff.conversation.boundary.SlaTimer;
import dev.handoff.conversation.entity.Conversation;
import java.util.List;

/**
 * The running SLA timers of an owned chat, for its view. A port: the desk implements it
 * ({@code desk.boundary.SlaService}), so the conversation does not depend on the desk (ADR 0047).
 */
public interface SlaTimers {

    List<SlaTimer> timers(Conversation c);
}
