package dev.handoff.web.faces.agent;

import dev.handoff.desk.boundary.ChatTeamwork;
import dev.handoff.desk.boundary.NoteView;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.desk.boundary.TemplateView;
import dev.handoff.routing.boundary.AgentProfiles;
import dev.handoff.web.faces.Messages;
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
    AgentProfiles profiles;

    private String templateQuery;
    private String note;
    private String transferTo;
    private String transferSkill;
    private String transferNote;
    private String consultWith;
    private String consultQuestion;
    private String whisperText;
    private transient List<NoteView> notes;
    private transient Object notesRequest;
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
        if (Messages.attempt(() -> teamwork.addNote(chat.getId(), note)) != null) {
            note = null;
            notes = null;
        }
    }

    /** A supervisor's whisper to the owner: shown on the owner's page at once, never to the customer. */
    public void whisper() {
        if (Messages.attempt(() -> teamwork.whisper(chat.getId(), whisperText)) != null) {
            Messages.info("Whispered to " + chat.getChat().conversation().assignedAgentName() + "; the customer does not see it.");
            whisperText = null;
            notes = null;
        }
    }

    public void transfer() throws IOException {
        ExternalContext external = external();
        boolean toAgent = transferTo != null && !transferTo.isBlank();
        boolean done = Messages.attempt(() -> {
            if (toAgent) {
                teamwork.transferToAgent(chat.getId(), transferTo, transferNote);
            } else {
                teamwork.transferToSkill(chat.getId(), transferSkill, transferNote);
            }
        });
        if (done) {
            external.getFlash().setKeepMessages(true);
            Messages.info(toAgent ? "Chat transferred to " + transferTo + " with your note." : "Chat put back in the " + transferSkill + " queue with your note.");
            external.redirect(external.getRequestContextPath() + (external.isUserInRole("agent") ? "/agent/inbox.xhtml" : "/supervisor/queue.xhtml"));
        }
    }

    public void consult() {
        if (Messages.attempt(() -> teamwork.consult(chat.getId(), consultWith, consultQuestion))) {
            Messages.info(consultWith + " can now read this chat and add notes; you keep it.");
            consultQuestion = null;
            notes = null;
        }
    }

    /** The chat's notes, loaded once per request (a push refresh shows new ones, whispers included). */
    public List<NoteView> getNotes() {
        Object request = FacesContext.getCurrentInstance();
        if (notes == null || notesRequest != request) {
            notes = teamwork.notes(chat.getId());
            notesRequest = request;
        }
        return notes;
    }

    /** Supervisors' whispers to the viewer, who owns the chat (the latest three, newest last). */
    public List<NoteView> getWhispers() {
        if (chat.getChat() == null || !chat.getChat().mine()) {
            return List.of();
        }
        List<NoteView> all = getNotes().stream().filter(n -> "whisper".equals(n.kind())).toList();
        return all.subList(Math.max(0, all.size() - 3), all.size());
    }

    public List<TemplateView> getResponses() {
        if (responses == null) {
            responses = templates.responses(chat.getId(), external().getRemoteUser(), templateQuery);
        }
        return responses;
    }

    /** Agents who can take the chat now (online or busy), for transfer: an offline colleague would strand it. */
    public List<SelectItem> getTransferTargets() {
        return dev.handoff.web.faces.AgentChoices.reachable(profiles.roster(), external().getRemoteUser());
    }

    /** Agents other than the viewer, for consulting (an offline colleague can read it later). */
    public List<SelectItem> getColleagues() {
        String me = external().getRemoteUser();
        return profiles.roster().stream()
                .filter(a -> !a.username().equals(me) && a.enabled())
                .map(a -> new SelectItem(a.username(), a.label()))
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

    public String getWhisperText() {
        return whisperText;
    }

    public void setWhisperText(String whisperText) {
        this.whisperText = whisperText;
    }

    public String getConsultQuestion() {
        return consultQuestion;
    }

    public void setConsultQuestion(String consultQuestion) {
        this.consultQuestion = consultQuestion;
    }
}
