package com.hyperlocal.flashsale.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The till's boundaries, checked on the compiled classes: the logic runs without JavaFX (in a
 * test, a CLI, a future Android shell) and talks to the server only through the client module.
 */
@AnalyzeClasses(packages = "com.hyperlocal.flashsale.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiPackageUsesJavaFx = noClasses()
            .that()
            .resideOutsideOfPackage("com.hyperlocal.flashsale.verifier.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the counter logic must run and be tested without a display");

    @ArchTest
    static final ArchRule httpOnlyInTheSyncAdapter = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("com.hyperlocal.flashsale.verifier.sync.HttpTillServer")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..", "com.hyperlocal.flashsale.client..")
            .because("the server is reached through TillServer, implemented once over the client module");

    @ArchTest
    static final ArchRule onlyOneJsonLibrary = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml.jackson.databind..")
            .because("the project uses one Jackson major (3.x, tools.jackson), through the client module");
}
