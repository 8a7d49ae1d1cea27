package dev.handoff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ADR 0024, checked on the compiled classes of all three modules.
 *
 * <p>Rules that the code already keeps are strict. Rules that the code of earlier rounds breaks are
 * <em>frozen</em> ({@link FreezingArchRule}): the violations known when the rule was written are
 * stored in {@code src/test/resources/archunit_store} (committed), any <em>new</em> violation fails
 * the build, and a fixed one drops out of the store when the test runs. The store may only shrink;
 * {@code freeze.store.default.allowStoreCreation} is off, so a missing store fails rather than
 * recording everything anew.
 */
class ArchitectureTest {

    static final JavaClasses HANDOFF = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.handoff");

    /** Records are values (views, commands, figures) wherever they sit; the rules below are about behaviour. */
    static final DescribedPredicate<JavaClass> RECORDS = DescribedPredicate.describe("records", JavaClass::isRecord);

    static DescribedPredicate<JavaClass> behaviourIn(String packageIdentifier) {
        return JavaClass.Predicates.resideInAPackage(packageIdentifier).and(DescribedPredicate.not(RECORDS))
                .as("classes other than records in " + packageIdentifier);
    }

    @Test
    void entitiesKnowOnlyEntitiesAndThePlatform() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.handoff..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handoff..boundary..", "dev.handoff..control..",
                        "dev.handoff.web..", "dev.handoff.platform.events..");
        rule.check(HANDOFF);
    }

    @Test
    void domainComponentsNeverSeeTheWebModule() {
        noClasses().that().resideOutsideOfPackage("dev.handoff.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.handoff.web..")
                .check(HANDOFF);
    }

    /**
     * The dependencies between components (dev.handoff.<component>), as a list of edges committed in
     * {@code architecture/component-edges.txt}. A new edge fails (it may close a cycle: decide it in
     * an ADR and add it); an edge no longer used fails too, so that the list only ever shrinks to the
     * truth. The cycles it still holds are listed in ADR 0024.
     */
    @Test
    void componentDependenciesAreTheKnownOnes() throws java.io.IOException {
        java.util.Set<String> edges = componentEdges();
        java.util.Set<String> known = knownEdges();
        java.util.Set<String> added = new java.util.TreeSet<>(edges);
        added.removeAll(known);
        java.util.Set<String> gone = new java.util.TreeSet<>(known);
        gone.removeAll(edges);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertTrue(added.isEmpty(), "new dependencies between components: " + added),
                () -> org.junit.jupiter.api.Assertions.assertTrue(gone.isEmpty(), "no longer used, remove from component-edges.txt: " + gone));
    }

    /**
     * The components still tied in a cycle, as groups in which each reaches each other (ADR 0024,
     * ADR 0047, ADR 0054). Empty since conversation ↔ routing was untangled (ADR 0063), and it stays
     * empty: a group is a cycle that was removed coming back or a new one.
     */
    static final java.util.Set<java.util.Set<String>> KNOWN_TANGLES = java.util.Set.of();

    /** The pairs of components that use each other directly: none, by the same rule as {@link #KNOWN_TANGLES}. */
    static final java.util.Set<String> KNOWN_MUTUAL = java.util.Set.of();

    @Test
    void cyclesOnlyAmongTheKnownComponents() {
        java.util.Set<String> edges = componentEdges();
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals(KNOWN_TANGLES, tangles(edges),
                        "components in cycles (groups that reach each other) are not the known ones"),
                () -> org.junit.jupiter.api.Assertions.assertEquals(KNOWN_MUTUAL, mutual(edges),
                        "components that use each other are not the known ones"));
    }

    /**
     * The check above catches a removed cycle coming back: platform's events carrying conversation's
     * enums, identity calling routing, the conversation calling context or the desk (ADR 0047), the
     * trigger bench reading conversation entities or routing's settings (ADR 0054), the conversation
     * calling routing or holding its entities (ADR 0063).
     */
    @Test
    void aCycleRemovedComingBackFailsTheCheck() throws java.io.IOException {
        org.junit.jupiter.api.Assertions.assertEquals(KNOWN_TANGLES, tangles(knownEdges()));
        for (String back : java.util.List.of("platform -> conversation", "identity -> routing", "conversation -> context",
                "conversation -> desk", "escalation -> conversation", "escalation -> routing", "conversation -> routing")) {
            java.util.Set<String> edges = new java.util.TreeSet<>(knownEdges());
            edges.add(back);
            org.junit.jupiter.api.Assertions.assertNotEquals(KNOWN_TANGLES, tangles(edges), back);
            if (!back.equals("escalation -> routing")) {
                // escalation -> routing closes a cycle through conversation (routing -> conversation -> escalation), not a pair
                org.junit.jupiter.api.Assertions.assertNotEquals(KNOWN_MUTUAL, mutual(edges), back);
            }
        }
    }

    static java.util.Set<String> componentEdges() {
        java.util.Set<String> edges = new java.util.TreeSet<>();
        for (JavaClass c : HANDOFF) {
            String from = component(c);
            for (com.tngtech.archunit.core.domain.Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = component(d.getTargetClass());
                if (from != null && to != null && !from.equals(to)) {
                    edges.add(from + " -> " + to);
                }
            }
        }
        return edges;
    }

    static java.util.Set<String> knownEdges() throws java.io.IOException {
        java.util.Set<String> known = new java.util.TreeSet<>();
        try (var in = ArchitectureTest.class.getResourceAsStream("/architecture/component-edges.txt")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(known::add);
        }
        return known;
    }

    /** Groups of two or more components in which each reaches each other along the edges ("a -> b"). */
    static java.util.Set<java.util.Set<String>> tangles(java.util.Set<String> edges) {
        java.util.Map<String, java.util.Set<String>> next = new java.util.TreeMap<>();
        for (String edge : edges) {
            String[] ends = edge.split(" -> ");
            next.computeIfAbsent(ends[0], k -> new java.util.TreeSet<>()).add(ends[1]);
            next.computeIfAbsent(ends[1], k -> new java.util.TreeSet<>());
        }
        java.util.Map<String, java.util.Set<String>> reach = new java.util.TreeMap<>();
        for (String from : next.keySet()) {
            java.util.Set<String> seen = new java.util.TreeSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(next.get(from));
            while (!todo.isEmpty()) {
                String c = todo.pop();
                if (seen.add(c)) {
                    todo.addAll(next.get(c));
                }
            }
            reach.put(from, seen);
        }
        java.util.Set<java.util.Set<String>> groups = new java.util.HashSet<>();
        for (String c : next.keySet()) {
            java.util.Set<String> group = new java.util.TreeSet<>();
            group.add(c);
            reach.get(c).stream().filter(o -> reach.get(o).contains(c)).forEach(group::add);
            if (group.size() > 1) {
                groups.add(java.util.Set.copyOf(group));
            }
        }
        return groups;
    }

    /** Pairs "a <-> b" (a before b) of components with an edge each way. */
    static java.util.Set<String> mutual(java.util.Set<String> edges) {
        java.util.Set<String> pairs = new java.util.TreeSet<>();
        for (String edge : edges) {
            String[] ends = edge.split(" -> ");
            if (ends[0].compareTo(ends[1]) < 0 && edges.contains(ends[1] + " -> " + ends[0])) {
                pairs.add(ends[0] + " <-> " + ends[1]);
            }
        }
        return pairs;
    }

    private static String component(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length >= 3 && parts[0].equals("dev") && parts[1].equals("handoff") ? parts[2] : null;
    }

    @Test
    void controlsServeTheirBoundariesNotTheOtherWayRound() {
        FreezingArchRule.freeze(noClasses().that().resideInAPackage("dev.handoff..control..")
                        .should().dependOnClassesThat(behaviourIn("dev.handoff..boundary.."))
                        .as("controls do not call boundaries"))
                .check(HANDOFF);
    }

    @Test
    void theWebModuleSeesBoundariesAndViewsOnly() {
        FreezingArchRule.freeze(noClasses().that().resideInAPackage("dev.handoff.web..")
                        .should().dependOnClassesThat(behaviourIn("dev.handoff..control.."))
                        .as("the web module does not reach into controls"))
                .check(HANDOFF);
    }

    /** Strict since the two nudges carrying conversation's enums moved into conversation (ADR 0047). */
    @Test
    void eventsCarryValuesNotEntities() {
        noClasses().that().resideInAPackage("dev.handoff.platform.events..")
                .should().dependOnClassesThat().resideInAPackage("dev.handoff..entity..")
                .as("domain events carry values, not entities")
                .check(HANDOFF);
    }
}
