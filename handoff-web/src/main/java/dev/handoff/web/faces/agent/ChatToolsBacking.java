package dev.handoff.web.faces.agent;

import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.NoteView;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.desk.boundary.TemplateView;
import dev.handoff.identity.boundary.UserService;
import dev.handoff.web.faces.Messages;
import dev.handoff.web.security.Roles;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The chat page's tools beside the conversation: the suggested opening message, searchable response
 * templates, internal notes, warm transfer (to an agent or a skill) and consulting a colleague.
 */
@Named
@ViewScoped
public class ChatToolsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChatBacking chat;

    @Inject
    TemplateService templates;

    @Inject
    ChatTeamwork teamwork;

    @Inject
    UserService users;

    private String templateQuery;
    private String note;
    private String transferTo;
    private String transferSkill;
    private String transferNote;
    private String consultWith;
    private String consultQuestion;
    private transient List<NoteView> notes;
    private transient List<TemplateView> responses;

    /** Puts the suggested opening message in the composer. */
    public void useOpening() {
        String opening = Messages.attempt(() -> templates.opening(chat.getId(), external().getRemoteUser()).orElse(null));
        if (opening != null) {
            chat.setReply(opening);
        }
    }

    /** Appends a filled-in response template to what the agent is writing. */
    public void insert(String rendered) {
        String current = chat.getReply();
        chat.setReply(current == null || current.isBlank() ? rendered : current.stripTrailing() + "\n" + rendered);
    }

    public void search() {
        responses = null;
    }

    public void addNote() {
        ExternalContext external = external();
        if (Messages.attempt(() -> teamwork.addNote(chat.getId(), external.getRemoteUser(), external.isUserInRole(Roles.SUPERVISOR), note)) != null) {
            note = null;
            notes = null;
        }
    }

    public void transfer() throws IOException {
        ExternalContext external = external();
        boolean toAgent = transferTo != null && !transferTo.isBlank();
        boolean done = Messages.attempt(() -> {
            if (toAgent) {
                teamwork.transferToAgent(chat.getId(), external.getRemoteUser(), external.isUserInRole(Roles.SUPERVISOR), transferTo, transferNote);
            } else {
                teamwork.transferToSkill(chat.getId(), external.getRemoteUser(), external.isUserInRole(Roles.SUPERVISOR), transferSkill, transferNote);
            }
        });
        if (done) {
            external.getFlash().setKeepMessages(true);
            Messages.info(toAgent ? "Chat transferred to " + transferTo + " with your note." : "Chat put back in the " + transferSkill + " queue with your note.");
            external.redirect(external.getRequestContextPath() + "/agent/inbox.xhtml");
        }
    }

    public void consult() {
        ExternalContext external = external();
        if (Messages.attempt(() -> teamwork.consult(chat.getId(), external.getRemoteUser(), external.isUserInRole(Roles.SUPERVISOR),
                consultWith, consultQuestion))) {
            Messages.info(consultWith + " can now read this chat and add notes; you keep it.");
            consultQuestion = null;
            notes = null;
        }
    }

    public List<NoteView> getNotes() {
        if (notes == null) {
            notes = teamwork.notes(chat.getId());
        }
        return notes;
    }

    public List<TemplateView> getResponses() {
        if (responses == null) {
            responses = templates.responses(chat.getId(), external().getRemoteUser(), templateQuery);
        }
        return responses;
    }

    /** Agents who can take the chat now (online or busy), for transfer: an offline colleague would strand it. */
    public List<SelectItem> getTransferTargets() {
        return dev.handoff.web.faces.AgentChoices.reachable(users.agents(), external().getRemoteUser());
    }

    /** Agents other than the viewer, for consulting (an offline colleague can read it later). */
    public List<SelectItem> getColleagues() {
        String me = external().getRemoteUser();
        return users.agents().stream()
                .filter(a -> !a.getUsername().equals(me) && a.getUser().isEnabled())
                .map(a -> new SelectItem(a.getUsername(), a.getUser().getDisplayName() + " (" + a.getPresence().name().toLowerCase() + ")"))
                .toList();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public String getTemplateQuery() {
        return templateQuery;
    }

    public void setTemplateQuery(String templateQuery) {
        this.templateQuery = templateQuery;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getTransferTo() {
        return transferTo;
    }

    public void setTransferTo(String transferTo) {
        this.transferTo = transferTo;
    }

    public String getTransferSkill() {
        return transferSkill;
    }

    public void setTransferSkill(String transferSkill) {
        this.transferSkill = transferSkill;
    }

    public String getTransferNote() {
        return transferNote;
    }

    public void setTransferNote(String transferNote) {
        this.transferNote = transferNote;
    }

    public String getConsultWith() {
        return consultWith;
    }

    public void setConsultWith(String consultWith) {
        this.consultWith = consultWith;
    }

    public String getConsultQuestion() {
        return consultQuestion;
    }

    public void setConsultQuestion(String consultQuestion) {
        this.consultQuestion = consultQuestion;
    }
}
