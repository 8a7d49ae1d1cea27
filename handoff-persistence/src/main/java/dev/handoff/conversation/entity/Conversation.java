package dev.handoff.conversation.entity;

import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import dev.handoff.identity.entity.Agent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The aggregate root of a chat: who the customer is, where they are, and where the chat stands in
 * the handoff (see {@link ConversationState}). Status changes only through intent-named methods.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.FIND_QUEUED, query = "SELECT c FROM Conversation c WHERE c.state = dev.handoff.conversation.entity.ConversationState.QUEUED ORDER BY c.priority DESC, c.escalatedAt, c.id")
@NamedQuery(name = Conversation.FIND_ACTIVE_BY_AGENT, query = "SELECT c FROM Conversation c WHERE c.assignedAgent = :agent AND c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED ORDER BY c.acceptedAt")
@NamedQuery(name = Conversation.COUNT_ACTIVE_BY_AGENT, query = "SELECT COUNT(c) FROM Conversation c WHERE c.assignedAgent = :agent AND c.state = dev.handoff.conversation.entity.ConversationState.ASSIGNED")
@NamedQuery(name = Conversation.FIND_RECENTLY_ACCEPTED, query = "SELECT c FROM Conversation c WHERE c.acceptedAt IS NOT NULL ORDER BY c.acceptedAt DESC")
@NamedQuery(name = Conversation.FIND_RECENT, query = "SELECT c FROM Conversation c ORDER BY c.createdAt DESC")
public class Conversation {

    public static final String FIND_QUEUED = "Conversation.findQueued";
    public static final String FIND_ACTIVE_BY_AGENT = "Conversation.findActiveByAgent";
    public static final String COUNT_ACTIVE_BY_AGENT = "Conversation.countActiveByAgent";
    public static final String FIND_RECENTLY_ACCEPTED = "Conversation.findRecentlyAccepted";
    public static final String FIND_RECENT = "Conversation.findRecent";

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(nullable = false, length = 64)
    private String channel;

    @Column(name = "page_url", length = 2048)
    private String pageUrl;

    @Column(name = "page_title", length = 300)
    private String pageTitle;

    @Column(name = "entry_page_url", length = 2048)
    private String entryPageUrl;

    @Column(name = "owned_since")
    private Instant ownedSince;

    @Column(name = "unavailable_notice", length = 32)
    private String unavailableNotice;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "last_agent_message_at")
    private Instant lastAgentMessageAt;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "entry_page_title", length = 300)
    private String entryPageTitle;

    @Column(length = 4000)
    private String metadata;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConversationState state;

    @Column(name = "required_skill", length = 64)
    private String requiredSkill;

    @Column(nullable = false)
    private int priority;

    @Column(name = "escalation_reason", length = 1000)
    private String escalationReason;

    @ManyToOne
    @JoinColumn(name = "assigned_agent_id")
    private Agent assignedAgent;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(length = 1000)
    private String resolution;

    @Column(name = "predicted_wait_seconds")
    private Long predictedWaitSeconds;

    @Column(name = "actual_wait_seconds")
    private Long actualWaitSeconds;

    @Column(name = "previous_conversation_id", length = 36)
    private String previousConversationId;

    @Version
    private long version;

    protected Conversation() {}

    public Conversation(Customer customer, String channel, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.customer = Objects.requireNonNull(customer, "customer");
        this.channel = channel == null || channel.isBlank() ? "web" : channel.strip();
        this.state = ConversationState.BOT;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** The customer is on a page now; the first page seen is kept as the entry page, and a new page drops the old title. */
    public void onPage(String url, String title) {
        if (url != null) {
            if (entryPageUrl == null) {
                entryPageUrl = url;
                entryPageTitle = title;
            }
            if (!url.equals(pageUrl)) {
                this.pageTitle = title;
            }
            this.pageUrl = url;
        }
        if (title != null) {
            this.pageTitle = title;
        }
    }

    public String getEntryPageUrl() {
        return entryPageUrl;
    }

    public String getEntryPageTitle() {
        return entryPageTitle;
    }

    public void attachMetadata(String json) {
        this.metadata = json;
    }

    /** Appends a message with the next sequence number; refuses once the chat is over. Agent and customer messages drive the SLA clocks. */
    public Message append(Author author, String authorName, String text, Instant at) {
        requireOpen();
        Message message = new Message(this, messageCount + 1, author, authorName, text, at);
        messageCount++;
        if (author == Author.AGENT) {
            if (firstResponseAt == null) {
                firstResponseAt = at;
            }
            lastAgentMessageAt = at;
        } else if (author == Author.CUSTOMER) {
            lastCustomerMessageAt = at;
        }
        return message;
    }

    /** Hands the chat to the human queue. Escalating an escalated chat changes nothing. */
    public boolean escalate(String skill, int newPriority, String reason, Instant at) {
        requireOpen();
        if (state != ConversationState.BOT) {
            return false;
        }
        this.state = ConversationState.QUEUED;
        this.requiredSkill = skill;
        this.priority = newPriority;
        this.escalationReason = reason;
        this.escalatedAt = at;
        return true;
    }

    /** The agent takes ownership. Only a queued chat can be accepted. */
    public void acceptBy(Agent agent, Instant at) {
        if (state != ConversationState.QUEUED) {
            throw new ConflictException("Conversation " + id + " is " + state.wireName() + ", not queued");
        }
        this.assignedAgent = Objects.requireNonNull(agent);
        this.state = ConversationState.ASSIGNED;
        this.acceptedAt = at;
        startOwnership(agent, at);
    }

    /** Warm transfer: another agent owns the chat from now; their first-response clock starts. */
    public void transferTo(Agent agent, Instant at) {
        if (state != ConversationState.ASSIGNED) {
            throw new ConflictException("Only an assigned conversation can be transferred");
        }
        if (agent.getId() != null && assignedAgent != null && agent.getId().equals(assignedAgent.getId())) {
            throw new InvalidInputException("The chat is already theirs");
        }
        this.assignedAgent = Objects.requireNonNull(agent);
        startOwnership(agent, at);
    }

    /** Transfer to a skill: the chat goes back to the queue needing that skill, ahead of newer handoffs of the same priority. */
    public void requeueFor(String skill, Instant at) {
        if (state != ConversationState.ASSIGNED) {
            throw new ConflictException("Only an assigned conversation can be put back in the queue");
        }
        this.state = ConversationState.QUEUED;
        this.requiredSkill = skill;
        this.assignedAgent = null;
        this.ownedSince = null;
        this.firstResponseAt = null;
    }

    private void startOwnership(Agent agent, Instant at) {
        this.ownedSince = at;
        this.firstResponseAt = null;
        this.lastAgentMessageAt = null;
        agent.assigned(at);
    }

    /** The customer was told nobody could take the chat now ("nobody-online" or "queue-full"); the request waits for the next agent. */
    public void noticeUnavailable(String why) {
        this.unavailableNotice = why;
    }

    public String getUnavailableNotice() {
        return unavailableNotice;
    }

    public Instant getOwnedSince() {
        return ownedSince;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getLastAgentMessageAt() {
        return lastAgentMessageAt;
    }

    public Instant getLastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public void resolve(String outcome, Instant at) {
        if (state != ConversationState.ASSIGNED) {
            throw new ConflictException("Only an assigned conversation can be resolved");
        }
        this.state = ConversationState.RESOLVED;
        this.resolution = outcome;
        this.closedAt = at;
    }

    /** The bot (or the customer, in the widget) ends a chat no person was needed for: resolved by the bot. */
    public void resolveByBot(Instant at) {
        if (state != ConversationState.BOT) {
            throw new ConflictException("Only a chat the bot still handles can be resolved by the bot");
        }
        this.state = ConversationState.RESOLVED;
        this.resolution = "resolved by the bot";
        this.closedAt = at;
    }

    /** The agent hands the chat back to the bot: it is the bot's again (and the triggers may hand it over again). */
    public void handBackToBot() {
        if (state != ConversationState.ASSIGNED) {
            throw new ConflictException("Only a chat an agent has can be handed back to the bot");
        }
        this.state = ConversationState.BOT;
        this.assignedAgent = null;
        this.ownedSince = null;
        this.firstResponseAt = null;
    }

    /** This conversation continues {@code previous}, which was over when the customer wrote again. */
    public void continues(String previous) {
        this.previousConversationId = previous;
    }

    public String getPreviousConversationId() {
        return previousConversationId;
    }

    /** The bot platform ends the chat (the customer left). */
    public void close(Instant at) {
        requireOpen();
        this.state = ConversationState.CLOSED;
        this.closedAt = at;
    }

    private void requireOpen() {
        if (!state.isOpen()) {
            throw new ConversationClosedException(id, state);
        }
    }

    public boolean isOwnedBy(String username) {
        return assignedAgent != null && assignedAgent.getUsername().equals(username);
    }

    public Duration waitSoFar(Instant now) {
        if (escalatedAt == null) {
            return Duration.ZERO;
        }
        Instant end = acceptedAt != null ? acceptedAt : now;
        return Duration.between(escalatedAt, end);
    }

    public String getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getChannel() {
        return channel;
    }

    public String getPageUrl() {
        return pageUrl;
    }

    public String getPageTitle() {
        return pageTitle;
    }

    public String getMetadata() {
        return metadata;
    }

    public ConversationState getState() {
        return state;
    }

    public String getRequiredSkill() {
        return requiredSkill;
    }

    public int getPriority() {
        return priority;
    }

    public String getEscalationReason() {
        return escalationReason;
    }

    public Agent getAssignedAgent() {
        return assignedAgent;
    }

    public int getMessageCount() {
        return messageCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getResolution() {
        return resolution;
    }

    public long getVersion() {
        return version;
    }

    // ---- routing: the wait promised vs. the wait that happened

    /** The wait promised at escalation, kept once. */
    public void predictWait(long seconds) {
        if (predictedWaitSeconds == null) {
            this.predictedWaitSeconds = Math.max(0, seconds);
        }
    }

    /** The wait from escalation to this acceptance. */
    public void recordActualWait(Instant acceptedAt) {
        if (escalatedAt != null) {
            this.actualWaitSeconds = Math.max(0, Duration.between(escalatedAt, acceptedAt).toSeconds());
        }
    }

    public Long getPredictedWaitSeconds() {
        return predictedWaitSeconds;
    }

    public Long getActualWaitSeconds() {
        return actualWaitSeconds;
    }
}
