package dev.handoff.web.faces.agent;

import dev.handoff.conversation.boundary.MessageView;
import dev.handoff.conversation.boundary.TriggerView;
import dev.handoff.escalation.boundary.CaseFromConversation;
import dev.handoff.escalation.boundary.CuratedCase;
import dev.handoff.escalation.boundary.SuiteCuration;
import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.faces.supervisor.CurationBacking;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The chat page's "Labelled suites" panel, for supervisors: this escalation was not needed, add it
 * to a suite as a 'stay' case; or the bot missed (or was late with) the escalation, add the chosen
 * message as an 'escalate' case. One click each; the suite defaults to not-needed-flags and
 * missed-escalations.
 */
@Named
@ViewScoped
public class ChatCaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChatBacking chat;

    @Inject
    SuiteCuration curation;

    @Inject
    SuiteService suites;

    private String notNeededSuite = SuiteCuration.NOT_NEEDED_SUITE;
    private String missedSuite = SuiteCuration.MISSED_SUITE;
    private String form = "";
    private Integer missedAt;
    private transient List<String> inSuites;

    public void addNotNeeded() {
        add(false, notNeededSuite, null);
    }

    public void addMissed() {
        add(true, missedSuite, missedAt);
    }

    private void add(boolean escalate, String suite, Integer upTo) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String name = suite == null || suite.isBlank() ? SuiteCuration.defaultSuite(escalate) : suite.strip().toLowerCase(Locale.ROOT);
        CuratedCase added = Messages.attempt(() -> curation.addFromConversation(name, chat.getId(),
                new CaseFromConversation(escalate, CurationBacking.form(form), upTo, null, null, null), external.getRemoteUser(),
                curator(external)));
        if (added != null) {
            Messages.info("Added to '" + added.suite().name() + "' as case " + added.number() + " (" + (escalate ? "escalate" : "stay") + ")"
                    + ": " + preview(added.added().text()));
        }
        inSuites = null;
    }

    /** The customer and bot messages the triggers saw (up to the escalation), to mark where the bot should have handed over. */
    public List<SelectItem> getMissedMessages() {
        if (chat.getChat() == null) {
            return List.of();
        }
        Integer escalating = chat.getChat().conversation().triggers().stream().map(TriggerView::messageSeq).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
        return chat.getChat().transcript().stream()
                .filter(m -> "customer".equals(m.author()) || "bot".equals(m.author()))
                .filter(m -> escalating == null || m.seq() <= escalating)
                .map(ChatCaseBacking::item)
                .toList();
    }

    private static SelectItem item(MessageView m) {
        String text = m.text() == null ? "" : m.text().replace('\n', ' ');
        return new SelectItem(m.seq(), "#" + m.seq() + " " + m.author() + ": " + (text.length() > 60 ? text.substring(0, 59) + "\u2026" : text));
    }

    /** The suites that already hold a case from this chat. */
    public List<String> getInSuites() {
        if (inSuites == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            inSuites = curator(external) && chat.getId() != null ? curation.suitesHolding(chat.getId(), true) : List.of();
        }
        return inSuites;
    }

    /** "In suites missed-escalations, not-needed-flags". */
    public String getInSuitesText() {
        List<String> names = getInSuites();
        return "In " + (names.size() == 1 ? "suite " : "suites ") + String.join(", ", names);
    }

    public List<String> completeSuite(String typed) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return suites.list().stream().filter(s -> !s.builtIn()).map(s -> s.name()).filter(n -> n.startsWith(prefix)).toList();
    }

    private static boolean curator(ExternalContext external) {
        return CurationBacking.curator(external);
    }

    private static String preview(String text) {
        return CurationBacking.preview(text);
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

    public Integer getMissedAt() {
        return missedAt;
    }

    public void setMissedAt(Integer missedAt) {
        this.missedAt = missedAt;
    }
}
