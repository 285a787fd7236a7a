package org.vigil.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module directions of ARCHITECTURE.md: model at the bottom, app on top, the middle modules apart. */
class ModuleDirectionTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    private static final String FIX = "; move the shared type into vigil-model, or do the joining in vigil-app";

    private static void middleModuleStaysApart(String self, String... others) {
        for (String other : others) {
            ArchRule rule = noClasses().that().resideInAPackage("org.vigil." + self + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.vigil." + other + "..", "org.vigil.app..")
                    .because("vigil-" + self + " must not depend on vigil-" + other + " or vigil-app" + FIX);
            rule.check(CLASSES);
        }
    }

    @Test
    void modelDependsOnNothingElseInVigil() {
        noClasses().that().resideInAPackage("org.vigil.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vigil.ingest..", "org.vigil.extract..",
                        "org.vigil.coordination..", "org.vigil.store..", "org.vigil.exchange..", "org.vigil.app..")
                .because("vigil-model is the bottom layer and uses the JDK only; move the dependent code up a module")
                .check(CLASSES);
    }

    @Test
    void ingestExtractCoordinationAndStoreDoNotDependOnEachOther() {
        middleModuleStaysApart("ingest", "extract", "coordination", "store");
        middleModuleStaysApart("extract", "ingest", "coordination", "store");
        middleModuleStaysApart("coordination", "ingest", "extract", "store");
        middleModuleStaysApart("store", "ingest", "extract", "coordination");
    }

    @Test
    void exchangeSitsBetweenStoreAndAppAndNothingBelowUsesIt() {
        noClasses().that().resideInAnyPackage("org.vigil.ingest..", "org.vigil.extract..", "org.vigil.coordination..",
                        "org.vigil.store..")
                .should().dependOnClassesThat().resideInAPackage("org.vigil.exchange..")
                .because("vigil-exchange reads the store and the DISARM mapping; only vigil-app may use it" + FIX)
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.vigil.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vigil.app..", "org.vigil.ingest..", "org.vigil.coordination..")
                .because("vigil-exchange uses vigil-model, vigil-store and vigil-extract only; do the joining in vigil-app")
                .check(CLASSES);
    }
}
