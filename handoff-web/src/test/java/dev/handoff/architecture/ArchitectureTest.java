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
        java.util.Set<String> known = new java.util.TreeSet<>();
        try (var in = ArchitectureTest.class.getResourceAsStream("/architecture/component-edges.txt")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(known::add);
        }
        java.util.Set<String> added = new java.util.TreeSet<>(edges);
        added.removeAll(known);
        java.util.Set<String> gone = new java.util.TreeSet<>(known);
        gone.removeAll(edges);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertTrue(added.isEmpty(), "new dependencies between components: " + added),
                () -> org.junit.jupiter.api.Assertions.assertTrue(gone.isEmpty(), "no longer used, remove from component-edges.txt: " + gone));
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

    @Test
    void eventsCarryValuesNotEntities() {
        FreezingArchRule.freeze(noClasses().that().resideInAPackage("dev.handoff.platform.events..")
                        .should().dependOnClassesThat().resideInAPackage("dev.handoff..entity..")
                        .as("domain events carry values, not entities"))
                .check(HANDOFF);
    }
}
