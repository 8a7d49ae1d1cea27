package dev.handoff.web.faces.history;

import dev.handoff.history.boundary.CustomerHistory;
import dev.handoff.history.boundary.HistoryService;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.NotFoundException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** Backs agent/customer.xhtml: one customer with every conversation and the timeline of what happened. */
@Named
@ViewScoped
public class CustomerPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HistoryService history;

    private String id;
    private transient CustomerHistory customer;

    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (id == null || id.isBlank()) {
            external.responseSendError(404, "No customer given");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        try {
            customer = history.customer(id);
        } catch (ForbiddenException | NotFoundException | jakarta.ejb.EJBAccessException e) {
            // only a real refusal is "Not allowed"; any other failure is logged with an incident id
            external.responseSendError(e instanceof NotFoundException ? 404 : 403, "Not your customer");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public CustomerHistory getCustomer() {
        return customer;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
