package dev.handoff.desk.entity;

import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer chose not to wait: a callback (phone, preferred time) or an e-mail answer, due by
 * {@code dueAt} (its SLA), for an agent with the chat's skill. Open until an agent marks it done.
 */
@Entity
@Table(name = "follow_up_task")
@NamedQuery(name = FollowUpTask.FIND_OPEN, query = "SELECT t FROM FollowUpTask t WHERE t.state = 'OPEN' ORDER BY t.dueAt, t.id")
@NamedQuery(name = FollowUpTask.FIND_BY_CONVERSATION, query = "SELECT t FROM FollowUpTask t WHERE t.conversationId = :id ORDER BY t.id")
public class FollowUpTask {

    public static final String FIND_OPEN = "FollowUpTask.findOpen";
    public static final String FIND_BY_CONVERSATION = "FollowUpTask.findByConversation";

    public enum Kind { CALLBACK, EMAIL }

    public enum State { OPEN, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = 64)
    private String skill;

    @Column(nullable = false, length = 320)
    private String contact;

    @Column(name = "preferred_time", length = 120)
    private String preferredTime;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by", length = 64)
    private String doneBy;

    @Column(length = 4000)
    private String answer;

    /** For e-mail answers: {@code sent}, or {@code pending} while no SMTP server is configured. */
    @Column(length = 16)
    private String delivery;

    @Version
    private long version;

    protected FollowUpTask() {}

    public FollowUpTask(String conversationId, Kind kind, String skill, String contact, String preferredTime, String customerName,
            Instant at, Instant due) {
        this.conversationId = Objects.requireNonNull(conversationId);
        this.kind = kind.name();
        this.skill = Objects.requireNonNull(skill);
        this.contact = Objects.requireNonNull(contact);
        this.preferredTime = preferredTime == null || preferredTime.isBlank() ? null : cut(preferredTime.strip(), 120);
        this.customerName = customerName == null ? null : cut(customerName, 200);
        this.state = State.OPEN.name();
        this.createdAt = at;
        this.dueAt = due;
    }

    /** The agent called back or wrote the answer; an e-mail answer needs its text. */
    public void complete(String agent, String answerText, String deliveryState, Instant at) {
        if (getState() == State.DONE) {
            throw new ConflictException("This follow-up was already done by " + doneBy);
        }
        if (getKind() == Kind.EMAIL && (answerText == null || answerText.isBlank())) {
            throw new InvalidInputException("answer", "write the answer the customer gets by e-mail");
        }
        if (answerText != null && answerText.length() > 4000) {
            throw new InvalidInputException("answer", "the answer is at most 4000 characters");
        }
        this.state = State.DONE.name();
        this.doneBy = agent;
        this.doneAt = at;
        this.answer = answerText == null || answerText.isBlank() ? null : answerText.strip();
        this.delivery = deliveryState;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    public Long getId() {
        return id;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
    }

    public String getSkill() {
        return skill;
    }

    public String getContact() {
        return contact;
    }

    public String getPreferredTime() {
        return preferredTime;
    }

    public String getCustomerName() {
        return customerName;
    }

    public State getState() {
        return State.valueOf(state);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public String getAnswer() {
        return answer;
    }

    public String getDelivery() {
        return delivery;
    }
}
