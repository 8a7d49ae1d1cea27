package dev.handoff.web.faces.admin;

import dev.handoff.escalation.boundary.TriggerEditService;
import dev.handoff.escalation.boundary.TriggerSetService;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.InvalidTriggerSetException;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.control.TriggerSetDocument.TopicSpec;
import dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec;
import dev.handoff.escalation.control.TriggerSetValidator;
import dev.handoff.web.faces.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs the trigger editor dialog of admin/triggers.xhtml: opens one trigger of the draft (or a
 * new one) as a {@link TriggerForm}, and saves it into the draft. Validation problems are shown next
 * to their fields.
 */
@Named
@ViewScoped
public class TriggerEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds in the order the editor offers them, with what people call them. */
    static final Map<String, String> KINDS = new java.util.LinkedHashMap<>();

    static {
        KINDS.put("topic", "Topic, learnt from examples");
        KINDS.put("phrase", "Phrases");
        KINDS.put("sentiment", "Sentiment");
        KINDS.put("botFailure", "Bot failure");
        KINDS.put("customer", "Customer");
        KINDS.put("combination", "Combination of triggers");
    }

    private static final Map<String, String> TITLES = Map.of("topic", "topic", "phrase", "phrase", "sentiment", "sentiment",
            "botFailure", "bot-failure", "customer", "customer", "combination", "combination");

    /** Field paths of the document mapped to the editor's inputs. */
    private static final Map<String, String> TRIGGER_FIELDS = Map.ofEntries(Map.entry("name", "name"), Map.entry("kind", "kind"),
            Map.entry("label", "label"), Map.entry("priority", "priority"), Map.entry("skills", "skills"), Map.entry("phrases", "phrases"),
            Map.entry("negations", "negations"), Map.entry("topic", "topicChoice"), Map.entry("minScore", "minScore"),
            Map.entry("threshold", "threshold"), Map.entry("trendWindow", "trendWindow"), Map.entry("trendDrop", "trendDrop"),
            Map.entry("profanityRepeats", "profanityRepeats"), Map.entry("minConfidence", "minConfidence"),
            Map.entry("fallbacksInARow", "fallbacksInARow"), Map.entry("repeatSimilarity", "repeatSimilarity"),
            Map.entry("tiers", "tiers"), Map.entry("minAccountValue", "minAccountValue"),
            Map.entry("recentEscalationDays", "recentEscalationDays"), Map.entry("operator", "operator"), Map.entry("of", "of"));
    private static final Map<String, String> TOPIC_FIELDS = Map.of("name", "topicChoice", "examples", "examples", "negatives", "negatives",
            "keywords", "keywords");
    private static final Pattern PATH = Pattern.compile("(trigger|topic)(?:\\.([a-zA-Z]+)(?:\\[(\\d+)])?)?");

    @Inject
    TriggerSetService triggerSets;

    @Inject
    TriggerEditService editing;

    @Inject
    TriggersBacking page;

    private TriggerForm form;
    private transient TriggerSetDocument document;

    /** Opens a trigger of the draft in the editor. */
    public void open(String name) {
        document = loadDocument();
        TriggerSpec spec = document.triggersOrEmpty().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (spec == null) {
            form = null;
            Messages.error("The draft has no trigger named " + name + " any more; it may have been changed meanwhile.");
            return;
        }
        form = TriggerForm.of(spec, topic(spec.topic()));
    }

    /** Opens the editor on a new trigger of the kind ("topic" for the topic trigger taught by examples). */
    public void openNew(String kind) {
        document = loadDocument();
        form = TriggerForm.create(KINDS.containsKey(kind) ? kind : "topic");
    }

    /** A new trigger's kind changed: the common settings stay; a topic stays if the new kind can have one. */
    public void kindChanged() {
        if (form == null) {
            return;
        }
        TriggerForm fresh = TriggerForm.create(form.getKind());
        fresh.setName(form.getName());
        fresh.setLabel(form.getLabel());
        fresh.setDescription(form.getDescription());
        fresh.setPriority(form.getPriority());
        fresh.setSkills(form.getSkills());
        if (fresh.isTopicAllowed() && form.isHasTopic()) {
            fresh.setTopicChoice(form.getTopicChoice());
            fresh.setExamples(form.getExamples());
            fresh.setNegatives(form.getNegatives());
            fresh.setKeywords(form.getKeywords());
            fresh.setTopicDescription(form.getTopicDescription());
            fresh.setMinScore(form.getMinScore() != null ? form.getMinScore() : fresh.getMinScore());
        }
        form = fresh;
    }

    /** Another topic was chosen: an existing topic's examples are loaded; a new topic starts empty. */
    public void topicChanged() {
        if (form == null) {
            return;
        }
        String choice = form.getTopicChoice();
        if (TriggerForm.NEW_TOPIC.equals(choice) || TriggerForm.NO_TOPIC.equals(choice)) {
            form.loadTopic(null);
        } else {
            form.loadTopic(topic(choice));
        }
        if (form.isHasTopic() && form.getMinScore() == null && "topic".equals(form.getKind())) {
            form.setMinScore(0.5);
        }
    }

    public void save() {
        if (form == null) {
            return;
        }
        String name = form.getName() == null ? "" : form.getName().strip();
        try {
            editing.save(form.toEdit(), user());
        } catch (RuntimeException thrown) {
            Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (e instanceof InvalidTriggerSetException invalid) {
                boolean badName = invalid.violations().stream().anyMatch(v -> v.field().equals("trigger.name"));
                invalid.violations().stream()
                        // a bad name also makes the new topic's name bad and the trigger's topic unknown: say it once
                        .filter(v -> !(badName && (v.field().equals("trigger.topic") || v.field().equals("topic.name"))))
                        .forEach(this::show);
                FacesContext.getCurrentInstance().validationFailed();
            } else {
                Messages.attempt(() -> {
                    throw thrown;
                });
            }
            return;
        }
        Messages.info((form.isNew() ? "Trigger '" + name + "' added to the draft" : "Trigger '" + name + "' saved in the draft")
                + (form.isHasTopic() ? " (topic '" + form.topicName() + "' learnt from " + TriggerForm.count(form.getExamples())
                        + " examples and " + TriggerForm.count(form.getNegatives()) + " negatives)" : "") + ".");
        form = null;
        document = null;
        page.load();
    }

    public void close() {
        form = null;
        document = null;
    }

    /** Shows a problem next to its field, or at the top when it belongs to no field of the editor. */
    private void show(TriggerSetValidator.Violation v) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Matcher m = PATH.matcher(v.field());
        String input = null;
        String text = v.message();
        if (m.matches()) {
            boolean topic = "topic".equals(m.group(1));
            String field = m.group(2);
            input = field == null ? null : (topic ? TOPIC_FIELDS : TRIGGER_FIELDS).get(field);
            if (topic && "name".equals(field) && TriggerForm.NEW_TOPIC.equals(form.getTopicChoice())) {
                input = "name";
            }
            if (m.group(3) != null) {
                int line = Integer.parseInt(m.group(3)) + 1;
                text = ("skills".equals(field) || "tiers".equals(field) || "of".equals(field)
                        ? "entry " : "line ") + line + ": " + text;
            }
            if (input == null) {
                text = (topic ? "Topic: " : "") + text;
            }
        } else {
            text = v.field() + ": " + text;
        }
        faces.addMessage(input == null ? null : "editor:" + input, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private TopicSpec topic(String name) {
        if (name == null) {
            return null;
        }
        return document().topicsOrEmpty().stream().filter(t -> name.equals(t.name())).findFirst().orElse(null);
    }

    private TriggerSetDocument document() {
        if (document == null) {
            document = loadDocument();
        }
        return document;
    }

    private TriggerSetDocument loadDocument() {
        return DefaultTriggerSet.parse(triggerSets.draft(user()).document());
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public TriggerForm getForm() {
        return form;
    }

    public String getTitle() {
        if (form == null) {
            return "";
        }
        return form.isNew() ? "New " + TITLES.getOrDefault(form.getKind(), form.getKind()) + " trigger" : "Edit trigger " + form.getOriginalName();
    }

    public List<SelectItem> getKinds() {
        List<SelectItem> items = new ArrayList<>();
        KINDS.forEach((value, label) -> items.add(new SelectItem(value, label)));
        return items;
    }

    /** No topic (phrase and sentiment triggers only), a new topic named after the trigger, or an existing topic. */
    public List<SelectItem> getTopicChoices() {
        List<SelectItem> items = new ArrayList<>();
        if (form != null && !"topic".equals(form.getKind())) {
            items.add(new SelectItem(TriggerForm.NO_TOPIC, "No topic (fires on its " + form.getKind() + " settings only)"));
        }
        items.add(new SelectItem(TriggerForm.NEW_TOPIC, "A new topic named after this trigger"));
        document().topicsOrEmpty().forEach(t -> items.add(new SelectItem(t.name(), t.name() + " (" + t.examplesOrEmpty().size()
                + " examples, " + t.negativesOrEmpty().size() + " negatives)")));
        return items;
    }

    /** The other triggers naming the topic being edited: changing its examples changes them too. */
    public List<String> getSharedWith() {
        if (form == null || !form.isHasTopic()) {
            return List.of();
        }
        String topic = form.topicName();
        return document().triggersOrEmpty().stream().filter(t -> topic.equals(t.topic()) && !Objects.equals(t.name(), form.getOriginalName()))
                .map(TriggerSpec::name).toList();
    }

    public String getSharedWithText() {
        return String.join(", ", getSharedWith());
    }

    /** The triggers a combination may combine (every other trigger of the draft). */
    public List<String> getOtherTriggers() {
        return document().triggersOrEmpty().stream().map(TriggerSpec::name)
                .filter(n -> form == null || !n.equals(form.getOriginalName())).toList();
    }

    public int count(String text) {
        return TriggerForm.count(text);
    }
}
