package com.hyperlocal.flashsale.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What Spring Modulith does not check: where HTTP may appear, and what production code may not use. */
class ArchitectureRulesTest {

    /** The server's own production classes (surefire runs in the module folder). */
    static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    static final String[] FEATURES = {
        "com.hyperlocal.flashsale.claim..", "com.hyperlocal.flashsale.deal..",
        "com.hyperlocal.flashsale.discovery..", "com.hyperlocal.flashsale.merchant..",
        "com.hyperlocal.flashsale.redemption..", "com.hyperlocal.flashsale.voucher.."
    };

    /** Services, writers, repositories, events and domain errors know nothing of HTTP. */
    @Test
    void domainCodeUsesNoHttpTypes() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(FEATURES)
                .and()
                .areNotAnnotatedWith(RestController.class)
                .and()
                .areNotAnnotatedWith(RestControllerAdvice.class)
                .and()
                .areNotAssignableTo(WebMvcConfigurer.class)
                .and()
                .areNotAssignableTo(HandlerMethodArgumentResolver.class)
                .and()
                .areNotAssignableTo(AuthenticationConverter.class)
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.http..",
                        "org.springframework.web..",
                        "jakarta.servlet..",
                        "org.apache.catalina..",
                        "org.apache.tomcat..")
                .because("HTTP stays at the edge: controllers and the web package map domain results");
        rule.check(SERVER);
    }

    /** The product never starts development infrastructure itself. */
    @Test
    void productionCodeDoesNotUseDevelopmentInfrastructure() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.hyperlocal.flashsale.dev..", "io.zonky..", "redis.embedded..")
                .check(SERVER);
    }

    /**
     * Logging goes through SLF4J, never the console. The one exception prints the development demo
     * merchant's key once on the terminal, deliberately not into the log.
     */
    @Test
    void noConsoleOutput() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("com.hyperlocal.flashsale.merchant.DemoMerchant")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(SERVER);
    }
}
