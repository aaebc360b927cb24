package eu.lexbridge.trust.pki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The test PKI stands alone: none of our modules, so that trust-store's own tests can use it without a cycle, and it
 * stays out of every production path but the demo's and the benchmarks'.
 */
@AnalyzeClasses(packages = "eu.lexbridge.trust.pki", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noModuleOfOurs = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "eu.lexbridge.core..", "eu.lexbridge.trust.keys..", "eu.lexbridge.trust.signature..",
            "eu.lexbridge.trust.evidence..", "eu.lexbridge.trust.container..", "eu.lexbridge.trust.document..",
            "eu.lexbridge.trust.lists..", "eu.lexbridge.trust.port..", "eu.lexbridge.app..", "eu.lexbridge.tools..");
}
