package eu.lexbridge.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway adapter builds on the core and the trust store only; the app wires it, so no Spring and no Camel here. */
@AnalyzeClasses(packages = "eu.lexbridge.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringNoCamel = noClasses().that().resideInAPackage("eu.lexbridge.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..");

    @ArchTest
    static final ArchRule onlyCoreAndTrustOfOurs = noClasses().that().resideInAPackage("eu.lexbridge.gateway..")
            .should().dependOnClassesThat(resideInAPackage("eu.lexbridge..")
                    .and(not(resideInAnyPackage("eu.lexbridge.gateway..", "eu.lexbridge.core..", "eu.lexbridge.trust.."))));
}
