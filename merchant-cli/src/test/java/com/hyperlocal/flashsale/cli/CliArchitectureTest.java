package com.hyperlocal.flashsale.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI's output goes only through picocli's writers, so tests and redirection see all of it. */
class CliArchitectureTest {

    static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void nothingPrintsToTheConsoleDirectly() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("output goes through spec.commandLine().getOut()/getErr()")
                .check(CLI);
    }

    @Test
    void httpStaysInTheClientModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.net.http..")
                .because("the server's API is the client module's job")
                .check(CLI);
    }
}
