package eu.lexbridge.backend.jms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The JMS adapter knows the core and its frameworks, never another module. */
@AnalyzeClasses(packages = "eu.lexbridge.backend.jms", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.routes..", "eu.lexbridge.gateway..",
                    "eu.lexbridge.trust..", "eu.lexbridge.directory..", "eu.lexbridge.backend.rest..",
                    "eu.lexbridge.backend.soap..", "eu.lexbridge.persistence..", "eu.lexbridge.messaging..");

    @ArchTest
    static final ArchRule coreAndFrameworksOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.core..", "eu.lexbridge.backend.jms..", "java..", "javax.security..",
                    "jakarta.jms..", "jakarta.validation..", "org.apache.activemq.artemis..", "org.springframework..",
                    "org.slf4j..");

    /** The broker's gate and settings know nothing of the listeners and links. */
    @ArchTest
    static final ArchRule brokerStandsApart = noClasses().that().resideInAPackage("eu.lexbridge.backend.jms.broker..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.core.flow..");
}
