package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.InvalidSuiteException;
import dev.handoff.escalation.control.LabelledCase;
import dev.handoff.escalation.control.LabelledSuites;
import dev.handoff.escalation.entity.LabelledSuite;
import dev.handoff.escalation.entity.PublishingGate;
import dev.handoff.escalation.entity.SuiteCase;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labelled suites for the test bench: the shipped suite (built in, read-only) and the suites admins
 * create in the portal or import from CSV/JSON. The suites marked as gates are what a draft is checked
 * against before publishing, so a team's own regression examples guard every release; the shipped
 * suite is a gate until an admin switches it off (stored in {@link PublishingGate}).
 */
@Stateless
public class SuiteService {

    public static final String SHIPPED = "shipped";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<SuiteView> list() {
        List<SuiteView> out = new ArrayList<>();
        Optional<PublishingGate> choice = Optional.ofNullable(em.find(PublishingGate.class, PublishingGate.ID));
        out.add(new SuiteView(SHIPPED, "The labelled suite shipped with Handoff (read-only; copy it to change it)",
                choice.map(PublishingGate::isShippedSuite).orElse(true), true, LabelledSuites.shipped().size(),
                choice.map(PublishingGate::getUpdatedBy).orElse("Handoff"), choice.map(PublishingGate::getUpdatedAt).orElse(null)));
        em.createNamedQuery(LabelledSuite.FIND_ALL, LabelledSuite.class).getResultStream().map(SuiteView::of).forEach(out::add);
        return out;
    }

    public LabelledSuites.Suite suite(String name) {
        if (SHIPPED.equals(name)) {
            return new LabelledSuites.Suite(SHIPPED, "The labelled suite shipped with Handoff", null, LabelledSuites.shipped());
        }
        LabelledSuite s = get(name);
        return new LabelledSuites.Suite(s.getName(), s.getDescription(), s.isGate(), s.getCases().stream().map(SuiteService::toCase).toList());
    }

    public List<LabelledCase> cases(String name) {
        return suite(name).cases();
    }

    /**
     * The cases a draft must pass before it is published: the shipped suite (unless an admin switched
     * it off) and every gate suite. Empty when no suite guards publishing.
     */
    public List<LabelledCase> gateCases() {
        List<LabelledCase> all = new ArrayList<>(isShippedGate() ? LabelledSuites.shipped() : List.of());
        em.createNamedQuery(LabelledSuite.FIND_GATES, LabelledSuite.class).getResultStream()
                .forEach(s -> s.getCases().forEach(c -> all.add(toCase(c))));
        return all;
    }

    public SuiteView create(String name, String description, String user) {
        String checked = checkName(name);
        if (find(checked).isPresent()) {
            throw new ConflictException("a suite named " + checked + " exists already");
        }
        LabelledSuite suite = newSuite(checked, description, user);
        em.flush();
        return SuiteView.of(suite);
    }

    /**
     * Creates or replaces a suite's cases from an imported file (the file's description and gate flag
     * apply when it has them); with {@code append} the cases are added after the existing ones.
     */
    public SuiteView importSuite(String name, LabelledSuites.Suite imported, boolean append, String user) {
        String checked = checkName(name);
        Instant now = clock.instant();
        LabelledSuite suite = find(checked).orElseGet(() -> newSuite(checked, imported.description(), user));
        List<SuiteCase> cases = new ArrayList<>(append ? suite.getCases() : List.of());
        try {
            imported.cases().forEach(c -> cases.add(toEntity(c)));
            suite.replaceCases(cases, user, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidSuiteException("cases", e.getMessage());
        }
        if (imported.description() != null) {
            suite.describe(imported.description());
        }
        if (imported.gate() != null && imported.gate() != suite.isGate()) {
            suite.useAsGate(imported.gate(), user, now);
        }
        em.flush();
        return SuiteView.of(suite);
    }

    public SuiteView addCase(String name, LabelledCase c, String user) {
        LabelledSuite suite = get(name);
        try {
            suite.addCase(toEntity(c), user, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("text", e.getMessage());
        }
        em.flush();
        return SuiteView.of(suite);
    }

    /**
     * Adds one case to a suite, creating the suite (not a gate, with {@code descriptionIfNew}) if there
     * is none of that name; a case with the same id already in the suite is a conflict.
     */
    public SuiteView append(String name, String descriptionIfNew, LabelledCase c, String user) {
        String checked = checkName(name);
        LabelledSuite suite = find(checked).orElseGet(() -> newSuite(checked, descriptionIfNew, user));
        for (int i = 0; i < suite.getCases().size(); i++) {
            if (suite.getCases().get(i).getKey().equals(c.id())) {
                throw new ConflictException("Suite " + checked + " already holds this case: case " + (i + 1) + " (id " + c.id() + ")");
            }
        }
        try {
            suite.addCase(toEntity(c), user, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("text", e.getMessage());
        }
        em.flush();
        return SuiteView.of(suite);
    }

    public SuiteView removeCase(String name, int index, String user) {
        LabelledSuite suite = get(name);
        try {
            suite.removeCase(index, user, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("index", e.getMessage());
        }
        em.flush();
        return SuiteView.of(suite);
    }

    /** Whether the shipped suite guards publishing: yes, until an admin switches it off. */
    public boolean isShippedGate() {
        PublishingGate choice = em.find(PublishingGate.class, PublishingGate.ID);
        return choice == null || choice.isShippedSuite();
    }

    /** Makes a suite part of the publishing gate, or takes it out; the shipped suite too (the choice is stored). */
    public SuiteView useAsGate(String name, boolean gate, String user) {
        if (SHIPPED.equals(name)) {
            PublishingGate choice = em.find(PublishingGate.class, PublishingGate.ID);
            if (choice == null) {
                em.persist(new PublishingGate(gate, user, clock.instant()));
            } else {
                choice.useShippedSuite(gate, user, clock.instant());
            }
            em.flush();
            return list().get(0);
        }
        LabelledSuite suite = get(name);
        suite.useAsGate(gate, user, clock.instant());
        em.flush();
        return SuiteView.of(suite);
    }

    public void delete(String name) {
        em.remove(get(name));
    }

    private LabelledSuite newSuite(String name, String description, String user) {
        LabelledSuite suite;
        try {
            suite = new LabelledSuite(name, description, user, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("description", e.getMessage());
        }
        em.persist(suite);
        return suite;
    }

    private LabelledSuite get(String name) {
        if (SHIPPED.equals(name)) {
            throw new ConflictException("the shipped suite is read-only; import its export under another name to change it");
        }
        return find(name).orElseThrow(() -> new NotFoundException("there is no suite named " + name));
    }

    private Optional<LabelledSuite> find(String name) {
        return em.createNamedQuery(LabelledSuite.FIND_BY_NAME, LabelledSuite.class).setParameter("name", name).getResultStream().findFirst();
    }

    private static String checkName(String name) {
        if (SHIPPED.equals(name)) {
            throw new ConflictException("the shipped suite is read-only; import its export under another name to change it");
        }
        if (name == null || !name.matches(LabelledSuite.NAME_PATTERN)) {
            throw new InvalidInputException("name", "suite names are 1-80 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return name;
    }

    private static SuiteCase toEntity(LabelledCase c) {
        return new SuiteCase(c.id(), c.text(), c.escalate(), c.category(), c.expectedTrigger(), c.notes());
    }

    static LabelledCase toCase(SuiteCase c) {
        return new LabelledCase(c.getKey(), c.getText(), c.isEscalate(), c.getCategory() == null ? "" : c.getCategory(),
                c.getExpectedTrigger(), c.getNotes() == null ? "" : c.getNotes());
    }
}
