package dev.handoff.widget.boundary;

import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.QueueStatus;
import dev.handoff.desk.boundary.FollowUpService;
import dev.handoff.help.boundary.HelpCenter;
import java.util.List;

/**
 * Everything the widget shows of the visitor's current conversation: its messages after the ones
 * the widget has, where it stands in the queue, whether the callback/e-mail choice is offered, help
 * articles for the topic while waiting, the follow-ups asked for, and the rating once it ended.
 */
public record WidgetState(String conversationId, String state, List<MessageView> messages, QueueStatus queue, boolean followUpOffered,
        List<HelpCenter.ArticleView> articles, List<FollowUpService.TaskView> followUps, boolean csatAsked, ConversationView.CsatView csat,
        String agentName, String previousConversationId) {

    public static WidgetState empty() {
        return new WidgetState(null, "new", List.of(), null, false, List.of(), List.of(), false, null, null, null);
    }
}
