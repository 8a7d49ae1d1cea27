package dev.handoff.desk.boundary;

import dev.handoff.conversation.boundary.ConversationChanged;
import dev.handoff.conversation.control.FollowUps;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.desk.entity.FollowUpTask;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.RoutingSettings;
import dev.handoff.identity.entity.Agent;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Callbacks and e-mail answers a customer chose instead of waiting: each one a task with a due time
 * (its SLA: {@code handoff.followup.callback-sla-minutes}, {@code handoff.followup.email-sla-minutes})
 * for an agent with the chat's skill, in their inbox and the supervisor's view until done. An e-mail
 * answer is sent through Jakarta Mail when {@code handoff.mail.smtp-host} is set, and shown as
 * pending otherwise.
 */
@Stateless
@LocalBean
@Local(FollowUps.class)
public class FollowUpService implements FollowUps {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RoutingSettings routingSettings;

    @Inject
    Event<ConversationChanged> changed;

    @Inject
    @ConfigProperty(name = "handoff.followup.callback-sla-minutes", defaultValue = "60")
    long callbackSlaMinutes;

    @Inject
    @ConfigProperty(name = "handoff.followup.email-sla-minutes", defaultValue = "240")
    long emailSlaMinutes;

    @Inject
    dev.handoff.platform.Mailer mailer;

    /** A task as the inbox and the supervisor's view show it, with its SLA. */
    public record TaskView(long id, String conversationId, String kind, String skill, String contact, String preferredTime,
            String customerName, String state, Instant createdAt, Instant dueAt, Duration left, String doneBy, String delivery) {

        public boolean breached() {
            return left.isNegative() && "open".equals(state);
        }

        /** "59:12" left or "-0:40" over. */
        public String slaDisplay() {
            long s = Math.abs(left.toSeconds());
            return (left.isNegative() ? "-" : "") + s / 60 + ":" + String.format("%02d", s % 60);
        }
    }

    @Override
    public void create(Conversation conversation, String channel, String contact, String preferredTime, Instant now) {
        FollowUpTask.Kind kind = "phone".equals(channel) ? FollowUpTask.Kind.CALLBACK : FollowUpTask.Kind.EMAIL;
        String skill = conversation.getRequiredSkill() == null ? routingSettings.defaultSkill() : conversation.getRequiredSkill();
        Duration sla = Duration.ofMinutes(kind == FollowUpTask.Kind.CALLBACK ? callbackSlaMinutes : emailSlaMinutes);
        em.persist(new FollowUpTask(conversation.getId(), kind, skill, contact, preferredTime, conversation.getCustomer().getName(),
                now, now.plus(sla)));
    }

    /** Open tasks an agent can do: those needing a skill they have (every agent has the default skill). */
    public List<TaskView> openFor(String username) {
        Agent agent = agent(username);
        return open().stream().filter(t -> t.skill().equals(routingSettings.defaultSkill()) || agent.proficiencyIn(t.skill()) > 0).toList();
    }

    /** Every open task, the most urgent first (the supervisor's view). */
    public List<TaskView> open() {
        Instant now = clock.instant();
        return em.createNamedQuery(FollowUpTask.FIND_OPEN, FollowUpTask.class).getResultStream().map(t -> view(t, now)).toList();
    }

    public List<TaskView> ofConversation(String conversationId) {
        Instant now = clock.instant();
        return em.createNamedQuery(FollowUpTask.FIND_BY_CONVERSATION, FollowUpTask.class).setParameter("id", conversationId)
                .getResultStream().map(t -> view(t, now)).toList();
    }

    public boolean hasOpen(String conversationId) {
        return ofConversation(conversationId).stream().anyMatch(t -> t.state().equals("open"));
    }

    /** The agent called back, or wrote the e-mail answer (sent now if SMTP is configured, else pending). */
    public TaskView complete(long taskId, String username, String answer) {
        FollowUpTask task = em.find(FollowUpTask.class, taskId);
        if (task == null) {
            throw new NotFoundException("no follow-up " + taskId);
        }
        Agent agent = agent(username);
        if (!task.getSkill().equals(routingSettings.defaultSkill()) && agent.proficiencyIn(task.getSkill()) == 0) {
            throw new ForbiddenException("This follow-up needs the skill " + task.getSkill());
        }
        String delivery = null;
        if (task.getKind() == FollowUpTask.Kind.EMAIL) {
            delivery = send(task.getContact(), answer) ? "sent" : "pending";
        }
        task.complete(username, answer, delivery, clock.instant());
        em.flush();
        Conversation c = em.find(Conversation.class, task.getConversationId());
        changed.fire(new ConversationChanged(task.getConversationId(), c.getState(),
                c.getAssignedAgent() == null ? null : c.getAssignedAgent().getUsername()));
        return view(task, clock.instant());
    }

    private boolean send(String to, String text) {
        return mailer.send(to, "Your question to our support team", text);
    }

    private Agent agent(String username) {
        return em.createNamedQuery(Agent.FIND_BY_USERNAME, Agent.class).setParameter("username", username).getResultStream().findFirst()
                .orElseThrow(() -> new ForbiddenException("Only agents do follow-ups"));
    }

    private static TaskView view(FollowUpTask t, Instant now) {
        return new TaskView(t.getId(), t.getConversationId(), t.getKind().name().toLowerCase(), t.getSkill(), t.getContact(),
                t.getPreferredTime(), t.getCustomerName(), t.getState().name().toLowerCase(), t.getCreatedAt(), t.getDueAt(),
                Duration.between(now, t.getDueAt()), t.getDoneBy(), t.getDelivery());
    }
}
