package dev.handoff.web.faces.admin;

import dev.handoff.escalation.boundary.TriggerEdit;
import dev.handoff.escalation.control.TriggerSetDocument.TopicSpec;
import dev.handoff.escalation.control.TriggerSetDocument.TriggerSpec;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The trigger editor's fields: every setting of one trigger as text, numbers and switches, and the
 * topic it names (examples, negatives and keywords one per line). Converts
 * from and to the document's records; only the settings of the trigger's kind are kept.
 */
public class TriggerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The topic choice meaning "no topic". */
    public static final String NO_TOPIC = "";
    /** The topic choice meaning "a new topic, named after the trigger". */
    public static final String NEW_TOPIC = "+new";

    private String originalName;
    private String name;
    private String kind = "topic";
    private String label;
    private String description;
    private boolean enabled = true;
    private boolean standalone = true;
    private Integer priority = 60;
    private String skills = "general";
    private String phrases;
    private String negations;
    private String topicChoice = NEW_TOPIC;
    private String topicDescription;
    private String examples;
    private String negatives;
    private String keywords;
    private Double minScore = 0.5;
    private Double threshold;
    private Integer trendWindow;
    private Double trendDrop;
    private Integer profanityRepeats;
    private Double minConfidence;
    private String fallbackIntent;
    private Integer fallbacksInARow;
    private Double repeatSimilarity;
    private String tiers;
    private BigDecimal minAccountValue;
    private Integer recentEscalationDays;
    private String operator = "and";
    private List<String> of = new ArrayList<>();

    /** A new trigger of the kind, with sensible starting values. */
    public static TriggerForm create(String kind) {
        TriggerForm f = new TriggerForm();
        f.kind = kind;
        f.topicChoice = "topic".equals(kind) ? NEW_TOPIC : NO_TOPIC;
        f.minScore = "topic".equals(kind) ? 0.5 : null;
        switch (kind) {
            case "sentiment" -> f.threshold = -3.0;
            case "botFailure" -> {
                f.minConfidence = 0.35;
                f.fallbackIntent = "fallback";
                f.fallbacksInARow = 2;
            }
            case "customer" -> f.tiers = "enterprise";
            default -> { }
        }
        return f;
    }

    /** The form for an existing trigger and the topic it names (null if none). */
    public static TriggerForm of(TriggerSpec t, TopicSpec topic) {
        TriggerForm f = new TriggerForm();
        f.originalName = t.name();
        f.name = t.name();
        f.kind = t.kind();
        f.label = t.label();
        f.description = t.description();
        f.enabled = t.isEnabled();
        f.standalone = t.isStandalone();
        f.priority = t.priority();
        f.skills = t.skills() == null ? "" : String.join(", ", t.skills());
        f.phrases = lines(t.phrases());
        f.negations = lines(t.negations());
        f.topicChoice = t.topic() == null ? NO_TOPIC : t.topic();
        f.loadTopic(topic);
        f.minScore = t.minScore();
        f.threshold = t.threshold();
        f.trendWindow = t.trendWindow();
        f.trendDrop = t.trendDrop();
        f.profanityRepeats = t.profanityRepeats();
        f.minConfidence = t.minConfidence();
        f.fallbackIntent = t.fallbackIntent();
        f.fallbacksInARow = t.fallbacksInARow();
        f.repeatSimilarity = t.repeatSimilarity();
        f.tiers = t.tiers() == null ? "" : String.join(", ", t.tiers());
        f.minAccountValue = t.minAccountValue();
        f.recentEscalationDays = t.recentEscalationDays();
        f.operator = t.operator() == null ? "and" : t.operator();
        f.of = t.of() == null ? new ArrayList<>() : new ArrayList<>(t.of());
        return f;
    }

    /** Fills the topic fields from a topic (or empties them). */
    public void loadTopic(TopicSpec topic) {
        topicDescription = topic == null ? null : topic.description();
        examples = topic == null ? null : lines(topic.examplesOrEmpty());
        negatives = topic == null ? null : lines(topic.negativesOrEmpty());
        keywords = topic == null ? null : lines(topic.keywordsOrEmpty());
    }

    public boolean isNew() {
        return originalName == null;
    }

    /** Topic triggers always name a topic; phrase and sentiment triggers may. */
    public boolean isTopicAllowed() {
        return "topic".equals(kind) || "phrase".equals(kind) || "sentiment".equals(kind);
    }

    public boolean isHasTopic() {
        return isTopicAllowed() && topicChoice != null && !NO_TOPIC.equals(topicChoice);
    }

    /** The name of the topic the trigger names (a new topic is named after the trigger), or null. */
    public String topicName() {
        if (!isHasTopic()) {
            return null;
        }
        return NEW_TOPIC.equals(topicChoice) ? normalName() : topicChoice;
    }

    public TriggerEdit toEdit() {
        return new TriggerEdit(originalName, toSpec(), toTopic(), isHasTopic() && NEW_TOPIC.equals(topicChoice));
    }

    TriggerSpec toSpec() {
        String topic = topicName();
        boolean phrase = "phrase".equals(kind);
        boolean sentiment = "sentiment".equals(kind);
        boolean bot = "botFailure".equals(kind);
        boolean customer = "customer".equals(kind);
        boolean combination = "combination".equals(kind);
        return new TriggerSpec(normalName(), kind, blankToNull(description), enabled,
                standalone ? null : Boolean.FALSE, priority, commaList(skills, true), phrase ? lineList(phrases) : null,
                phrase ? emptyToNull(lineList(negations)) : null, topic, topic == null ? null : minScore,
                sentiment ? threshold : null, sentiment ? trendWindow : null, sentiment ? trendDrop : null,
                sentiment ? profanityRepeats : null, bot ? minConfidence : null, bot ? blankToNull(fallbackIntent) : null,
                bot ? fallbacksInARow : null, bot ? repeatSimilarity : null, customer ? commaList(tiers, false) : null,
                customer ? minAccountValue : null, customer ? recentEscalationDays : null, combination ? operator : null,
                combination ? List.copyOf(of) : null, blankToNull(label));
    }

    TopicSpec toTopic() {
        String topic = topicName();
        if (topic == null) {
            return null;
        }
        return new TopicSpec(topic, blankToNull(topicDescription), lineList(keywords), lineList(examples), lineList(negatives));
    }

    private String normalName() {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    static List<String> lineList(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Comma-separated values, stripped; skills are lower case. Null when there are none. */
    static List<String> commaList(String text, boolean lowerCase) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> lowerCase ? s.toLowerCase(Locale.ROOT) : s).toList();
    }

    private static String lines(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> emptyToNull(List<String> list) {
        return list.isEmpty() ? null : list;
    }

    /** How many non-empty lines a text has (the editor counts examples and negatives). */
    public static int count(String text) {
        return lineList(text).size();
    }

    public String getOriginalName() {
        return originalName;
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

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isStandalone() {
        return standalone;
    }

    public void setStandalone(boolean standalone) {
        this.standalone = standalone;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getSkills() {
        return skills;
    }

    public void setSkills(String skills) {
        this.skills = skills;
    }

    public String getPhrases() {
        return phrases;
    }

    public void setPhrases(String phrases) {
        this.phrases = phrases;
    }

    public String getNegations() {
        return negations;
    }

    public void setNegations(String negations) {
        this.negations = negations;
    }

    public String getTopicChoice() {
        return topicChoice;
    }

    public void setTopicChoice(String topicChoice) {
        this.topicChoice = topicChoice;
    }

    public String getTopicDescription() {
        return topicDescription;
    }

    public void setTopicDescription(String topicDescription) {
        this.topicDescription = topicDescription;
    }

    public String getExamples() {
        return examples;
    }

    public void setExamples(String examples) {
        this.examples = examples;
    }

    public String getNegatives() {
        return negatives;
    }

    public void setNegatives(String negatives) {
        this.negatives = negatives;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public Double getMinScore() {
        return minScore;
    }

    public void setMinScore(Double minScore) {
        this.minScore = minScore;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public Integer getTrendWindow() {
        return trendWindow;
    }

    public void setTrendWindow(Integer trendWindow) {
        this.trendWindow = trendWindow;
    }

    public Double getTrendDrop() {
        return trendDrop;
    }

    public void setTrendDrop(Double trendDrop) {
        this.trendDrop = trendDrop;
    }

    public Integer getProfanityRepeats() {
        return profanityRepeats;
    }

    public void setProfanityRepeats(Integer profanityRepeats) {
        this.profanityRepeats = profanityRepeats;
    }

    public Double getMinConfidence() {
        return minConfidence;
    }

    public void setMinConfidence(Double minConfidence) {
        this.minConfidence = minConfidence;
    }

    public String getFallbackIntent() {
        return fallbackIntent;
    }

    public void setFallbackIntent(String fallbackIntent) {
        this.fallbackIntent = fallbackIntent;
    }

    public Integer getFallbacksInARow() {
        return fallbacksInARow;
    }

    public void setFallbacksInARow(Integer fallbacksInARow) {
        this.fallbacksInARow = fallbacksInARow;
    }

    public Double getRepeatSimilarity() {
        return repeatSimilarity;
    }

    public void setRepeatSimilarity(Double repeatSimilarity) {
        this.repeatSimilarity = repeatSimilarity;
    }

    public String getTiers() {
        return tiers;
    }

    public void setTiers(String tiers) {
        this.tiers = tiers;
    }

    public BigDecimal getMinAccountValue() {
        return minAccountValue;
    }

    public void setMinAccountValue(BigDecimal minAccountValue) {
        this.minAccountValue = minAccountValue;
    }

    public Integer getRecentEscalationDays() {
        return recentEscalationDays;
    }

    public void setRecentEscalationDays(Integer recentEscalationDays) {
        this.recentEscalationDays = recentEscalationDays;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public List<String> getOf() {
        return of;
    }

    public void setOf(List<String> of) {
        this.of = of == null ? new ArrayList<>() : of;
    }
}
