package dev.handoff.web.faces.agent;

import dev.handoff.desk.boundary.FollowUpService;
import dev.handoff.web.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Callbacks and e-mail answers customers asked for instead of waiting: the agent's (by skill) in the
 * inbox, everyone's in the supervisor's view, each with its SLA; "Done" closes one (an e-mail answer
 * needs its text).
 */
@Named
@RequestScoped
public class FollowUpsBacking {

    @Inject
    FollowUpService followUps;

    private List<FollowUpService.TaskView> mine;
    private List<FollowUpService.TaskView> all;
    private final Map<Long, String> answers = new HashMap<>();

    public List<FollowUpService.TaskView> getMine() {
        if (mine == null) {
            mine = followUps.openFor(user());
        }
        return mine;
    }

    public List<FollowUpService.TaskView> getAll() {
        if (all == null) {
            all = followUps.open();
        }
        return all;
    }

    public Map<Long, String> getAnswers() {
        return answers;
    }

    public void done(long id) {
        FollowUpService.TaskView t = Messages.attempt(() -> followUps.complete(id, user(), answers.get(id)));
        if (t != null) {
            Messages.info(t.kind().equals("email") ? ("E-mail answer " + ("sent".equals(t.delivery()) ? "sent." : "saved; it is pending until "
                    + "an SMTP server is configured.")) : "Callback done.");
            mine = null;
            all = null;
        }
    }

    public long millis(java.time.Instant at) {
        return at.toEpochMilli();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
