package dev.handoff.web.faces.supervisor;

import dev.handoff.escalation.boundary.CaseFromConversation;
import dev.handoff.escalation.boundary.CuratedCase;
import dev.handoff.escalation.boundary.CurationCandidate;
import dev.handoff.escalation.boundary.SuiteCuration;
import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.control.ConversationCase;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.security.Roles;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs the "Labelled suites from the desk" part of supervisor/queue.xhtml, for supervisors and admins:
 * escalations agents flagged as not needed and the latest conversations, each one click away from
 * becoming a case (stay or escalate) in a suite of the user's choice.
 */
@Named
@ViewScoped
public class CurationBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int FLAGGED = 50;
    static final int RECENT = 20;

    @Inject
    SuiteCuration curation;

    @Inject
    SuiteService suites;

    private String notNeededSuite = SuiteCuration.NOT_NEEDED_SUITE;
    private String missedSuite = SuiteCuration.MISSED_SUITE;
    private String form = "";
    private transient List<CurationCandidate> flagged;
    private transient List<CurationCandidate> recent;

    /** Adds the escalating message of a flagged conversation as a 'stay' case. */
    public void addNotNeeded(String conversationId) {
        add(conversationId, false, notNeededSuite);
    }

    /** Marks a conversation as a missed (or late) escalation: its last customer message before any escalation becomes an 'escalate' case. */
    public void addMissed(String conversationId) {
        add(conversationId, true, missedSuite);
    }

    private void add(String conversationId, boolean escalate, String suite) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String name = suite == null || suite.isBlank() ? SuiteCuration.defaultSuite(escalate) : suite.strip().toLowerCase(Locale.ROOT);
        CuratedCase added = Messages.attempt(() -> curation.addFromConversation(name, conversationId,
                CaseFromConversation.of(escalate, form(form)), external.getRemoteUser(), curator(external)));
        if (added != null) {
            Messages.info("Added to '" + added.suite().name() + "' as case " + added.number() + " (" + (escalate ? "escalate" : "stay") + "): "
                    + preview(added.added().text()));
        }
        flagged = null;
        recent = null;
    }

    /** Existing admin suites whose name starts with what was typed, for the suite fields. */
    public List<String> completeSuite(String typed) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return suites.list().stream().filter(s -> !s.builtIn()).map(s -> s.name()).filter(n -> n.startsWith(prefix)).toList();
    }

    public static ConversationCase.Form form(String chosen) {
        return "transcript".equals(chosen) ? ConversationCase.Form.TRANSCRIPT : "message".equals(chosen) ? ConversationCase.Form.MESSAGE : null;
    }

    public static boolean curator(ExternalContext external) {
        return external.isUserInRole(Roles.SUPERVISOR) || external.isUserInRole(Roles.ADMIN);
    }

    public static String preview(String text) {
        String first = text.replace('\n', ' ');
        return "\u201c" + (first.length() > 80 ? first.substring(0, 79) + "\u2026" : first) + "\u201d";
    }

    public List<CurationCandidate> getFlagged() {
        if (flagged == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            flagged = Messages.attempt(() -> curation.flagged(FLAGGED, curator(external)));
            flagged = flagged == null ? List.of() : flagged;
        }
        return flagged;
    }

    public List<CurationCandidate> getRecent() {
        if (recent == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            recent = Messages.attempt(() -> curation.recent(RECENT, curator(external)));
            recent = recent == null ? List.of() : recent;
        }
        return recent;
    }

    public String getNotNeededSuite() {
        return notNeededSuite;
    }

    public void setNotNeededSuite(String notNeededSuite) {
        this.notNeededSuite = notNeededSuite;
    }

    public String getMissedSuite() {
        return missedSuite;
    }

    public void setMissedSuite(String missedSuite) {
        this.missedSuite = missedSuite;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }
}
