package dev.handoff.web.faces.admin;

import dev.handoff.conversation.boundary.CustomerDirectory;
import dev.handoff.web.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs admin/customers.xhtml: search Handoff's customer records and import them from CSV. */
@Named
@ViewScoped
public class CustomersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerDirectory directory;

    private String query;
    private String csv;
    private transient List<CustomerDirectory.CustomerRowView> customers;
    private transient CustomerDirectory.ImportResult result;

    public void search() {
        customers = null;
    }

    public void importCsv() {
        if (csv == null || csv.isBlank()) {
            Messages.error("Paste a CSV with the header external_id,email,name,tier,account_value,renewal_date,notes.");
            return;
        }
        result = Messages.attempt(() -> directory.importCsv(csv));
        if (result != null) {
            Messages.info(result.created() + " customer(s) created, " + result.updated() + " updated"
                    + (result.errors().isEmpty() ? "." : "; " + result.errors().size() + " line(s) skipped, listed below."));
            if (result.errors().isEmpty()) {
                csv = null;
            }
            customers = null;
        }
    }

    public List<CustomerDirectory.CustomerRowView> getCustomers() {
        if (customers == null) {
            customers = directory.search(query, 200);
        }
        return customers;
    }

    public CustomerDirectory.ImportResult getResult() {
        return result;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }
}
