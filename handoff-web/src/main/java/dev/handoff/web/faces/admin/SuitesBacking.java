package dev.handoff.web.faces.admin;

import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.boundary.SuiteView;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs admin/suites.xhtml: the labelled suites, one suite's cases (add, remove), import by pasting
 * CSV or JSON (replace or append), export as a CSV or JSON download, and the publishing-gate flag.
 */
@Named
@ViewScoped
public class SuitesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SuiteService suites;

    private transient List<SuiteView> list;
    private transient List<LabelledCase> cases;
    private String selected;
    private String newName;
    private String newDescription;
    private String importText;
    private boolean append;
    private String caseText;
    private boolean caseEscalate = true;
    private String caseCategory;
    private String caseTrigger;

    public void load() {
        list = suites.list();
        if (selected == null || list.stream().noneMatch(s -> s.name().equals(selected))) {
            selected = list.size() > 1 ? list.get(1).name() : SuiteService.SHIPPED;
        }
        cases = suites.cases(selected);
    }

    public void select(String name) {
        selected = name;
        load();
    }

    public void create() {
        String name = newName == null ? "" : newName.strip().toLowerCase(Locale.ROOT);
        if (Messages.attempt(() -> suites.create(name, newDescription, user())) != null) {
            Messages.info("Suite '" + name + "' created; add cases or paste a CSV/JSON file below.");
            selected = name;
            newName = null;
            newDescription = null;
        }
        load();
    }

    public void importCases() {
        if (importText == null || importText.isBlank()) {
            Messages.error("Paste a CSV (header " + LabelledSuites.HEADER + ") or a JSON suite document.");
            return;
        }
        SuiteView result = Messages.attempt(() -> {
            String text = importText.strip();
            LabelledSuites.Suite parsed = text.startsWith("{") ? LabelledSuites.parseJson(text)
                    : new LabelledSuites.Suite(selected, null, null, LabelledSuites.parseCsv(text));
            return suites.importSuite(selected, parsed, append, user());
        });
        if (result != null) {
            Messages.info((append ? "Appended; " : "Imported; ") + "'" + result.name() + "' now has " + result.cases() + " cases.");
            importText = null;
        }
        load();
    }

    public void addCase() {
        if (caseText == null || caseText.isBlank()) {
            Messages.error("Type the customer's message (or a transcript) for the new case.");
            return;
        }
        String key = "c" + (cases == null ? 1 : cases.size() + 1);
        if (Messages.attempt(() -> suites.addCase(selected, new LabelledCase(key, caseText.strip(), caseEscalate,
                caseCategory, caseTrigger, null), user())) != null) {
            caseText = null;
        }
        load();
    }

    public void removeCase(int index) {
        Messages.attempt(() -> suites.removeCase(selected, index, user()));
        load();
    }

    /** Makes the selected suite (the shipped one too) part of the publishing gate, or takes it out. */
    public void toggleGate() {
        boolean gate = !isSelectedGate();
        if (Messages.attempt(() -> suites.useAsGate(selected, gate, user())) != null) {
            Messages.info(gate ? "'" + selected + "' now guards publishing." : "'" + selected + "' no longer guards publishing.");
        }
        load();
        if (!gate && getList().stream().noneMatch(SuiteView::gate)) {
            Messages.info("No suite guards publishing now: drafts are published without a catch-rate check until you mark a gate again.");
        }
    }

    /** "shipped (363 cases) and billing-regressions (12 cases): 375 cases", or a note that nothing is checked. */
    public String getGateSummary() {
        List<SuiteView> gates = getList().stream().filter(SuiteView::gate).toList();
        if (gates.isEmpty()) {
            return "no suite is a gate, so publishing checks nothing. Mark a suite as a gate to guard releases.";
        }
        return gates.stream().map(s -> s.name() + " (" + s.cases() + " cases)").collect(java.util.stream.Collectors.joining(", "))
                + (gates.size() > 1 ? ": " + gates.stream().mapToInt(SuiteView::cases).sum() + " cases" : "")
                + " checked before a draft is published.";
    }

    public void delete() {
        if (Messages.attempt(() -> suites.delete(selected))) {
            Messages.info("Suite '" + selected + "' deleted.");
            selected = null;
        }
        load();
    }

    public StreamedContent download(String format) {
        LabelledSuites.Suite suite = suites.suite(selected);
        boolean csv = "csv".equals(format);
        byte[] bytes = (csv ? LabelledSuites.toCsv(suite.cases()) : LabelledSuites.toJson(suite)).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder()
                .name(selected + (csv ? ".csv" : ".json"))
                .contentType(csv ? "text/csv; charset=UTF-8" : "application/json")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    public boolean isSelectedBuiltIn() {
        return SuiteService.SHIPPED.equals(selected);
    }

    public boolean isSelectedGate() {
        return getList().stream().anyMatch(s -> s.name().equals(selected) && s.gate());
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<SuiteView> getList() {
        if (list == null) {
            load();
        }
        return list;
    }

    public List<LabelledCase> getCases() {
        if (cases == null) {
            load();
        }
        return cases;
    }

    public String getSelected() {
        return selected;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public String getImportText() {
        return importText;
    }

    public void setImportText(String importText) {
        this.importText = importText;
    }

    public boolean isAppend() {
        return append;
    }

    public void setAppend(boolean append) {
        this.append = append;
    }

    public String getCaseText() {
        return caseText;
    }

    public void setCaseText(String caseText) {
        this.caseText = caseText;
    }

    public boolean isCaseEscalate() {
        return caseEscalate;
    }

    public void setCaseEscalate(boolean caseEscalate) {
        this.caseEscalate = caseEscalate;
    }

    public String getCaseCategory() {
        return caseCategory;
    }

    public void setCaseCategory(String caseCategory) {
        this.caseCategory = caseCategory;
    }

    public String getCaseTrigger() {
        return caseTrigger;
    }

    public void setCaseTrigger(String caseTrigger) {
        this.caseTrigger = caseTrigger;
    }
}
