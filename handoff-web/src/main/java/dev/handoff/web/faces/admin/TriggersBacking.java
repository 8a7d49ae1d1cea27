package dev.handoff.web.faces.admin;

import dev.handoff.escalation.boundary.PublishRefusedException;
import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.boundary.SuiteView;
import dev.handoff.escalation.boundary.TriggerEditService;
import dev.handoff.escalation.boundary.TriggerPrecision;
import dev.handoff.escalation.boundary.TriggerSetService;
import dev.handoff.escalation.boundary.TriggerSetView;
import dev.handoff.escalation.control.BenchReport;
import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.HistoryReplay;
import dev.handoff.escalation.control.InvalidTriggerSetException;
import dev.handoff.escalation.control.PastedTranscript;
import dev.handoff.escalation.control.TriggerFiring;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.web.faces.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Backs admin/triggers.xhtml: the draft's triggers (enable, reorder; editing is
 * {@link TriggerEditorBacking}, calibrating a threshold {@link CalibrationBacking}), the "try it" box
 * with evidence and scores, the bench, publishing with the floor and its override, the JSON document
 * (export/import) and the version history with rollback.
 */
@Named
@ViewScoped
public class TriggersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TriggerSetService triggerSets;

    @Inject
    SuiteService suites;

    @Inject
    TriggerEditService editing;

    private transient TriggerSetView draft;
    private transient TriggerSetDocument document;
    private transient List<TriggerSetView> history;
    private transient TriggerSetView live;
    private String json;
    private String tryText;
    private transient List<Piece> highlighted;
    private transient List<TriggerFiring> tryFirings;
    private transient BenchReport bench;
    private String note;
    private String overrideReason;
    private boolean belowFloor;
    private String benchSuite = "";
    private transient List<SuiteView> suiteList;
    private int replayDays = 7;
    private transient HistoryReplay.Report replay;
    private transient java.util.Map<String, TriggerPrecision> precision;

    /** A piece of the tried text; {@code hit} pieces are the evidence and are shown marked. */
    public record Piece(String text, boolean hit) {}

    public void load() {
        draft = triggerSets.draft(user());
        document = DefaultTriggerSet.parse(draft.document());
        json = draft.document();
        history = triggerSets.history();
        live = history.isEmpty() ? null : history.get(0);
    }

    private void reload() {
        load();
    }

    public void toggle(String name, boolean enabled) {
        Messages.attempt(() -> editing.setEnabled(name, enabled, user()));
        reload();
    }

    public void move(String name, int delta) {
        Messages.attempt(() -> triggerSets.move(name, delta, user()));
        reload();
    }

    public void saveJson() {
        if (attemptDocument(() -> triggerSets.saveDraft(DefaultTriggerSet.parse(json), user()))) {
            Messages.info("Draft replaced by the imported document.");
            reload();
        }
    }

    public void discard() {
        Messages.attempt(triggerSets::discardDraft);
        reload();
        Messages.info("Draft discarded; it starts again from the live version.");
    }

    public void tryIt() {
        List<TriggerInput.Line> lines = PastedTranscript.parse(tryText);
        if (lines.isEmpty()) {
            Messages.error("Type a message, or paste a transcript with one 'customer: …' / 'bot: …' line per message.");
            return;
        }
        Decision decision = Messages.attempt(() -> triggerSets.tryDraft(new TriggerInput(lines, null), user()));
        if (decision == null) {
            return;
        }
        tryFirings = decision.firings();
        highlighted = highlight(lines.get(lines.size() - 1).text(), decision.firings());
    }

    public void runBench() {
        bench = Messages.attempt(() -> benchSuite == null || benchSuite.isBlank() ? triggerSets.benchDraft(user())
                : triggerSets.benchDraft(user(), benchSuite));
        if (bench != null) {
            belowFloor = bench.catchRate() < triggerSets.minCatchRate() || bench.falsePositiveRate() > triggerSets.maxFalsePositiveRate();
        }
    }

    public void runReplay() {
        replay = Messages.attempt(() -> triggerSets.replayDraft(user(), replayDays));
    }

    /** What a trigger listens to, in a few words: "topic warranty-claim, needs 0.45". */
    public String settings(TriggerSetDocument.TriggerSpec t) {
        String topic = t.topic() == null ? "" : ("topic".equals(t.kind()) ? "" : " + ") + "topic " + t.topic() + ", needs "
                + String.format(Locale.ROOT, "%.2f", t.minScoreOrDefault());
        return switch (t.kind()) {
            case "phrase" -> (t.phrases() == null ? 0 : t.phrases().size()) + " phrases" + topic;
            case "topic" -> topic;
            case "sentiment" -> (t.threshold() == null ? "" : "score ≤ " + t.threshold()) + topic;
            case "combination" -> String.join(" " + t.operator() + " ", t.of() == null ? List.of() : t.of());
            default -> "";
        };
    }

    /** "billing, general"; a trigger without skills is routed by "general". */
    public String skills(TriggerSetDocument.TriggerSpec t) {
        return t.skills() == null || t.skills().isEmpty() ? "general" : String.join(", ", t.skills());
    }

    /** A bar's width in percent of the largest value, for the CSS bar charts. */
    public int barWidth(int value, int max) {
        return max <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round(100f * value / max));
    }

    public int maxHits() {
        return bench == null ? 0 : bench.hitsPerTrigger().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** "12 handoffs · 2 not needed · 83% precise", from agents' feedback, or empty before the trigger's first handoff. */
    public String feedback(String trigger) {
        if (precision == null) {
            precision = new java.util.HashMap<>();
            triggerSets.precision().forEach(p -> precision.put(p.trigger(), p));
        }
        TriggerPrecision p = precision.get(trigger);
        if (p == null || p.handoffs() == 0) {
            return "";
        }
        return p.handoffs() + " handoff" + (p.handoffs() == 1 ? "" : "s") + " · " + p.notNeeded() + " not needed · "
                + percent(p.precision()) + " precise";
    }

    public List<SuiteView> getSuiteList() {
        if (suiteList == null) {
            suiteList = suites.list();
        }
        return suiteList;
    }

    public String getBenchSuite() {
        return benchSuite;
    }

    public void setBenchSuite(String benchSuite) {
        this.benchSuite = benchSuite;
    }

    public int getReplayDays() {
        return replayDays;
    }

    public void setReplayDays(int replayDays) {
        this.replayDays = replayDays;
    }

    public HistoryReplay.Report getReplay() {
        return replay;
    }

    public void publish() {
        try {
            TriggerSetView published = triggerSets.publish(user(), note, overrideReason);
            Messages.info("Version " + published.versionNo() + " is live" + (published.overrideReason() != null ? " (override recorded)" : "") + ".");
            note = null;
            overrideReason = null;
            belowFloor = false;
            bench = null;
        } catch (PublishRefusedException e) {
            belowFloor = true;
            bench = e.report();
            Messages.error(e.getMessage());
        } catch (RuntimeException e) {
            Messages.attempt(() -> {
                throw e;
            });
        }
        reload();
    }

    public void rollback(int versionNo) {
        TriggerSetView v = Messages.attempt(() -> triggerSets.rollback(versionNo, user()));
        if (v != null) {
            Messages.info("Rolled back: version " + v.versionNo() + " is a copy of version " + versionNo + " and is live.");
        }
        reload();
    }

    /** Saving a document: validation problems are listed field by field. */
    private static boolean attemptDocument(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException thrown) {
            Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (e instanceof InvalidTriggerSetException invalid) {
                invalid.violations().forEach(v -> Messages.error(v.field() + ": " + v.message()));
                return false;
            }
            if (e instanceof jakarta.json.bind.JsonbException || e instanceof jakarta.json.JsonException) {
                Messages.error("The document is not valid JSON: " + e.getMessage());
                return false;
            }
            return Messages.attempt(() -> {
                throw thrown;
            });
        }
    }

    static List<Piece> highlight(String text, List<TriggerFiring> firings) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] mark = new boolean[text.length()];
        for (TriggerFiring f : firings) {
            for (String needle : needles(f.evidence())) {
                for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                    Arrays.fill(mark, at, at + needle.length(), true);
                }
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || mark[i] != mark[start]) {
                pieces.add(new Piece(text.substring(start, i), mark[start]));
                start = i;
            }
        }
        return pieces;
    }

    /**
     * What of the message an evidence points at: the quoted phrase or keyword ({@code phrase "talk to a
     * person"}), or else each comma-separated part. A semantic match quotes the topic's nearest example,
     * not the message, so it marks nothing.
     */
    private static List<String> needles(String evidence) {
        List<String> needles = new ArrayList<>();
        if (evidence == null || evidence.startsWith("closest to")) {
            return needles;
        }
        java.util.regex.Matcher quoted = QUOTED.matcher(evidence);
        while (quoted.find()) {
            needles.add(quoted.group(1).toLowerCase(Locale.ROOT));
        }
        if (needles.isEmpty()) {
            for (String part : evidence.split("[,;]")) {
                String needle = part.strip().toLowerCase(Locale.ROOT);
                if (needle.length() >= 3) {
                    needles.add(needle);
                }
            }
        }
        return needles;
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]{3,})\"");

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    public String floor() {
        return percent(triggerSets.minCatchRate()) + " catch rate, at most " + percent(triggerSets.maxFalsePositiveRate()) + " false positives";
    }

    public TriggerSetView getDraft() {
        return draft;
    }

    public TriggerSetDocument getDocument() {
        if (document == null) {
            load();
        }
        return document;
    }

    public List<TriggerSetView> getHistory() {
        if (history == null) {
            load();
        }
        return history;
    }

    public TriggerSetView getLive() {
        return live;
    }

    public List<Piece> getHighlighted() {
        return highlighted;
    }

    public List<TriggerFiring> getTryFirings() {
        return tryFirings;
    }

    public BenchReport getBench() {
        return bench;
    }

    public boolean isBelowFloor() {
        return belowFloor;
    }

    public String getJson() {
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }

    public String getTryText() {
        return tryText;
    }

    public void setTryText(String tryText) {
        this.tryText = tryText;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }
}
