package eu.lexbridge.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Messaging is the broker side of core's bus: core, the JDK, JMS and Artemis, nothing else of ours. */
@AnalyzeClasses(packages = "eu.lexbridge.messaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreJmsAndArtemis = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "eu.lexbridge.messaging..", "eu.lexbridge.core..", "java..", "jakarta.jms..",
            "org.springframework.jms..", "org.apache.activemq.artemis..");
}
