package dev.handoff.escalation.boundary;

import dev.handoff.platform.RoutingSettings;
import dev.handoff.escalation.control.BenchReport;
import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.HistoryReplay;
import dev.handoff.escalation.control.SkillCoverage;
import dev.handoff.escalation.control.TestBench;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.escalation.entity.EscalationFeedback;
import dev.handoff.escalation.entity.TriggerSetVersion;
import dev.handoff.platform.NotFoundException;
import dev.handoff.platform.events.TriggerSetPublished;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trigger sets as configuration with a history: edit the one draft, bench it against the labelled
 * suites, publish it as the next live version (refused below the catch-rate floor or above the
 * false-positive ceiling of the gate suites unless an override reason is recorded), list versions,
 * roll back. The draft and a fresh publication carry warnings about triggers that route to a skill
 * no active agent has.
 */
@Stateless
public class TriggerSetService {

    @PersistenceContext
    EntityManager em;

    @Inject
    TriggerSetStore store;

    @Inject
    LiveTriggers live;

    @Inject
    SuiteService suites;

    @Inject
    HistoryReplayer replayer;

    @Inject
    Clock clock;

    @Inject
    Event<TriggerSetPublished> published;

    @Inject
    @ConfigProperty(name = "handoff.triggers.publish.min-catch-rate", defaultValue = "0.95")
    double minCatchRate;

    @Inject
    @ConfigProperty(name = "handoff.triggers.publish.max-false-positive-rate", defaultValue = "0.10")
    double maxFalsePositiveRate;

    @Inject
    RoutingSettings routingSettings;

    /** First start: the shipped default set becomes version 1. */
    public void ensurePublished() {
        if (store.published().isEmpty()) {
            TriggerSetDocument doc = DefaultTriggerSet.document();
            TriggerSetVersion v = TriggerSetVersion.draft(doc.name(), DefaultTriggerSet.toJson(doc), "system", clock.instant());
            em.persist(v);
            BenchReport report = TestBench.run(live.compile(doc), LabelledSuites.shipped());
            v.publish(store.nextNumber(), "system", clock.instant(), "Default trigger set shipped with Handoff",
                    report.catchRate(), report.falsePositiveRate(), null);
            em.flush();
            published.fire(new TriggerSetPublished(v.getVersionNo()));
        }
    }

    public TriggerSetView live() {
        return TriggerSetView.of(store.published().orElseThrow(() -> new NotFoundException("no trigger set is published yet")));
    }

    /** The draft, started from the live version if there is none, with its routing warnings. */
    public TriggerSetView draft(String user) {
        TriggerSetVersion draft = draftEntity(user);
        return TriggerSetView.of(draft, routingWarnings(DefaultTriggerSet.parse(draft.getDocument())));
    }

    /**
     * The draft's warnings alone (started from the live version if there is none): each enabled
     * standalone trigger whose routing skill no active agent has. For the portal's editor and bench.
     */
    public List<String> draftWarnings(String user) {
        return routingWarnings(DefaultTriggerSet.parse(draftEntity(user).getDocument()));
    }

    private TriggerSetVersion draftEntity(String user) {
        return store.draft().orElseGet(() -> {
            TriggerSetVersion base = store.published().orElseThrow(() -> new NotFoundException("no trigger set is published yet"));
            TriggerSetVersion draft = TriggerSetVersion.draft(base.getName(), base.getDocument(), user, clock.instant());
            em.persist(draft);
            em.flush();
            return draft;
        });
    }

    /** Replaces the draft with a document (validated, and compiled to prove it trains). */
    public TriggerSetView saveDraft(TriggerSetDocument document, String user) {
        live.compile(document);
        TriggerSetVersion draft = draftEntity(user);
        draft.replaceDocument(document.name(), DefaultTriggerSet.toJson(document));
        em.flush();
        return TriggerSetView.of(draft, routingWarnings(document));
    }

    public void discardDraft() {
        store.draft().ifPresent(em::remove);
    }

    /** Runs the draft over the publishing gate: the shipped suite and every gate suite. */
    public BenchReport benchDraft(String user) {
        return bench(DefaultTriggerSet.parse(draftEntity(user).getDocument()), suites.gateCases());
    }

    /** Runs the draft over one suite ({@code shipped} or an admin's). */
    public BenchReport benchDraft(String user, String suite) {
        return bench(DefaultTriggerSet.parse(draftEntity(user).getDocument()), suites.cases(suite));
    }

    /** Replays the stored conversations of the last {@code days} days through the live set and the draft. */
    public HistoryReplay.Report replayDraft(String user, int days) {
        return replayer.replay(live.compile(DefaultTriggerSet.parse(draftEntity(user).getDocument())), days);
    }

    /**
     * Benches the draft (over one suite, or over the publishing gate when {@code suite} is null) and
     * returns the report with the draft's routing warnings: what the admin sees before publishing.
     */
    public DraftCheck checkDraft(String user, String suite) {
        TriggerSetDocument document = DefaultTriggerSet.parse(draftEntity(user).getDocument());
        BenchReport report = bench(document, suite == null ? suites.gateCases() : suites.cases(suite));
        return new DraftCheck(report, routingWarnings(document));
    }

    /** A bench report on the draft and the draft's warnings. */
    public record DraftCheck(BenchReport report, List<String> warnings) {}

    /**
     * Evaluates a message or a transcript against the draft, line by line as {@code POST /evaluate}
     * does with the live set; a draft is started from the live version if there is none. Persists
     * nothing else.
     */
    public EvaluationService.Evaluation evaluateDraft(TriggerInput input, String user) {
        return EvaluationService.run(live.compile(DefaultTriggerSet.parse(draftEntity(user).getDocument())), input,
                routingSettings.defaultSkill());
    }

    public BenchReport bench(TriggerSetDocument document, List<LabelledCase> suite) {
        return TestBench.run(live.compile(document), suite);
    }

    /**
     * Publishes the draft as the next version. Below the floor of the gate suites it needs
     * {@code overrideReason}, which is stored with the version for the audit trail. When the admin
     * switched every gate off, nothing is checked, no figures are stored and the answer says so.
     */
    public TriggerSetView publish(String user, String note, String overrideReason) {
        TriggerSetVersion draft = store.draft().orElseThrow(() -> new NotFoundException("there is no draft to publish"));
        TriggerSetDocument document = DefaultTriggerSet.parse(draft.getDocument());
        CompiledTriggerSet compiled = live.compile(document);
        List<LabelledCase> gate = suites.gateCases();
        BenchReport report = TestBench.run(compiled, gate);
        boolean guarded = !gate.isEmpty();
        boolean belowFloor = guarded && (report.catchRate() < minCatchRate || report.falsePositiveRate() > maxFalsePositiveRate);
        boolean overridden = overrideReason != null && !overrideReason.isBlank();
        if (belowFloor && !overridden) {
            throw new PublishRefusedException(String.format(Locale.ROOT,
                    "The draft catches %.1f%% (floor %.1f%%) with %.1f%% false positives (ceiling %.1f%%). "
                            + "Publish with an override reason to go live anyway.",
                    100 * report.catchRate(), 100 * minCatchRate, 100 * report.falsePositiveRate(), 100 * maxFalsePositiveRate), report);
        }
        store.published().ifPresent(TriggerSetVersion::retire);
        em.flush();
        int number = store.nextNumber();
        draft.publish(number, user, clock.instant(), note, guarded ? report.catchRate() : null,
                guarded ? report.falsePositiveRate() : null, belowFloor ? overrideReason : null);
        em.flush();
        live.prepare(number, compiled);
        published.fire(new TriggerSetPublished(number));
        List<String> warnings = new ArrayList<>();
        if (!guarded) {
            warnings.add("No suite guards publishing (the shipped suite and every admin suite are switched off as gates): "
                    + "version " + number + " went live without a catch-rate check");
        }
        warnings.addAll(routingWarnings(document));
        return TriggerSetView.of(draft, warnings);
    }

    /** Publishes a copy of an earlier version as the next version (history is never rewritten). */
    public TriggerSetView rollback(int versionNo, String user) {
        TriggerSetVersion old = store.byNumber(versionNo).orElseThrow(() -> new NotFoundException("version " + versionNo + " does not exist"));
        discardDraft();
        em.flush();
        TriggerSetVersion draft = TriggerSetVersion.draft(old.getName(), old.getDocument(), user, clock.instant());
        em.persist(draft);
        em.flush();
        return publish(user, "Rollback to version " + versionNo, "rollback to version " + versionNo + " (published before)");
    }

    /** Evaluates a message or transcript against the draft: the admin's "try it" box. Persists nothing. */
    public Decision tryDraft(TriggerInput input, String user) {
        return live.compile(DefaultTriggerSet.parse(draftEntity(user).getDocument())).evaluate(input);
    }

    public TriggerSetView setEnabled(String triggerName, boolean enabled, String user) {
        TriggerSetDocument doc = DefaultTriggerSet.parse(draftEntity(user).getDocument());
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>();
        boolean found = false;
        for (TriggerSetDocument.TriggerSpec t : doc.triggersOrEmpty()) {
            if (t.name().equals(triggerName)) {
                found = true;
                t = new TriggerSetDocument.TriggerSpec(t.name(), t.kind(), t.description(), enabled, t.standalone(), t.priority(),
                        t.skills(), t.phrases(), t.negations(), t.topic(), t.minScore(), t.threshold(), t.trendWindow(), t.trendDrop(),
                        t.profanityRepeats(), t.minConfidence(), t.fallbackIntent(), t.fallbacksInARow(), t.repeatSimilarity(), t.tiers(),
                        t.minAccountValue(), t.recentEscalationDays(), t.operator(), t.of(), t.label());
            }
            triggers.add(t);
        }
        if (!found) {
            throw new NotFoundException("no trigger named " + triggerName);
        }
        return saveDraft(withTriggers(doc, doc.topicsOrEmpty(), triggers), user);
    }

    /** Moves a trigger one place up (-1) or down (+1) in the draft's list. */
    public TriggerSetView move(String triggerName, int delta, String user) {
        TriggerSetDocument doc = DefaultTriggerSet.parse(draftEntity(user).getDocument());
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>(doc.triggersOrEmpty());
        for (int i = 0; i < triggers.size(); i++) {
            if (triggers.get(i).name().equals(triggerName)) {
                int j = Math.max(0, Math.min(triggers.size() - 1, i + Integer.signum(delta)));
                triggers.add(j, triggers.remove(i));
                return saveDraft(withTriggers(doc, doc.topicsOrEmpty(), triggers), user);
            }
        }
        throw new NotFoundException("no trigger named " + triggerName);
    }

    /** Adds (or replaces) a topic defined by example phrases, with a topic trigger of the same name. */
    public TriggerSetView addTopicTrigger(String name, List<String> examples, List<String> keywords, String skill, int priority,
            double minScore, String user) {
        TriggerSetDocument doc = DefaultTriggerSet.parse(draftEntity(user).getDocument());
        List<TriggerSetDocument.TopicSpec> topics = new ArrayList<>(doc.topicsOrEmpty());
        topics.removeIf(t -> t.name().equals(name));
        topics.add(TriggerSetDocument.TopicSpec.of(name, null, keywords, examples));
        List<TriggerSetDocument.TriggerSpec> triggers = new ArrayList<>(doc.triggersOrEmpty());
        triggers.removeIf(t -> t.name().equals(name));
        triggers.add(TriggerSetDocument.TriggerSpec.of(name, "topic", "Topic defined in the portal by " + user, true, true, priority,
                List.of(skill), null, null, name, minScore, null, null, null, null, null, null, null, null, null, null, null, null, null));
        return saveDraft(withTriggers(doc, topics, triggers), user);
    }

    private static TriggerSetDocument withTriggers(TriggerSetDocument doc, List<TriggerSetDocument.TopicSpec> topics,
            List<TriggerSetDocument.TriggerSpec> triggers) {
        return new TriggerSetDocument(doc.format(), doc.name(), doc.description(), topics, doc.negativeExamples(), triggers);
    }

    public List<TriggerSetView> history() {
        return store.history().stream().map(TriggerSetView::of).toList();
    }

    public TriggerSetView version(int versionNo) {
        return TriggerSetView.of(store.byNumber(versionNo).orElseThrow(() -> new NotFoundException("version " + versionNo + " does not exist")));
    }

    /** Per trigger, the handoffs it fired on and how many agents flagged as not needed; most handoffs first. */
    public List<TriggerPrecision> precision() {
        java.util.Map<String, Long> flagged = new java.util.HashMap<>();
        em.createNamedQuery(EscalationFeedback.COUNT_BY_TRIGGER, Object[].class).getResultStream()
                .forEach(row -> flagged.put((String) row[0], ((Number) row[1]).longValue()));
        return em.createQuery("SELECT h.triggerName, COUNT(DISTINCT h.conversationId) FROM TriggerHit h GROUP BY h.triggerName", Object[].class)
                .getResultStream()
                .map(row -> new TriggerPrecision((String) row[0], ((Number) row[1]).longValue(), flagged.getOrDefault((String) row[0], 0L)))
                .sorted(java.util.Comparator.comparingLong(TriggerPrecision::handoffs).reversed())
                .toList();
    }

    private List<String> routingWarnings(TriggerSetDocument document) {
        return SkillCoverage.warnings(document, staffedSkills());
    }

    /** The skills at least one enabled agent has; every agent takes the default skill, so it counts if anyone is active. */
    private Set<String> staffedSkills() {
        Set<String> staffed = new HashSet<>(em.createQuery(
                "SELECT DISTINCT KEY(s) FROM Agent a JOIN a.skills s WHERE a.user.enabled = TRUE", String.class).getResultList());
        long active = em.createQuery("SELECT COUNT(a) FROM Agent a WHERE a.user.enabled = TRUE", Long.class).getSingleResult();
        if (active > 0) {
            staffed.add(routingSettings.defaultSkill().strip().toLowerCase(Locale.ROOT));
        }
        return staffed;
    }

    public double minCatchRate() {
        return minCatchRate;
    }

    public double maxFalsePositiveRate() {
        return maxFalsePositiveRate;
    }
}
