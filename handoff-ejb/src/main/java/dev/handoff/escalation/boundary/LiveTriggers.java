package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.CompiledTriggerSet;
import dev.handoff.escalation.control.Decision;
import dev.handoff.escalation.control.DefaultTriggerSet;
import dev.handoff.escalation.control.Lexicons;
import dev.handoff.escalation.control.TriggerEngine;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.escalation.control.TriggerSetDocument;
import dev.handoff.platform.events.TriggerSetPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The live trigger set: the newest published version, compiled once and swapped atomically when a
 * new version is published, so message handling never waits for a classifier to train. Every
 * {@link TriggerEngine} injected anywhere evaluates against whatever is live at that moment.
 */
@ApplicationScoped
public class LiveTriggers {

    private static final Logger LOG = Logger.getLogger(LiveTriggers.class.getName());

    @Inject
    TriggerSetStore store;

    private volatile Live live;

    private final Map<Integer, CompiledTriggerSet> prepared = new ConcurrentHashMap<>();

    record Live(int versionNo, CompiledTriggerSet set) {}

    @Produces
    @Singleton
    TriggerEngine liveEngine() {
        return new TriggerEngine() {
            @Override
            public Decision evaluate(TriggerInput input) {
                return current().set().evaluate(input);
            }

            @Override
            public boolean readsRecentEscalations() {
                return current().set().readsRecentEscalations();
            }
        };
    }

    public int versionNo() {
        return current().versionNo();
    }

    Live current() {
        Live now = live;
        if (now == null) {
            synchronized (this) {
                if (live == null) {
                    live = load();
                }
                now = live;
            }
        }
        return now;
    }

    private Live load() {
        long started = System.nanoTime();
        Live loaded = store.published()
                .map(v -> new Live(v.getVersionNo(), CompiledTriggerSet.compile(DefaultTriggerSet.parse(v.getDocument()), Lexicons.bundled())))
                .orElseGet(() -> new Live(0, CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled())));
        LOG.info(() -> "Trigger set version " + loaded.versionNo() + " is live (compiled in "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return loaded;
    }

    /**
     * Hands over the set compiled while a version is published; it goes live when (and only if) the
     * publishing transaction commits, so a rolled-back publication never reaches customers.
     */
    void prepare(int versionNo, CompiledTriggerSet set) {
        prepared.put(versionNo, set);
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TriggerSetPublished event) {
        CompiledTriggerSet set = prepared.remove(event.versionNo());
        Live current = live;
        if (current != null && current.versionNo() >= event.versionNo()) {
            return;
        }
        // Compile (if needed) outside the lock: messages keep using the old version meanwhile.
        Live next = set != null ? new Live(event.versionNo(), set) : load();
        synchronized (this) {
            if (live == null || live.versionNo() < next.versionNo()) {
                live = next;
                LOG.info(() -> "Trigger set version " + next.versionNo() + " is live");
            }
        }
    }

    void onPublishFailed(@Observes(during = TransactionPhase.AFTER_FAILURE) TriggerSetPublished event) {
        prepared.remove(event.versionNo());
    }

    /**
     * A version published on another server sharing this database goes live here too: one query for
     * the published version's number, compiled only when it is newer than the live one (ADR 0038).
     */
    public void followPublished() {
        Live now = live;
        if (now == null) {
            return;
        }
        java.util.OptionalInt published = store.publishedNumber();
        if (published.isPresent() && published.getAsInt() > now.versionNo()) {
            Live next = load();
            synchronized (this) {
                if (live == null || live.versionNo() < next.versionNo()) {
                    live = next;
                }
            }
        }
    }

    private volatile CompiledTriggerSet lastDraft;

    /** Compiles a document the way the live set is compiled (for drafts, try-it and the bench). */
    public CompiledTriggerSet compile(TriggerSetDocument document) {
        CompiledTriggerSet cached = lastDraft;
        if (cached != null && cached.document().equals(document)) {
            return cached;
        }
        CompiledTriggerSet compiled = CompiledTriggerSet.compile(document, Lexicons.bundled());
        lastDraft = compiled;
        return compiled;
    }
}
