package eu.lexbridge.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** connector-core is the heart: plain Java, no framework, and it knows none of the modules that build on it. */
@AnalyzeClasses(packages = "eu.lexbridge.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.camel..", "jakarta..", "com.helger..",
                    "eu.europa.esig..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule noOuterModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.trust..", "eu.lexbridge.directory..", "eu.lexbridge.routes..",
                    "eu.lexbridge.backend..", "eu.lexbridge.gateway..", "eu.lexbridge.app..");
}
