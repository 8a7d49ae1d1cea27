package dev.handoff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @Test
    void componentsAreFreeOfCycles() {
        FreezingArchRule.freeze(slices().matching("dev.handoff.(*)..").namingSlices("$1")
                        .should().beFreeOfCycles().as("components (dev.handoff.<component>..) are free of cycles"))
                .check(HANDOFF);
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
