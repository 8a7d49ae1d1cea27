package dev.handoff.web.faces.admin;

import dev.handoff.conversation.control.TemplateRenderer;
import dev.handoff.desk.boundary.TemplateService;
import dev.handoff.desk.boundary.TemplateView;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs admin/templates.xhtml: the opening and response templates agents use, with their variables. */
@Named
@ViewScoped
public class TemplatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TemplateService templates;

    private transient List<TemplateView> list;
    private String name;
    private String kind = "response";
    private String topic;
    private String body;

    public void save() {
        TemplateView saved = Messages.attempt(() -> templates.save(name, kind, topic, body, user()));
        if (saved != null) {
            Messages.info("Template '" + saved.name() + "' saved.");
            name = null;
            topic = null;
            body = null;
        }
        list = null;
    }

    /** Loads a template into the form for editing (saving under the same name replaces it). */
    public void edit(TemplateView t) {
        name = t.name();
        kind = t.kind();
        topic = t.topic();
        body = t.body();
    }

    public void delete(long id) {
        if (Messages.attempt(() -> templates.delete(id))) {
            Messages.info("Template deleted.");
        }
        list = null;
    }

    public String getVariables() {
        return TemplateRenderer.VARIABLES;
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<TemplateView> getList() {
        if (list == null) {
            list = templates.list();
        }
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
