package eu.lexbridge.backend.rest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Back-end adapters know the core and their frameworks, never the other modules. */
@AnalyzeClasses(packages = "eu.lexbridge.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String TOMCAT = "eu.lexbridge.backend.rest.tomcat..";

    @ArchTest
    static final ArchRule noOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.routes..", "eu.lexbridge.gateway..",
                    "eu.lexbridge.trust..", "eu.lexbridge.directory..");

    @ArchTest
    static final ArchRule coreAndFrameworksOnly = classes().that().resideOutsideOfPackage(TOMCAT)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.core..", "eu.lexbridge.backend..", "java..",
                    "javax.crypto..", "javax.security.auth.x500..", "jakarta.servlet..", "jakarta.validation..",
                    "org.springframework..", "org.springdoc..", "io.swagger.v3..", "com.fasterxml.jackson..",
                    "org.slf4j..");

    /** Tomcat's own refusals are answered in one package, which is switched on only when Tomcat runs. */
    @ArchTest
    static final ArchRule noServletContainerInternals = noClasses().that().resideOutsideOfPackage(TOMCAT)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.catalina..", "org.apache.tomcat..");

    @ArchTest
    static final ArchRule tomcatPartUsesFrameworksAndTomcatOnly = classes().that().resideInAPackage(TOMCAT)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.core..", "eu.lexbridge.backend..", "java..", "jakarta.servlet..",
                    "org.springframework..", "com.fasterxml.jackson..", "org.apache.catalina..",
                    "org.apache.tomcat..");
}
