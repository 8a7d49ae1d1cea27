package dev.handoff.integration.control;

import dev.handoff.conversation.boundary.ConversationView;
import dev.handoff.conversation.boundary.MessageView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The words a ticket or an alert uses for a handoff: who, why, where, the summary and the transcript. */
public final class HandoffText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private HandoffText() {}

    /** Kept with a ticket's link when its transcript was empty: the health page counts such tickets. */
    public static final String NO_TRANSCRIPT = "no-transcript";

    /** What a ticket's link notes about its completeness: {@link #NO_TRANSCRIPT}, or null. */
    public static String completeness(List<MessageView> transcript) {
        return transcript == null || transcript.isEmpty() ? NO_TRANSCRIPT : null;
    }

    public static String customer(ConversationView v) {
        var c = v.customer();
        return c == null ? "Customer" : c.displayName();
    }

    public static String reason(ConversationView v) {
        return v.escalationReason() == null || v.escalationReason().isBlank() ? "handed over to a person" : v.escalationReason();
    }

    public static String summary(ConversationView v) {
        return v.context() == null || v.context().summary() == null ? null : v.context().summary();
    }

    public static String chatUrl(String publicUrl, String conversationId) {
        return publicUrl + "agent/chat.xhtml?id=" + conversationId;
    }

    /** A plain-text ticket description: reason, topic, customer, page, summary, link, transcript. */
    public static String ticketBody(ConversationView v, List<MessageView> transcript, String publicUrl) {
        StringBuilder b = new StringBuilder();
        b.append("Chat handed over from the bot").append(v.escalatedAt() == null ? "" : " at " + TIME.format(v.escalatedAt()) + " UTC").append(".\n");
        b.append("Reason: ").append(reason(v)).append('\n');
        b.append("Topic: ").append(v.requiredSkill() == null ? "general" : v.requiredSkill()).append(" (priority ").append(v.priority()).append(")\n");
        var c = v.customer();
        if (c != null) {
            b.append("Customer: ").append(c.displayName());
            StringBuilder extra = new StringBuilder();
            if (c.email() != null) {
                extra.append(c.email());
            }
            if (c.tier() != null) {
                extra.append(extra.isEmpty() ? "" : ", ").append(c.tier());
            }
            if (c.accountValue() != null) {
                extra.append(extra.isEmpty() ? "" : ", ").append("account value ").append(c.accountValue().toPlainString());
            }
            b.append(extra.isEmpty() ? "" : " (" + extra + ")").append(" [").append(c.externalId()).append("]\n");
        }
        if (v.pageUrl() != null) {
            b.append("Page: ").append(v.pageTitle() == null ? "" : v.pageTitle() + " - ").append(v.pageUrl()).append('\n');
        }
        String summary = summary(v);
        if (summary != null) {
            b.append("Summary: ").append(summary).append('\n');
        }
        b.append("Open in Handoff: ").append(chatUrl(publicUrl, v.id())).append("\n\nTranscript:\n");
        for (MessageView m : transcript) {
            b.append('[').append(TIME.format(m.createdAt())).append("] ")
                    .append(m.authorName() != null ? m.authorName() + " (" + m.author() + ")" : m.author())
                    .append(": ").append(m.text()).append('\n');
        }
        return b.toString();
    }
}
