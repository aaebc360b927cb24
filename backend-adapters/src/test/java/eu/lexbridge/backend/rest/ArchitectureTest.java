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

    @ArchTest
    static final ArchRule noOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.routes..", "eu.lexbridge.gateway..",
                    "eu.lexbridge.trust..", "eu.lexbridge.directory..");

    @ArchTest
    static final ArchRule coreAndFrameworksOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.core..", "eu.lexbridge.backend..", "java..", "jakarta.servlet..",
                    "jakarta.validation..", "org.springframework..", "org.springdoc..", "io.swagger.v3..",
                    "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule noServletContainerInternals = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.catalina..", "org.apache.tomcat..");
}
